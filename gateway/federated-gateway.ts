import { ApolloGateway, type SupergraphManager } from "@apollo/gateway";
import { logger } from "@agora-hub/runtime";
import type { GatewayConfig } from "./config";
import type { GatewayObservability } from "./observability/gateway-observability";
import { SubgraphDataSource } from "./subgraph-data-source";
import { SupergraphTypes } from "./subgraph-answers/supergraph-types";

/**
 * The Apollo gateway over `supergraph`: core subgraphs called at SUBGRAPH_<NAME>_URL (or their routing
 * URL) and trusted with the viewer, partners through the guarded fetcher with their own time and size
 * limits; every subgraph behind a bulkhead, observed for metrics, and its answers checked against the
 * supergraph currently served.
 */
export function createFederatedGateway(options: {
  config: GatewayConfig;
  supergraph: SupergraphManager;
  coreSubgraphs: ReadonlySet<string>;
  observability: GatewayObservability;
}): ApolloGateway {
  const { config, coreSubgraphs, observability } = options;
  const bulkhead = { maxConcurrent: config.overload.subgraphMaxConcurrency, queueSize: config.overload.subgraphQueueSize };
  // Every subgraph's answer is checked against the supergraph the gateway currently serves.
  const types = new SupergraphTypes();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraph,
    // Wrapped for metrics (fetch counts and latency per subgraph) and so /ready knows the core subgraphs.
    buildService: ({ name, url }) =>
      observability.observeSubgraph(
        coreSubgraphs.has(name)
          ? new SubgraphDataSource({
              name,
              url: config.subgraphUrls[name] ?? url ?? "",
              timeoutMs: config.subgraphTimeoutMs,
              trust: "core",
              types,
              signer: config.signer,
              ...bulkhead,
            })
          : new SubgraphDataSource({
              name,
              url: url ?? "",
              timeoutMs: config.partnerTimeoutMs,
              trust: "partner",
              types,
              maxResponseBytes: config.partnerMaxResponseBytes,
              allowPrivate: config.allowPrivateSubgraphs,
              signer: config.signer,
              ...bulkhead,
            }),
      ),
    logger: logger.child({ component: "gateway" }),
  });
  types.watch(gateway);
  observability.watchGateway(gateway);
  return gateway;
}
