import { ApolloServer, type ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import { buildSubgraphSchema } from "../schema/build-subgraph-schema";
import { cancelStatementsOnAbort, dataSourceInScope, openRequestScope, requestCancellation, requestScopeOf, type RequestScope } from "@agora-hub/runtime";
import { logger } from "@agora-hub/runtime";
import { createErrorFormatter, errorLoggingPlugin } from "@agora-hub/runtime";
import { createServerMetrics, keepConnectionsAlive, metricsHandler } from "@agora-hub/runtime";
import { requestLogging } from "@agora-hub/runtime";
import type { ServerMetrics } from "@agora-hub/runtime";
import { partialErrorsPlugin } from "./partial-errors";
import type { PeerSubgraphs } from "../peers/peer-subgraphs";
import { LANGUAGES_HEADER, readLanguagesHeader } from "@agora-hub/runtime";
import type { HubTokenSigner } from "@agora-hub/runtime";
import { createHubTokenVerifier, type HubKeySource, type TokenRefusal } from "../identity/hub-token-verifier";
import { createRequestDrain } from "@agora-hub/runtime";
import { CONNECTION_GRACE_MS, SUBGRAPH_DRAIN_MS } from "@agora-hub/runtime";
import { createSubgraphContext, type SubgraphContext, type SubgraphDefinition } from "../subgraph";
import type { Viewer } from "@agora-hub/runtime";
import { ANONYMOUS } from "@agora-hub/runtime";
import { hubPublicUrl } from "@agora-hub/runtime";

/** Who a request is from, as its hub token says: the viewer and, when the gateway sent one, its pseudonym of the client. */
interface Caller {
  viewer: Viewer;
  client?: string;
}
/** Largest request body a subgraph accepts; gateway queries are far smaller. */
const BODY_LIMIT = "1mb";
const BODY_LIMIT_BYTES = 1024 * 1024;

/** How a subgraph's Apollo Server is built. */
export interface SubgraphServerOptions {
  /**
   * Federated tracing (ftv1): with it on, a request carrying `apollo-federation-include-trace: ftv1` gets
   * its resolver timings in `extensions.ftv1`, for a gateway or router that reports them. Off by
   * default: the hub reports no usage, so traces would only cost time. Error messages in traces are masked.
   */
  inlineTracing?: boolean;
  /** The definition's schema, built ahead with `buildSubgraphSchema` (the hub builds them while its database starts); built here when absent. */
  schema?: GraphQLSchema;
}

/**
 * What Apollo's default cache-control plugin answers for a schema without cache hints (`no-store`), without
 * it: that plugin wraps every field's resolver to collect hints no subgraph gives, a good share of the CPU
 * a deep request costs.
 */
function uncacheablePlugin(): ApolloServerPlugin<object> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has("cache-control")) response.http.headers.set("cache-control", "no-store");
        },
      };
    },
  };
}

/** A subgraph's Apollo Server with its schema, ready for `executeOperation` in tests or for HTTP. */
export async function createSubgraphServer<TLoaders, TSettings = unknown>(
  definition: SubgraphDefinition<TLoaders, TSettings>,
  options: { production?: boolean } & SubgraphServerOptions = {},
): Promise<ApolloServer<SubgraphContext<TLoaders, TSettings>>> {
  const schema = options.schema ?? (await buildSubgraphSchema(definition));
  return new ApolloServer<SubgraphContext<TLoaders, TSettings>>({
    schema,
    introspection: !options.production,
    // The process's `closeOnSignals` owns shutdown; a server stopping on its own would cut requests short.
    stopOnTerminationSignals: false,
    // SQL errors and other internals never leave the subgraph; a lost database is named as such.
    formatError: createErrorFormatter({ database: definition.name }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      uncacheablePlugin(),
      options.inlineTracing ? ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }) : ApolloServerPluginInlineTraceDisabled(),
      partialErrorsPlugin(),
      errorLoggingPlugin(logger.child({ subgraph: definition.name })),
    ],
    logger: logger.child({ subgraph: definition.name }),
  });
}

