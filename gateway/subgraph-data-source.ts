import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { logger } from "@agora-hub/runtime";
import { LANGUAGES_HEADER } from "@agora-hub/runtime";
import { ANONYMOUS, type HubTokenSigner } from "@agora-hub/runtime";
import { DEFAULT_PARTNER_MAX_RESPONSE_BYTES } from "./config";
import type { GatewayContext } from "./gateway-context";
import type { AnswerProblem, ShapedAnswer } from "./subgraph-answers/shape-answer";
import type { SupergraphTypes } from "./subgraph-answers/supergraph-types";
import { mergeIdenticalCalls } from "./response-cache/merge-identical-calls";
import { viewerKey } from "./response-cache/viewer-key";
import {
  callScope,
  type CallScope,
  createCoreFetcher,
  createGuardedFetcher,
  limitSubgraphCalls,
  type SubgraphFetcher,
  withCallScope,
} from "./partner-traffic/guarded-fetch";

/** Partner error codes clients may see; every other code, and every partner message, is dropped. */
export const PARTNER_ERROR_CODES: ReadonlySet<string> = new Set(["BAD_USER_INPUT", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED"]);

/** Whose subgraph this is: the hub's own ("core"), or one a partner network registered ("partner"). */
export type SubgraphTrust = "core" | "partner";

/** How to reach one subgraph and how far to trust it. */
export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  timeoutMs: number;
  /** Defaults to "core". */
  trust?: SubgraphTrust;
  /** Partners only: response size cap, PARTNER_MAX_RESPONSE_BYTES's default unless given. */
  maxResponseBytes?: number;
  /** Partners only: let routing URLs reach loopback and private networks (AGORA_ALLOW_PRIVATE_SUBGRAPHS=1). */
  allowPrivate?: boolean;
  /** The supergraph's types, against which every answer is checked and cut to what was asked. */
  types: SupergraphTypes;
  /** The hub's key set: every request, core or partner, carries a token for this subgraph, the viewer and the body. */
  signer?: HubTokenSigner;
  /** Identical read calls of one viewer in flight at once share one answer (MERGE_INFLIGHT_REQUESTS). */
  mergeInFlight?: boolean;
  /** Calls in flight to this subgraph and calls waiting for it (SUBGRAPH_MAX_CONCURRENCY, SUBGRAPH_QUEUE_SIZE); 16 and 64 unless given. */
  maxConcurrent?: number;
  queueSize?: number;
}

/** Default bulkhead of one subgraph (see SubgraphDataSourceOptions). */
export const DEFAULT_SUBGRAPH_MAX_CONCURRENCY = 16;
export const DEFAULT_SUBGRAPH_QUEUE_SIZE = 64;

// RemoteGraphQLDataSource calls its fetcher without the request's context, so willSendRequest names the call
// in a header that only this data source reads (the outermost fetcher takes it off): the budget and the viewer
// of the client request it serves. Not AsyncLocalStorage, whose promise hooks cost every promise of the gateway.
const CALL_HEADER = "x-agora-internal-call";

// The only headers a subgraph ever receives; client headers and credentials never leave the gateway.
const CORE_HEADERS = new Set(["content-type", "x-request-id", "apollo-federation-include-trace"]);
const PARTNER_HEADERS = new Set(["content-type", "x-request-id"]);
const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
const MAX_ERROR_PATH_LENGTH = 64;
const MAX_PARTNER_ERRORS = 50;
/** Errors reported for one answer's problems; the rest are only counted in the log. */
const MAX_ANSWER_PROBLEMS = 10;

const PROBLEM_MESSAGES: Record<AnswerProblem["reason"], string> = {
  "wrong-type": "returned an entity of the wrong type",
  "key-mismatch": "returned an entity whose key differs from the one asked for",
  "invalid-value": "returned an invalid value",
  "invalid-entities": "returned an invalid response",
};

type ReceivedResponse = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["didReceiveResponse"]>>[0];
type GatewayResponse = ReceivedResponse["response"];

/**
 * How the gateway calls a subgraph. Every subgraph gets a timeout, no redirects, only the request id and the
 * hub's token (audience, viewer, body hash) as headers, and a failure reported as "The <name> subgraph is
 * unavailable" without internal details. Every answer, core or partner, is cut to exactly what the query plan asked that subgraph for and checked
 * against the supergraph's types (`subgraph-answers/`), so no subgraph can overwrite another's fields.
 * Partner subgraphs also go through the SSRF-guarded fetcher with a size cap and their errors are reworded
 * as the hub's (keeping only the path and an allow-listed code); the hub's own subgraphs' errors pass through.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;
  readonly trust: SubgraphTrust;
  private readonly types: SupergraphTypes;
  /** The client request each call in flight serves, by the id willSendRequest gave it. */
  private readonly calls: Map<string, CallScope>;
  private lastCall = 0;

  constructor(options: SubgraphDataSourceOptions) {
    const trust = options.trust ?? "core";
    const transport: SubgraphFetcher =
      trust === "partner"
        ? createGuardedFetcher({
            timeoutMs: options.timeoutMs,
            maxResponseBytes: options.maxResponseBytes ?? DEFAULT_PARTNER_MAX_RESPONSE_BYTES,
            allowPrivate: options.allowPrivate ?? false,
          })
        : createCoreFetcher({ timeoutMs: options.timeoutMs });
    // Signed inside the bulkhead, so a call that waited in the queue still leaves with a fresh token.
    const signed = signingFetcher(transport, options.signer, options.name, trust);
    const limited = limitSubgraphCalls(signed, {
      maxConcurrent: options.maxConcurrent ?? DEFAULT_SUBGRAPH_MAX_CONCURRENCY,
      queueSize: options.queueSize ?? DEFAULT_SUBGRAPH_QUEUE_SIZE,
      maxWaitMs: options.timeoutMs,
    });
    // Merged before the bulkhead, so calls that share an answer take no place in it.
    const merged = options.mergeInFlight
      ? mergeIdenticalCalls(limited, (init) => {
          const languages = (init.headers as Record<string, string> | undefined)?.[LANGUAGES_HEADER] ?? "";
          const viewer = viewerKey(callScope(init).viewer);
          return viewer === null ? null : `${viewer}\0${languages}`;
        })
      : limited;
    const calls = new Map<string, CallScope>();
    // A partner's Cache-Control must not shorten or privatise the hub's own cache policy.
    super({ url: options.url, fetcher: scopedCalls(merged, calls), honorSubgraphCacheControlHeader: trust === "core" });
    this.calls = calls;
    this.name = options.name;
    this.trust = trust;
    this.types = options.types;
  }

  /** Releases the connection pool; the data source cannot be used afterwards. */
  async close(): Promise<void> {
    await (this.fetcher as SubgraphFetcher).close();
  }

  /** Records the call in the request's subgraph calls (the response cache reads them), and forgets its scope once answered. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]> {
    const context = options.context as Partial<GatewayContext> | undefined;
    const calls = context?.subgraphCalls;
    if (calls) {
      calls.names.add(this.name);
      if (this.trust === "partner") calls.partner = true;
    }
    try {
      return await super.process(options);
    } finally {
      const id = options.request.http?.headers.get(CALL_HEADER);
      if (id) this.calls.delete(id);
    }
  }

  /**
   * Keeps only the allowed headers, adds the request id and languages, and names the call so the fetcher runs it
   * within the client request's budget (it aborts with it and sends its deadline) and viewer (its token names it).
   */
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    const kept = this.trust === "partner" ? PARTNER_HEADERS : CORE_HEADERS;
    const names = Array.from(headers, ([name]) => name);
    for (const name of names) if (!kept.has(name.toLowerCase())) headers.delete(name);
    headers.delete("x-request-id");
    const requestId = (context as Partial<GatewayContext> | undefined)?.requestId;
    if (requestId && REQUEST_ID.test(requestId)) headers.set("x-request-id", requestId);
    // The client's languages choose the language of texts; partners do not need them, so only core subgraphs get them.
    const languages = (context as Partial<GatewayContext> | undefined)?.languages;
    if (this.trust === "core" && languages?.length) headers.set(LANGUAGES_HEADER, languages.join(","));
    const id = String((this.lastCall += 1));
    const gateway = context as Partial<GatewayContext> | undefined;
    this.calls.set(id, { budget: gateway?.budget, viewer: gateway?.viewer ?? ANONYMOUS, ...(gateway?.client ? { client: gateway.client } : {}) });
    headers.set(CALL_HEADER, id);
  }

  override didReceiveResponse({ response, request, context }: ReceivedResponse): GatewayResponse {
    const requestId = (context as Partial<GatewayContext> | undefined)?.requestId;
    // The hub's own subgraphs' errors pass through; a partner's are reworded as the hub's.
    const errors = this.trust === "core" ? [...(response.errors ?? [])] : this.maskPartnerErrors(response.errors, requestId);
    const shaped = this.types.shape(request, response.data);
    errors.push(...this.reportProblems(shaped, requestId));
    // Extensions (traces, anything else) of a partner are its own business and never reach the hub's response.
    const extensions = this.trust === "core" ? response.extensions : undefined;
    return { data: shaped.data, ...(errors.length > 0 ? { errors } : {}), ...(extensions ? { extensions } : {}), http: response.http };
  }

  override didEncounterError(error: Error, _fetchRequest: unknown, fetchResponse?: { status?: number }, context?: Partial<GatewayContext>): void {
    logger.warn(
      { err: error, subgraph: this.name, trust: this.trust, status: fetchResponse?.status, requestId: context?.requestId },
      "subgraph request failed",
    );
    // A core subgraph answers 400 when it refuses the client's input (e.g. an unknown language tag, a custom
    // scalar the gateway cannot check): pass its message on as BAD_USER_INPUT instead of "unavailable".
    const refused = this.trust === "core" && fetchResponse?.status === 400 ? firstErrorMessage(error) : undefined;
    if (refused) throw new GraphQLError(refused, { extensions: { code: "BAD_USER_INPUT", subgraph: this.name } });
    throw new GraphQLError(`The ${this.name} subgraph is unavailable`, {
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: this.name },
    });
  }

  /** Rewords every partner error as the hub's, keeping only a well-formed path and an allow-listed code. */
  private maskPartnerErrors(received: unknown, requestId: string | undefined): GraphQLFormattedError[] {
    if (received === undefined || received === null) return [];
    const list: unknown[] = Array.isArray(received) ? received : [received];
    if (list.length === 0) return [];
    logger.info({ subgraph: this.name, requestId, count: list.length, first: JSON.stringify(list[0]).slice(0, 1000) }, "partner subgraph returned errors");
    // A partner cannot flood the hub's response: past the cap, its errors are only counted in the log above.
    return list.slice(0, MAX_PARTNER_ERRORS).map((error) => {
      const { path, extensions } = (typeof error === "object" && error !== null ? error : {}) as { path?: unknown; extensions?: { code?: unknown } };
      const code = extensions?.code;
      return {
        message: `The ${this.name} subgraph returned an error`,
        ...(isErrorPath(path) ? { path } : {}),
        extensions: { ...(typeof code === "string" && PARTNER_ERROR_CODES.has(code) ? { code } : {}), subgraph: this.name },
      };
    });
  }

  /** One error per problem found in the answer (at most a few; the log has the count), naming this subgraph. */
  private reportProblems(shaped: ShapedAnswer, requestId: string | undefined): GraphQLFormattedError[] {
    if (shaped.unrequested > 0)
      logger.warn({ subgraph: this.name, requestId, count: shaped.unrequested }, "subgraph answered fields it was not asked for; dropped");
    if (shaped.problems.length === 0) return [];
    logger.warn({ subgraph: this.name, requestId, count: shaped.problems.length, problems: shaped.problems.slice(0, 10) }, "subgraph answer failed its checks");
    return shaped.problems.slice(0, MAX_ANSWER_PROBLEMS).map((problem) => ({
      message: `The ${this.name} subgraph ${PROBLEM_MESSAGES[problem.reason]}`,
      ...(problem.path.length > 0 ? { path: problem.path } : {}),
      extensions: { code: "SUBGRAPH_INVALID_RESPONSE", subgraph: this.name },
    }));
  }
}

