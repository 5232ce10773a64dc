import type { ApolloGateway } from "@apollo/gateway";
import express from "express";
import { createServer } from "node:http";
import { createRequestDrain, GATEWAY_DRAIN_MS, keepConnectionsAlive, logger } from "@agora-hub/runtime";
import { loadCoreSubgraphs } from "../registry/composition/composition";
import type { PartnerRegistry } from "../registry/registry.service";
import type { GatewayConfig } from "./config";
import { createFederatedGateway } from "./federated-gateway";
import { listen, StopSequence } from "./gateway-lifecycle";
import { createGraphqlServer } from "./graphql-server";
import { gatewayRoutes, mountGatewayRoutes } from "./http-routes";
import { createGatewayObservability } from "./observability/gateway-observability";
import { openGatewayProtection } from "./protection/gateway-protection";
import { openResponseCache } from "./response-cache/open-response-cache";
import { type GatewayHooks, openSupergraphSource } from "./supergraph-source";

export type { GatewayHooks } from "./supergraph-source";

/** The running gateway. */
export interface RunningGateway {
  url: string;
  gateway: ApolloGateway;
  /** The partner registry, when the gateway runs from it. */
  registry: PartnerRegistry | null;
  /** HTTP requests being answered now (probes excluded). */
  openRequests: () => number;
  stop: () => Promise<void>;
}

/**
 * Starts the gateway: the supergraph from the partner registry (or a file, reloaded when it changes),
 * core subgraphs called at their routing URL or SUBGRAPH_<NAME>_URL, partners through the guarded
 * fetcher; GraphQL at `/graphql`, Apollo Sandbox at `/` outside production, `/health` and `/admin/`.
 * Each part is opened in turn and registered with its stop step; a startup that fails closes what it opened.
 */
export async function startGateway(config: GatewayConfig, hooks: GatewayHooks = {}): Promise<RunningGateway> {
  const stops = new StopSequence();
  try {
    const source = await openSupergraphSource(config, hooks);
    stops.add("supergraph source", source.close);
    const coreSubgraphs = new Set(loadCoreSubgraphs().map((subgraph) => subgraph.name));
    const observability = createGatewayObservability({ coreSubgraphs, registryDatabase: source.registryDatabase, metricsToken: config.metricsToken });
    const gateway = createFederatedGateway({ config, supergraph: source.manager, coreSubgraphs, observability });
    const responseCache = openResponseCache(config, gateway);
    stops.add("response cache", responseCache.close);
    const guard = await openGatewayProtection(config, source.registry);
    stops.add("protection", guard.close);

    const app = express();
    const httpServer = createServer(app);
    keepConnectionsAlive(httpServer);
    const server = createGraphqlServer({ config, gateway, httpServer, observability, protection: guard.protection, responseCache: responseCache.plugin });
    // start() resolves once the first supergraph is loaded, and only then does the gateway listen.
    await server.start();
    stops.add("GraphQL server", () => server.stop());

    const drain = createRequestDrain();
    // /ready turns 503 and new requests are refused while those in flight finish; then the listener closes.
    stops.add("draining", async () => {
      observability.markStopping();
      await drain.drain(GATEWAY_DRAIN_MS);
    });
    const routes = gatewayRoutes({ config, gateway, server, registry: source.registry, observability, guard });
    mountGatewayRoutes(app, routes, { drain, requestLogging: observability.requestLogging, trustProxy: config.protection.trustProxy });

    const url = await listen(httpServer, config.port, config.host);
    return { url, gateway, registry: source.registry, openRequests: () => drain.open, stop: () => stops.run() };
  } catch (error) {
    await stops.run().catch((stopError: unknown) => logger.warn({ err: stopError }, "closing a gateway that failed to start failed too"));
    throw error;
  }
}