/** What a subgraph answers to a request without a valid hub token; `reason` says what was wrong with it. */
function notFromGateway(reason: TokenRefusal): { errors: Array<{ message: string; extensions: Record<string, string> }> } {
  return reason === "keys-unavailable"
    ? {
        errors: [
          {
            message: "the hub's public keys could not be fetched to check this request; try again shortly",
            extensions: { code: "SERVICE_UNAVAILABLE", reason },
          },
        ],
      }
    : { errors: [{ message: "requests must come through the Agora gateway", extensions: { code: "UNAUTHENTICATED", reason } }] };
}

type RawBodyRequest = express.Request & { rawBody?: Buffer };

/** A request header's value (the first, when repeated). */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What the gateway sends: POST /graphql with a plain JSON body (no content encoding, UTF-8). Anything else
 * (GET, other media types or charsets, compressed bodies) takes the express chain, which handles them as always.
 */
function isPlainGraphQLPost(req: IncomingMessage): boolean {
  if (req.method !== "POST" || req.headers["content-encoding"] !== undefined) return false;
  const url = req.url ?? "";
  if (url !== "/graphql" && !url.startsWith("/graphql?")) return false;
  const type = req.headers["content-type"]?.toLowerCase().replace(/\s+/g, "");
  return type === "application/json" || type === "application/json;charset=utf-8";
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}

function badRequest(message: string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code: "BAD_REQUEST" } }] };
}

/** The request body, at most BODY_LIMIT_BYTES (else answered 413 and undefined, as when the client goes away). */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const tooLarge = () => {
      // The rest of the body is read and dropped; the connection closes after the answer.
      req.removeAllListeners("data");
      req.resume();
      res.setHeader("connection", "close");
      sendJson(res, 413, badRequest(`the request body is larger than ${BODY_LIMIT}`));
      resolve(undefined);
    };
    if (Number(req.headers["content-length"] ?? 0) > BODY_LIMIT_BYTES) return tooLarge();
    const chunks: Buffer[] = [];
    let length = 0;
    req.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length > BODY_LIMIT_BYTES) tooLarge();
      else chunks.push(chunk);
    });
    req.once("end", () => resolve(length > BODY_LIMIT_BYTES ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length)));
    // The client went away mid-body: there is no one to answer.
    req.once("error", () => resolve(undefined));
    req.once("close", () => resolve(undefined));
  });
}

/** The body as body-parser's strict JSON reads it (an object or array), or undefined when it is not that. */
function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  const text = raw.toString("utf8");
  const first = /^[ \t\n\r]*(.)/.exec(text)?.[1];
  if (first !== "{" && first !== "[") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A subgraph listening on HTTP. */
export interface RunningSubgraph {
  url: string;
  server: ApolloServer<SubgraphContext<unknown>>;
  /** HTTP requests being answered now (probes excluded). */
  openRequests: () => number;
  /** The Prometheus registry its /metrics serves, for background work to count in. */
  metrics: ServerMetrics["registry"];
  stop: () => Promise<void>;
}

/** How a subgraph decides who is asking (see `listenSubgraph`). */
export interface SubgraphIngressOptions {
  /**
   * Where the hub's public keys are: its JWKS URL (AGORA_JWKS_URL, e.g. `https://hub.example.org/.well-known/jwks.json`),
   * or the key set itself when the hub runs in one process. Every `/graphql` request must then carry a valid hub token.
   */
  hubKeys?: HubKeySource;
  /** The name the hub calls this subgraph by, which every token's `aud` must be: the definition's name unless given (AGORA_TOKEN_AUDIENCE). */
  audience?: string;
  /** The `iss` every token must carry: the signer's, else AGORA_TOKEN_ISSUER, else `agora-hub`. */
  issuer?: string;
  /**
   * Core subgraphs only, the hub's own trust domain: the hub's key set (AGORA_SIGNING_KEYS), with which calls to
   * peers are signed; it also verifies the hub's tokens when `hubKeys` is not given. A partner's subgraph refuses it.
   */
  signer?: HubTokenSigner;
  /**
   * A partner network's subgraph: it verifies the hub's tokens like any subgraph and gets the viewer, but holds
   * no signing keys and has no peers (it reaches the rest of the graph through the gateway, with its API key).
   */
  partner?: boolean;
  /** Where the other core subgraphs are, to check references on writes; required in production for core subgraphs. */
  peers?: PeerSubgraphs;
}

