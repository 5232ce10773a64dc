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
import type { DataSource } from "typeorm";
import { loadCoreSubgraphs } from "../registry/composition/composition";
import { createSubgraphDataSource, openSubgraphDatabase } from "@agora-hub/runtime";
import { createRequestDrain } from "@agora-hub/runtime";
import { CONNECTION_GRACE_MS, GATEWAY_DRAIN_MS } from "@agora-hub/runtime";
import { logger } from "@agora-hub/runtime";
import { preferredLanguages } from "@agora-hub/runtime";
import { ANONYMOUS } from "@agora-hub/runtime";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./gateway-context";
import { openFormatsRouter, type RunOperation } from "./open-formats.routes";
import { createGuardedFetcher } from "./partner-traffic/guarded-fetch";
import { adminRouter } from "../registry/admin.routes";
import { createAdmissionControl, requestBudgetOf } from "./protection/admission-control";
import { createProtection } from "./protection/protection";
import { fetchSubgraphSdl } from "../registry/fetch-sdl";
import { CreateRegistry1764100000000 } from "../registry/migrations/1764100000000-create-registry";
import { RegistryRevision1765200000000 } from "../registry/migrations/1765200000000-registry-revision";
import { REGISTRY_ENTITIES } from "../registry/registry.entities";
import { type ComposeFunction, PartnerRegistry } from "../registry/registry.service";
import { supergraphFromRegistry } from "../registry/registry-supergraph";
import { createGatewayObservability } from "./observability/gateway-observability";
import { SubgraphDataSource } from "./subgraph-data-source";
import { SupergraphTypes } from "./subgraph-answers/supergraph-types";
import { valueCompletionErrorsPlugin } from "./subgraph-answers/value-completion";
import { supergraphFromFile } from "./supergraph-file";
import { identifyViewer, rateBudgetOf } from "./viewer";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
/**
 * How long verifiers may cache the JWKS: short enough that a key dropped after a rotation is soon forgotten;
 * a verifier meeting a new kid fetches the set again anyway.
 */
const JWKS_MAX_AGE_S = 300;
/** Largest SDL a partner may publish. */
const MAX_PARTNER_SDL_BYTES = 256 * 1024;

/** The request's id (the client's `x-request-id` when well formed, else a new one), echoed in the response. */
function requestIdOf(req: express.Request, res: express.Response): string {
  const given = req.header("x-request-id");
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader("x-request-id", requestId);
  return requestId;
}

/** The client's preferred languages: Accept-Language by quality (express/negotiator), canonicalised, unknown tags dropped, at most 10. */
function requestLanguages(req: express.Request): string[] {
  return req.header("accept-language") ? preferredLanguages(req.acceptsLanguages()) : [];
}

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

/** Connections of the registry's own pools: registry work (publishing, admin reads) and API-key lookups. */
const REGISTRY_POOL_SIZE = 4;
const REGISTRY_AUTH_POOL_SIZE = 2;

/** Test hooks of {@link startGateway}. */
export interface GatewayHooks {
  /** Replaces the registry's composition (tests make it slow). */
  compose?: ComposeFunction;
}

/**
 * Opens the registry's schema and the registry on it, with a pool of its own for registry work and a
 * second one for API-key lookups, so publishing never starves authentication.
 */
