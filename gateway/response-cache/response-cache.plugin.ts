import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from "@apollo/server";
import type { FormattedExecutionResult } from "graphql";
import { createHash } from "node:crypto";
import type { GatewayContext, SubgraphCalls } from "../gateway-context";
import type { CacheTicket, ResponseCache } from "./response-cache";
import { viewerKey } from "./viewer-key";

/** Response header saying how the answer was made: `hit` (stored), `shared` (an identical request in flight), `miss`, `bypass`. */
export const CACHE_STATUS_HEADER = "x-agora-cache";

/** What the cache sees of the gateway. */
export interface ResponseCacheSetup {
  /** Stored answers; null when caching is off (identical requests in flight are still merged). */
  cache: ResponseCache | null;
  /** False while writes may go unheard (the listener is reconnecting): nothing is read from or stored in the cache then. */
  trusted: () => boolean;
  /** Whether identical queries of one viewer in flight at once run once. */
  mergeInFlight: boolean;
}

/** An answer being made, awaited by identical requests that arrived meanwhile. */
interface InFlight {
  promise: Promise<FormattedExecutionResult | undefined>;
  resolve: (result: FormattedExecutionResult | undefined) => void;
}

function requestKey(viewer: string, context: GraphQLRequestContext<GatewayContext>): string {
  const { request, contextValue } = context;
  return createHash("sha256")
    .update(viewer)
    .update("\0")
    .update((contextValue.languages ?? []).join(","))
    .update("\0")
    .update(request.operationName ?? "")
    .update("\0")
    .update(context.source ?? "")
    .update("\0")
    .update(JSON.stringify(request.variables ?? {}))
    .digest("base64url");
}

function answer(context: GraphQLRequestContext<GatewayContext>, result: FormattedExecutionResult, status: string): GraphQLResponse {
  context.response.http.headers.set(CACHE_STATUS_HEADER, status);
  // A copy of the top level: plugins after this one may add errors or extensions to the answer they send.
  return { http: context.response.http, body: { kind: "single", singleResult: { ...result } } };
}

/** An answer fit to be given to another request or stored: complete, no errors, nothing the hub had to null. */
function isWhole(response: GraphQLResponse): FormattedExecutionResult | undefined {
  if (response.body.kind !== "single") return undefined;
  const result = response.body.singleResult;
  if (result.errors?.length || result.data === undefined || result.data === null || result.extensions?.valueCompletion) return undefined;
  return result;
}

/**
 * Serves read operations from the gateway's answers:
 * - identical queries of the same viewer in flight at once run once, the others get the first one's answer
 *   (a failed or partial answer is not shared: each of those requests then runs on its own);
 * - anonymous queries are answered from the `ResponseCache` when an answer is stored, and stored when every
 *   subgraph they read is the hub's own (partners do not announce their writes) and the answer is whole;
 * - a mutation drops, before its answer leaves, every stored answer of the subgraphs it wrote to, so a
 *   client reads its own writes at once; other writes reach the cache through their announcements.
 * A client's `Cache-Control: no-cache` skips the stored answers.
 */
export function responseCachePlugin(setup: ResponseCacheSetup): ApolloServerPlugin<GatewayContext> {
  const inFlight = new Map<string, InFlight>();
  return {
    async requestDidStart(start) {
      const calls: SubgraphCalls = { names: new Set(), partner: false };
      start.contextValue.subgraphCalls = calls;
      let leading: { key: string; flight: InFlight; ticket: CacheTicket | null } | null = null;
      return {
        async responseForOperation(context) {
          if (context.operation?.operation !== "query") return null;
          const viewer = viewerKey(context.contextValue.viewer);
          if (viewer === null) return null;
          const key = requestKey(viewer, context);
          const cache = setup.cache;
          const noCache = /no-cache|no-store/i.test(context.request.http?.headers.get("cache-control") ?? "");
          const cacheable = cache !== null && viewer === "anonymous" && !noCache && setup.trusted();
          if (cacheable) {
            const stored = cache.get(key);
            if (stored) return answer(context, stored, "hit");
          }
          if (!setup.mergeInFlight && !cacheable) return null;
          const pending = setup.mergeInFlight ? inFlight.get(key) : undefined;
          if (pending) {
            const shared = await pending.promise;
            if (shared) return answer(context, shared, "shared");
            return null;
          }
          let resolve!: InFlight["resolve"];
          const promise = new Promise<FormattedExecutionResult | undefined>((done) => (resolve = done));
          const flight = { promise, resolve };
          if (setup.mergeInFlight) inFlight.set(key, flight);
          leading = { key, flight, ticket: cacheable ? cache.ticket() : null };
          context.response.http.headers.set(CACHE_STATUS_HEADER, cacheable ? "miss" : "bypass");
          return null;
        },

        async willSendResponse(context) {
          const whole = isWhole(context.response);
          if (context.operation?.operation === "mutation" && setup.cache) {
            for (const name of calls.names) setup.cache.invalidate(name);
          }
          if (!leading) return;
          const { key, flight, ticket } = leading;
          leading = null;
          if (inFlight.get(key) === flight) inFlight.delete(key);
          flight.resolve(whole);
          if (whole && ticket !== null && setup.cache && !calls.partner && setup.trusted()) {
            setup.cache.store(key, whole, calls.names, ticket, JSON.stringify(whole).length);
          }
        },
      };
    },
  };
}
