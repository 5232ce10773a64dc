import type { ApolloGateway } from "@apollo/gateway";
import type { ApolloServerPlugin } from "@apollo/server";
import { listenForWrites, logger } from "@agora-hub/runtime";
import { loadCorePeers } from "../../registry/composition/composition";
import type { GatewayConfig } from "../config";
import type { GatewayContext } from "../gateway-context";
import { ResponseCache } from "./response-cache";
import { responseCachePlugin } from "./response-cache.plugin";

/** The gateway's response cache, its plugin, and how to stop listening for writes. */
export interface OpenedResponseCache {
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Stored answers; null when caching is off. */
  cache: ResponseCache | null;
  close: () => Promise<void>;
}

/**
 * Opens the response cache when it can be kept exact: RESPONSE_CACHE_MAX_MB above 0 and the gateway on the
 * registry's database, where the core subgraphs announce their committed writes (`listenForWrites`). With a
 * supergraph file there is nothing to hear writes on, so answers are not stored (identical requests in
 * flight are still merged). Every new supergraph, and every moment the listener was not listening, empties it.
 */
export function openResponseCache(config: GatewayConfig, gateway: ApolloGateway): OpenedResponseCache {
  const { maxBytes, ttlMs, mergeInFlight } = config.responseCache;
  if (maxBytes === 0 || config.supergraph.kind !== "registry") {
    return { plugin: responseCachePlugin({ cache: null, trusted: () => false, mergeInFlight }), cache: null, close: async () => {} };
  }
  const cache = new ResponseCache({ maxBytes, ttlMs, readsFrom: loadCorePeers() });
  const log = logger.child({ component: "response-cache" });
  const listener = listenForWrites(config.supergraph.databaseUrl, {
    onWrite: (schema) => cache.invalidate(schema),
    onGap: (listening) => {
      cache.flush();
      log.info({ listening }, listening ? "hearing subgraph writes: answers are cached" : "lost the write announcements: not caching until they are back");
    },
  });
  gateway.onSchemaLoadOrUpdate(() => cache.flush());
  return { plugin: responseCachePlugin({ cache, trusted: () => listener.listening, mergeInFlight }), cache, close: () => listener.close() };
}