async function openRegistry(
  config: GatewayConfig,
  databaseUrl: string,
  hooks: GatewayHooks,
): Promise<{ registry: PartnerRegistry; dataSource: DataSource; close: () => Promise<void> }> {
  const database = { url: databaseUrl, schema: "registry", entities: REGISTRY_ENTITIES, migrations: [CreateRegistry1764100000000, RegistryRevision1765200000000] };
  const dataSource = await openSubgraphDatabase({ ...database, poolSize: REGISTRY_POOL_SIZE });
  const authDataSource = createSubgraphDataSource({ ...database, migrations: [], poolSize: REGISTRY_AUTH_POOL_SIZE });
  try {
    await authDataSource.initialize();
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  const fetcher = createGuardedFetcher({ timeoutMs: config.partnerTimeoutMs, maxResponseBytes: MAX_PARTNER_SDL_BYTES, allowPrivate: config.allowPrivateSubgraphs });
  const registry = new PartnerRegistry(dataSource, {
    coreSubgraphs: loadCoreSubgraphs(),
    operatorToken: config.adminToken,
    allowPrivate: config.allowPrivateSubgraphs,
    // As an anonymous viewer, with a token for the subgraph's registered name, like every request the hub sends it.
    fetchSdl: (url, name) => fetchSubgraphSdl(url, fetcher, (body) => config.signer.sign({ audience: name, viewer: ANONYMOUS, body })),
    requireHttps: config.production,
    maxSdlBytes: MAX_PARTNER_SDL_BYTES,
    authDataSource,
    compose: hooks.compose,
  });
  const close = async () => {
    await Promise.all([dataSource.destroy(), authDataSource.destroy()]);
  };
  return { registry, dataSource, close };
}

/**
 * Starts the gateway: the supergraph from the partner registry (or a file, reloaded when it changes),
 * core subgraphs called at their routing URL or SUBGRAPH_<NAME>_URL, partners through the guarded
 * fetcher; GraphQL at `/graphql`, Apollo Sandbox at `/` outside production, `/health` and `/admin/`.
 */
export async function startGateway(config: GatewayConfig, hooks: GatewayHooks = {}): Promise<RunningGateway> {
  const source = config.supergraph;
  const opened = source.kind === "registry" ? await openRegistry(config, source.databaseUrl, hooks) : null;
  const coreNames = new Set(loadCoreSubgraphs().map((subgraph) => subgraph.name));
  const bulkhead = { maxConcurrent: config.overload.subgraphMaxConcurrency, queueSize: config.overload.subgraphQueueSize };
  const observability = createGatewayObservability({ coreSubgraphs: coreNames, registryDatabase: opened?.dataSource ?? null, metricsToken: config.metricsToken });
  // Every subgraph's answer is checked against the supergraph the gateway currently serves.
  const types = new SupergraphTypes();
  const gateway = new ApolloGateway({
    supergraphSdl:
      source.kind === "registry" && opened
        ? supergraphFromRegistry(opened.registry, { databaseUrl: source.databaseUrl, pollIntervalMs: source.pollIntervalMs })
        : supergraphFromFile(source.kind === "file" ? source.file : ""),
    // Wrapped for metrics (fetch counts and latency per subgraph) and so /ready knows the core subgraphs.
    buildService: ({ name, url }) =>
      observability.observeSubgraph(coreNames.has(name)
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
          })),
    logger: logger.child({ component: "gateway" }),
  });
  types.watch(gateway);
  observability.watchGateway(gateway);
  const protection = await createProtection(config.protection, {
    production: config.production,
    // A valid key draws on its network's budget; anything else counts against the client IP.
    budgetOf: (token) => rateBudgetOf(token, { registry: opened?.registry ?? null, adminToken: config.adminToken }),
  });
  // Past its concurrency and queue the gateway answers 503 at once, rather than slowing every request down.
  const admission = createAdmissionControl(config.overload);
  const app = express();
  const httpServer = createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    // The process's `closeOnSignals` owns shutdown; this server stopping on its own would cut requests short.
    stopOnTerminationSignals: false,
    ...protection.serverOptions,
    // Clients never see internals (SQL, URLs, stack traces): see EXPOSED_ERROR_CODES.
    formatError: observability.formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: CONNECTION_GRACE_MS }),
      ...observability.plugins,
      valueCompletionErrorsPlugin(),
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      ...protection.plugins,
    ],
    logger: logger.child({ component: "apollo-server" }),
  });
  try {
    // start() resolves once the first supergraph is loaded, and only then does the gateway listen.
    await server.start();
  } catch (error) {
    await protection.close();
    await opened?.close();
    throw error;
  }

  const drain = createRequestDrain();
  app.disable("x-powered-by");
  app.use(observability.requestLogging);
  observability.mountRoutes(app);
  app.use(drain.middleware);
  if (config.protection.trustProxy !== undefined) app.set("trust proxy", config.protection.trustProxy);
  if (opened) {
    app.use("/admin", protection.rateLimit, adminRouter(opened.registry));
  } else {
    app.use("/admin", (_req, res) => {
      res.status(404).json({ error: "the partner registry is off: this gateway serves a supergraph file (set DATABASE_URL and unset AGORA_SUPERGRAPH_FILE)" });
    });
  }
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  // The hub's public keys, with which every subgraph verifies the tokens the hub sends it (two during a rotation).
  app.get("/.well-known/jwks.json", (_req, res) => {
    res.setHeader("cache-control", `public, max-age=${JWKS_MAX_AGE_S}`);
    res.json(config.signer.jwks);
  });
  // JSON-LD pages and iCalendar feeds: GraphQL operations run through this server as an anonymous client.
  app.use(
    ["/people", "/organisations", "/opportunities", "/events", "/feeds"],
    protection.rateLimit,
    admission.middleware,
  );
  app.use(
    openFormatsRouter(
      async (query, variables, { languages, requestId }) => {
        const response = await server.executeOperation({ query, variables }, { contextValue: { requestId, viewer: ANONYMOUS, languages } });
        if (response.body.kind !== "single") throw new Error("open formats expect a single result");
        return response.body.singleResult as Awaited<ReturnType<RunOperation>>;
      },
      { languagesOf: requestLanguages, requestIdOf: requestIdOf },
    ),
  );
  app.all(
    ["/", "/graphql"],
    ...protection.httpHandlers,
    admission.middleware,
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req, res);
        const viewer = await identifyViewer(req.header("authorization"), { registry: opened?.registry ?? null, adminToken: config.adminToken });
        return { requestId, viewer, languages: requestLanguages(req), budget: requestBudgetOf(res) };
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
    registry: opened?.registry ?? null,
    openRequests: () => drain.open,
    // /ready turns 503 and new requests are refused while those in flight finish; then the listener closes.
    stop: async () => {
      observability.markStopping();
      await drain.drain(GATEWAY_DRAIN_MS);
      await server.stop();
      await protection.close();
      await opened?.close();
    },
  };
}
