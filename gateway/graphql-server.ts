import type { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { Server } from "node:http";
import { CONNECTION_GRACE_MS, logger } from "@agora-hub/runtime";
import { ANONYMOUS, type Viewer } from "@agora-hub/runtime";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./gateway-context";
import type { GatewayObservability } from "./observability/gateway-observability";
import type { RunOperation } from "./open-formats.routes";
import type { Protection } from "./protection/protection";
import { valueCompletionErrorsPlugin } from "./subgraph-answers/value-completion";

/**
 * The Apollo Server in front of the gateway, with its plugins: connection draining, observability
 * (metrics, tracing, request logs, error masking), value-completion errors, the response cache, the landing page (Sandbox
 * outside production) and the protection plugins (limits, safelist, cost).
 */
export function createGraphqlServer(options: {
  config: GatewayConfig;
  gateway: ApolloGateway;
  httpServer: Server;
  observability: GatewayObservability;
  protection: Protection;
  /** Merges identical reads in flight and serves stored answers (gateway/response-cache/). */
  responseCache: ApolloServerPlugin<GatewayContext>;
}): ApolloServer<GatewayContext> {
  const { config, observability, protection } = options;
  return new ApolloServer<GatewayContext>({
    gateway: options.gateway,
    introspection: !config.production,
    // The process's `closeOnSignals` owns shutdown; this server stopping on its own would cut requests short.
    stopOnTerminationSignals: false,
    ...protection.serverOptions,
    // Clients never see internals (SQL, URLs, stack traces): see EXPOSED_ERROR_CODES.
    formatError: observability.formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: CONNECTION_GRACE_MS }),
      ...observability.plugins,
      valueCompletionErrorsPlugin(),
      // After the value-completion errors are in place: an answer with errors is neither shared nor stored.
      options.responseCache,
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      ...protection.plugins,
    ],
    logger: logger.child({ component: "apollo-server" }),
  });
}

/**
 * Runs operations through `server` as `viewer`: the admin API's saved-search routes act with the caller's own rights
 * (the operator, or a network for its own), so the alerts subgraph decides what each may see and change.
 */
export function operationsAs(server: ApolloServer<GatewayContext>, viewer: Viewer): RunOperation {
  return async (query, variables, { languages, requestId, client }) => {
    const contextValue: GatewayContext = { requestId, viewer, languages, ...(client ? { client } : {}) };
    const response = await server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== "single") throw new Error("the gateway's own operations expect a single result");
    return response.body.singleResult as Awaited<ReturnType<RunOperation>>;
  };
}

/**
 * Runs operations through `server` as an anonymous client (the open formats' JSON-LD pages and feeds, the directory),
 * with the client's pseudonym when the caller gives one (the directory's reports and alert subscriptions, limited per client).
 */
export function anonymousOperations(server: ApolloServer<GatewayContext>): RunOperation {
  return operationsAs(server, ANONYMOUS);
}
