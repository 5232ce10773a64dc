import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import { buildSubgraphSchema } from "../schema/build-subgraph-schema";
import { cancelStatementsOnAbort, requestCancellation } from "@agora-hub/runtime";
import { logger } from "@agora-hub/runtime";
import { createErrorFormatter, errorLoggingPlugin } from "@agora-hub/runtime";
import { createServerMetrics, metricsHandler } from "@agora-hub/runtime";
import { requestLogging } from "@agora-hub/runtime";
import { partialErrorsPlugin } from "./partial-errors";
import type { PeerSubgraphs } from "../peers/peer-subgraphs";
import { LANGUAGES_HEADER, readLanguagesHeader } from "@agora-hub/runtime";
import { createReplayGuard, verifyRequest } from "@agora-hub/runtime";
import { createRequestDrain } from "@agora-hub/runtime";
import { CONNECTION_GRACE_MS, SUBGRAPH_DRAIN_MS } from "@agora-hub/runtime";
import { createSubgraphContext, type SubgraphContext, type SubgraphDefinition } from "../subgraph";
import { type Viewer } from "@agora-hub/runtime";
import { ANONYMOUS } from "@agora-hub/runtime";

/** Largest request body a subgraph accepts; gateway queries are far smaller. */
const BODY_LIMIT = "1mb";

/** How a subgraph's Apollo Server is built. */
export interface SubgraphServerOptions {
  /**
   * Federated tracing (ftv1): with it on, a request carrying `apollo-federation-include-trace: ftv1` gets
   * its resolver timings in `extensions.ftv1`, for a gateway or router that reports them. Off by
   * default: the hub reports no usage, so traces would only cost time. Error messages in traces are masked.
   */
  inlineTracing?: boolean;
}

/** A subgraph's Apollo Server with its schema, ready for `executeOperation` in tests or for HTTP. */
export async function createSubgraphServer<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  options: { schema?: GraphQLSchema; production?: boolean } & SubgraphServerOptions = {},
): Promise<ApolloServer<SubgraphContext<TLoaders>>> {
  const schema = options.schema ?? (await buildSubgraphSchema(definition));
  return new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    introspection: !options.production,
    // The process's `closeOnSignals` owns shutdown; a server stopping on its own would cut requests short.
    stopOnTerminationSignals: false,
    // SQL errors and other internals never leave the subgraph; a lost database is named as such.
    formatError: createErrorFormatter({ database: definition.name }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      options.inlineTracing ? ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }) : ApolloServerPluginInlineTraceDisabled(),
      partialErrorsPlugin(),       errorLoggingPlugin(logger.child({ subgraph: definition.name })),
    ],
    logger: logger.child({ subgraph: definition.name }),
  });
}

/** What a subgraph answers to a request that did not come through the gateway. */
const NOT_FROM_GATEWAY = { errors: [{ message: "requests must come through the Agora gateway", extensions: { code: "UNAUTHENTICATED" } }] };

type RawBodyRequest = express.Request & { rawBody?: Buffer };

/** A subgraph listening on HTTP. */
export interface RunningSubgraph {
  url: string;
  server: ApolloServer<SubgraphContext<unknown>>;
  /** HTTP requests being answered now (probes excluded). */
  openRequests: () => number;
  stop: () => Promise<void>;
}

/** How a subgraph decides who is asking (see `listenSubgraph`). */
export interface SubgraphIngressOptions {
  /** AGORA_SUBGRAPH_SECRET, shared with the gateway: every `/graphql` request must carry its signature. */
  subgraphSecret?: string;
  /**
   * A partner network's subgraph: the hub calls it unsigned and never tells it the viewer, so every request
   * is anonymous, no secret is needed or read, and the partner's operator guards it as they see fit.
   */
  partner?: boolean;
  /** Where the other core subgraphs are, to check references on writes; required in production for core subgraphs. */
  peers?: PeerSubgraphs;
}

