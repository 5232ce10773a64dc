import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import { buildSubgraphSchema } from "./build-subgraph-schema";
import { logger } from "./logger";
import { createSubgraphContext, type SubgraphContext, type SubgraphDefinition } from "./subgraph";

/** Largest request body a subgraph accepts; gateway queries are far smaller. */
const BODY_LIMIT = "1mb";

/** A subgraph's Apollo Server with its schema, ready for `executeOperation` in tests or for HTTP. */
export async function createSubgraphServer<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  options: { schema?: GraphQLSchema; production?: boolean } = {},
): Promise<ApolloServer<SubgraphContext<TLoaders>>> {
  const schema = options.schema ?? (await buildSubgraphSchema(definition));
  return new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    introspection: !options.production,
    // No inline traces: the hub reports no usage to Apollo, so they would only cost time.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
    logger: logger.child({ subgraph: definition.name }),
  });
}

/** A subgraph listening on HTTP. */
export interface RunningSubgraph {
  url: string;
  server: ApolloServer<SubgraphContext<unknown>>;
  stop: () => Promise<void>;
}

/**
 * Serves a subgraph over HTTP: GraphQL at `/graphql`, `/health` (process alive) and `/ready`
 * (database reachable). `port` 0 picks a free port (tests).
 */
export async function listenSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  dataSource: DataSource,
  options: { port: number; host: string; production?: boolean },
): Promise<RunningSubgraph> {
  const app = express();
  const httpServer: Server = createServer(app);
  const server = await createSubgraphServer(definition, { production: options.production });
  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await server.start();

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    try {
      await dataSource.query("SELECT 1");
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "database unavailable" });
    }
  });
  app.use(
    "/graphql",
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const requestId = req.header("x-request-id");
        return createSubgraphContext(definition, dataSource, { requestId: requestId && requestId.length <= 128 ? requestId : undefined });
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${port}/graphql`;
  return { url, server: server as ApolloServer<SubgraphContext<unknown>>, stop: () => server.stop() };
}