/**
 * Sends each request with `Authorization: Bearer <hub token>` for `audience` (the subgraph's name), the
 * viewer and the exact body, core and partner subgraphs alike, and to core subgraphs alone the client's
 * pseudonym; the client's own credentials never leave the gateway (`willSendRequest` keeps none). Without a
 * signer (tests of the data source alone) requests go without a token.
 */
function signingFetcher(inner: SubgraphFetcher, signer: HubTokenSigner | undefined, audience: string, trust: "core" | "partner"): SubgraphFetcher {
  if (!signer) return inner;
  const fetcher: RemoteGraphQLDataSource["fetcher"] = async (url, init = {}) => {
    const body = typeof init.body === "string" ? init.body : "";
    const scope = callScope(init);
    const token = await signer.sign({ audience, viewer: scope.viewer, body, ...(trust === "core" && scope.client ? { client: scope.client } : {}) });
    return inner(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } });
  };
  return Object.assign(fetcher, { close: () => inner.close() });
}

/**
 * The outermost fetcher: takes the call's name off its headers and carries the client request's scope with the
 * call's options instead (`callScope`), where the bulkhead, the merging and the signing find it.
 */
function scopedCalls(inner: SubgraphFetcher, calls: ReadonlyMap<string, CallScope>): SubgraphFetcher {
  const fetcher: RemoteGraphQLDataSource["fetcher"] = (url, init = {}) => {
    const { [CALL_HEADER]: id, ...headers } = (init.headers ?? {}) as Record<string, string>;
    const scope = (id !== undefined ? calls.get(id) : undefined) ?? { viewer: ANONYMOUS };
    return inner(url, withCallScope({ ...init, headers }, scope));
  };
  return Object.assign(fetcher, { close: () => inner.close() });
}

/** The first error message in the body of a failed subgraph response, as @apollo/gateway attaches it to the error. */
function firstErrorMessage(error: Error): string | undefined {
  const body = (error as { extensions?: { response?: { body?: unknown } } }).extensions?.response?.body;
  const errors = typeof body === "object" && body !== null ? (body as { errors?: unknown }).errors : undefined;
  const message = Array.isArray(errors) ? (errors[0] as { message?: unknown } | undefined)?.message : undefined;
  return typeof message === "string" ? message.slice(0, 1000) : undefined;
}

function isErrorPath(path: unknown): path is Array<string | number> {
  return (
    Array.isArray(path) &&
    path.length <= MAX_ERROR_PATH_LENGTH &&
    path.every((segment) => (typeof segment === "string" && segment.length <= 256) || (Number.isInteger(segment) && segment >= 0))
  );
}