/** What a running subgraph was configured with, handed to every request's context. */
export interface SubgraphRunOptions<TSettings> {
  /** The hub's public base URL (`hubPublicUrl`): `context.hubUrl`; the default hub's when not given. */
  hubUrl?: string;
  /** What the definition's `readSettings` read at start: `context.settings`; its defaults when not given. */
  settings?: TSettings;
  /** METRICS_TOKEN: when set, /metrics requires it as a bearer token. */
  metricsToken?: string;
}

/**
 * Serves a subgraph over HTTP: GraphQL at `/graphql`, `/health` (process alive) and `/ready`
 * (database reachable), `/metrics` (Prometheus; with METRICS_TOKEN set, only with it as bearer token).
 * `port` 0 picks a free port (tests).
 *
 * With the hub's keys (`hubKeys`, or a core subgraph's `signer`) it accepts only requests carrying a valid hub
 * token for its audience (anything else gets 401 naming the reason) and takes the viewer from the token. Without
 * keys it treats every request as anonymous, with a warning, outside production; in production it refuses to start.
 */
export async function listenSubgraph<TLoaders, TSettings>(
  definition: SubgraphDefinition<TLoaders, TSettings>,
  dataSource: DataSource,
  options: { port: number; host: string; production?: boolean } & SubgraphIngressOptions & SubgraphRunOptions<TSettings> & SubgraphServerOptions,
): Promise<RunningSubgraph> {
  if (options.partner && options.signer) {
    throw new Error(
      `the ${definition.name} subgraph runs as a partner's, so it must not hold the hub's signing keys (AGORA_SIGNING_KEYS): it verifies the hub's tokens with AGORA_JWKS_URL`,
    );
  }
  const keys = options.hubKeys ?? (options.signer ? { jwks: options.signer.jwks } : undefined);
  if (!keys) {
    if (options.production) {
      throw new Error(
        `the ${definition.name} subgraph needs AGORA_JWKS_URL (the hub's /.well-known/jwks.json) in production, so that only the gateway can call it`,
      );
    }
    logger.warn(
      { subgraph: definition.name },
      "no hub keys (AGORA_JWKS_URL): every request is treated as anonymous, and anyone who can reach this port can call it",
    );
  }
  // Each token is good for one request: a captured one cannot be replayed within its lifetime.
  const verifier = keys && createHubTokenVerifier({ keys, audience: options.audience ?? definition.name, issuer: options.issuer ?? options.signer?.issuer });
  // Without peers writes would store references unchecked, which only single-subgraph tests may do.
  if (options.production && !options.partner && !options.peers) {
    throw new Error(`the ${definition.name} subgraph needs the URLs of its peer subgraphs in production, to check the references its writes store`);
  }
  const hubUrl = options.hubUrl ?? hubPublicUrl({});
  const settings = (options.settings ?? definition.readSettings?.({})) as TSettings;
  const app = express();
  // POST /graphql with a JSON body, every gateway request, skips express (see `serveGraphQL`); the rest goes to `app`.
  const httpServer: Server = createServer((req, res) => (isPlainGraphQLPost(req) ? void serveGraphQL(req, res) : app(req, res)));
  keepConnectionsAlive(httpServer);
  const server = await createSubgraphServer(definition, { production: options.production, inlineTracing: options.inlineTracing, schema: options.schema });
  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: CONNECTION_GRACE_MS }));
  const metrics = createServerMetrics(definition.name);
  server.addPlugin(metrics.plugin);
  await server.start();
  const drain = createRequestDrain();
  // Statements of a request the gateway gave up on (client gone, deadline passed) are cancelled, not left running.
  const cancellation = cancelStatementsOnAbort(dataSource, logger.child({ subgraph: definition.name }));
  // Only the gateway and the hub's own processes reach a subgraph, so their background mark is believed.
  const logRequests = requestLogging(logger.child({ subgraph: definition.name }), { trustBackgroundHeader: true });
  const apollo = expressMiddleware(server, { context: async ({ req, res }) => contextOf(req, res.locals.caller as Caller, requestScopeOf(res)!) });
  const peers = options.partner ? undefined : options.peers;

  /** The request's context; `caller` is who its token says is asking, `scope` abandons its statements and peer calls. */
  async function contextOf(req: IncomingMessage, caller: Caller, scope: RequestScope): Promise<SubgraphContext<TLoaders, TSettings>> {
    const requestId = header(req, "x-request-id");
    return createSubgraphContext(definition, dataSourceInScope(dataSource, scope), {
      requestId: requestId && requestId.length <= 128 ? requestId : undefined,
      viewer: caller.viewer,
      client: caller.client,
      languages: readLanguagesHeader(header(req, LANGUAGES_HEADER)),
      peers: peers && { ...peers, scope },
      hubUrl,
      settings,
    });
  }

  /** Who is asking, from the hub token over the raw body; undefined when refused (then answered here: 401 or 503). */
  async function callerOf(req: IncomingMessage, res: ServerResponse, rawBody: Buffer | undefined): Promise<Caller | undefined> {
    if (!verifier) return { viewer: ANONYMOUS };
    const checked = await verifier.verify(header(req, "authorization"), rawBody ?? "");
    if (checked.ok) return { viewer: checked.viewer, client: checked.client };
    logger.warn(
      { subgraph: definition.name, reason: checked.reason, requestId: header(req, "x-request-id")?.slice(0, 128) },
      "request without a valid hub token refused",
    );
    if (checked.reason !== "keys-unavailable") res.setHeader("www-authenticate", `Bearer error="invalid_token", error_description="${checked.reason}"`);
    sendJson(res, checked.reason === "keys-unavailable" ? 503 : 401, notFromGateway(checked.reason));
    return undefined;
  }

  /**
   * The express chain of `/graphql` below, in plain node:http for the requests the gateway sends (a plain JSON
   * POST): the same request id and log line, drain refusal, body limit, token check, cancellation scope and
   * context, without express's router, body-parser and ETag per request, a good share of a subgraph's CPU.
   */
  async function serveGraphQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      logRequests(req as express.Request, res as express.Response, () => undefined);
      if (!drain.admit(res)) return;
      const raw = await readBody(req, res);
      if (raw === undefined) return;
      const body = parseJsonBody(raw);
      if (body === undefined) return sendJson(res, 400, badRequest("the request body is not valid JSON"));
      // The request log line names the operation, as it does after body-parser.
      (req as IncomingMessage & { body?: unknown }).body = body;
      const caller = await callerOf(req, res, raw);
      if (!caller) return;
      await executeGraphQL(req, res, body, caller, openRequestScope(req, res));
    } catch (error) {
      logger.error({ subgraph: definition.name, err: error }, "a GraphQL request failed outside Apollo Server");
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.destroy();
    }
  }

  async function executeGraphQL(req: IncomingMessage, res: ServerResponse, body: unknown, caller: Caller, scope: RequestScope): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: query < 0 ? "" : url.slice(query), body },
      context: () => contextOf(req, caller, scope),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === "complete") {
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  }

  app.disable("x-powered-by");
  app.use(logRequests);
  app.get("/metrics", metricsHandler(metrics.registry, options.metricsToken));
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    if (drain.draining) {
      res.status(503).json({ status: "shutting down" });
      return;
    }
    try {
      await dataSource.query("SELECT 1");
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "database unavailable" });
    }
  });
  app.use(drain.middleware);
  app.use(
    "/graphql",
    // The raw bytes are kept because the token holds the hash of exactly what the gateway sent.
    express.json({ limit: BODY_LIMIT, verify: (req, _res, buffer) => void ((req as RawBodyRequest).rawBody = buffer) }),
    async (req: RawBodyRequest, res, next) => {
      const caller = await callerOf(req, res, req.rawBody);
      if (!caller) return;
      res.locals.caller = caller;
      next();
    },
    requestCancellation(),
    apollo,
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${port}/graphql`;
  return {
    url,
    server: server as unknown as ApolloServer<SubgraphContext<unknown>>,
    openRequests: () => drain.open,
    metrics: metrics.registry,
    // Requests in flight finish (new ones get 503, /ready says so) before the listener closes.
    stop: async () => {
      await drain.drain(SUBGRAPH_DRAIN_MS);
      await server.stop();
      await cancellation.close();
    },
  };
}
