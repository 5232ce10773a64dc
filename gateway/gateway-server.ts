import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { logger } from "../subgraphs/kit/logger";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./gateway-context";
import { SubgraphDataSource } from "./subgraph-data-source";
import { supergraphFromFile } from "./supergraph-file";

/** Largest GraphQL request body the gateway accepts. */
const BODY_LIMIT = "1mb";
const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The running gateway. */
export interface RunningGateway {
  url: string;
  gateway: ApolloGateway;
  stop: () => Promise<void>;
}

/**
 * Starts the gateway: the supergraph from `config.supergraphFile` (reloaded when it changes), each
 * subgraph called at its routing URL or its SUBGRAPH_<NAME>_URL override, GraphQL at `/graphql`,
 * Apollo Sandbox at `/` outside production, and `/health`.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(config.supergraphFile),
    buildService: ({ name, url }) =>
      new SubgraphDataSource({ name, url: config.subgraphUrls[name.toLowerCase()] ?? url ?? "", timeoutMs: config.subgraphTimeoutMs }),
    logger: logger.child({ component: "gateway" }),
  });
  const app = express();
  const httpServer = createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
    ],
    logger: logger.child({ component: "apollo-server" }),
  });
  // start() resolves once the first supergraph is loaded, and only then does the gateway listen.
  await server.start();

  app.disable("x-powered-by");
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.all(
    ["/", "/graphql"],
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const given = req.header("x-request-id");
        const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader("x-request-id", requestId);
        return { requestId };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}/`,
    gateway,
    stop: () => server.stop(),
  };
}