/**
 * Serves a subgraph over HTTP: GraphQL at `/graphql`, `/health` (process alive) and `/ready`
 * (database reachable), `/metrics` (Prometheus; with METRICS_TOKEN set, only with it as bearer token).
 * `port` 0 picks a free port (tests).
 *
 * A core subgraph with a secret accepts only requests signed by the gateway (anything else gets 401) and
 * takes the viewer from the signed headers. Without a secret it treats every request as anonymous, with a
 * warning, outside production; in production it refuses to start.
 */
export async function listenSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  dataSource: DataSource,
  options: { port: number; host: string; production?: boolean; metricsToken?: string } & SubgraphIngressOptions & SubgraphServerOptions,
): Promise<RunningSubgraph> {
  const secret = options.partner ? undefined : options.subgraphSecret;
  if (!secret && !options.partner) {
    if (options.production) {
      throw new Error(`the ${definition.name} subgraph needs AGORA_SUBGRAPH_SECRET in production, so that only the gateway can call it`);
    }
    logger.warn({ subgraph: definition.name }, "AGORA_SUBGRAPH_SECRET is not set: every request is treated as anonymous, and anyone who can reach this port can call it");
  }
  // Without peers writes would store references unchecked, which only single-subgraph tests may do.
  if (options.production && !options.partner && !options.peers) {
    throw new Error(`the ${definition.name} subgraph needs the URLs of its peer subgraphs in production, to check the references its writes store`);
  }
  const app = express();
  const httpServer: Server = createServer(app);
  const server = await createSubgraphServer(definition, { production: options.production, inlineTracing: options.inlineTracing });
  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: CONNECTION_GRACE_MS }));
  const metrics = createServerMetrics(definition.name);
  server.addPlugin(metrics.plugin);
  await server.start();
  const drain = createRequestDrain();
  // Each signature is good for one request: a captured one cannot be replayed within its window.
  const replays = createReplayGuard();
  // Statements of a request the gateway gave up on (client gone, deadline passed) are cancelled, not left running.
  const cancellation = cancelStatementsOnAbort(dataSource, logger.child({ subgraph: definition.name }));

  app.disable("x-powered-by");
  app.use(requestLogging(logger.child({ subgraph: definition.name })));
  app.get("/metrics", metricsHandler(metrics.registry, options.metricsToken ?? (process.env.METRICS_TOKEN || undefined)));
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
    // The raw bytes are kept because the gateway signs exactly what it sent.
    express.json({ limit: BODY_LIMIT, verify: (req, _res, buffer) => void ((req as RawBodyRequest).rawBody = buffer) }),
    (req: RawBodyRequest, res, next) => {
      if (!secret) {
        res.locals.viewer = ANONYMOUS;
        return next();
      }
      const verified = verifyRequest({ secret, header: (name) => req.header(name), body: req.rawBody ?? "", replays });
      if (!verified.ok) {
        logger.warn({ subgraph: definition.name, reason: verified.reason, requestId: req.header("x-request-id")?.slice(0, 128) }, "unsigned or badly signed request refused");
        res.status(401).json(NOT_FROM_GATEWAY);
        return;
      }
      res.locals.viewer = verified.viewer;
      next();
    },
    requestCancellation(),
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const requestId = req.header("x-request-id");
        return createSubgraphContext(definition, dataSource, {
          requestId: requestId && requestId.length <= 128 ? requestId : undefined,
          viewer: res.locals.viewer as Viewer,
          languages: readLanguagesHeader(req.header(LANGUAGES_HEADER)),
          peers: options.partner ? undefined : options.peers,
        });
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${port}/graphql`;
  return {
    url,
    server: server as ApolloServer<SubgraphContext<unknown>>,
    openRequests: () => drain.open,
    // Requests in flight finish (new ones get 503, /ready says so) before the listener closes.
    stop: async () => {
      await drain.drain(SUBGRAPH_DRAIN_MS);
      await server.stop();
      await cancellation.close();
    },
  };
}
