import type { ApolloGateway, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Express, RequestHandler } from "express";
import type { GraphQLFormattedError } from "graphql";
import { Counter, Gauge, Histogram } from "prom-client";
import type { DataSource } from "typeorm";
import { logger } from "@agora-hub/runtime";
import { createErrorFormatter, errorLoggingPlugin, EXPOSED_ERROR_CODES } from "@agora-hub/runtime";
import { createServerMetrics, metricsHandler, SUBGRAPH_LATENCY_BUCKETS, type ServerMetrics } from "@agora-hub/runtime";
import { requestLogging } from "@agora-hub/runtime";
import type { GatewayContext } from "../gateway-context";
import { gatewayMetricsSource } from "./cluster-metrics";
import { PROTECTION_ERROR_CODES } from "../protection/protection-errors";
import type { SubgraphDataSource } from "../subgraph-data-source";

// The protections' refusals (operation limits, rate limits…) tell clients what to change.
for (const code of PROTECTION_ERROR_CODES) EXPOSED_ERROR_CODES.add(code);

/** How long /ready waits for a core subgraph's /ready, and how long an answer is reused. */
const READY_TIMEOUT_MS = 2000;
const READY_CACHE_MS = 1000;

/** What /ready answers. */
export interface Readiness {
  ready: boolean;
  /** What is not ready: core subgraph names, "supergraph", "registry database" or "shutting down". */
  failing: string[];
}

/** The gateway's error masking, request logs, metrics and readiness, wired in by `startGateway`. */
export interface GatewayObservability {
  metrics: ServerMetrics;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  plugins: ApolloServerPlugin<GatewayContext>[];
  /** First middleware: request id and one log line per request. */
  requestLogging: RequestHandler;
  /** Times and counts every fetch of a subgraph, and remembers core subgraphs' URLs for /ready. */
  observeSubgraph: <T extends SubgraphDataSource>(dataSource: T) => T;
  /** Counts supergraph updates. */
  watchGateway: (gateway: ApolloGateway) => void;
  /** Adds /ready and /metrics (/health stays the gateway's). */
  mountRoutes: (app: Express) => void;
  checkReadiness: () => Promise<Readiness>;
  /** From now on /ready answers 503, so load balancers stop sending traffic while requests drain. */
  markStopping: () => void;
}

/**
 * Creates the gateway's observability. `coreSubgraphs` are the names /ready requires; `registryDatabase`
 * is the registry's connection in registry mode.
 */
export function createGatewayObservability(options: {
  coreSubgraphs: ReadonlySet<string>;
  registryDatabase: DataSource | null;
  metricsToken?: string;
}): GatewayObservability {
  const metrics = createServerMetrics("gateway");
  const fetches = new Counter({
    name: "agora_subgraph_fetches_total",
    help: "Fetches from the gateway to a subgraph, by subgraph and outcome (ok, error: GraphQL errors in the answer, failed: no usable answer)",
    labelNames: ["subgraph", "outcome"] as const,
    registers: [metrics.registry],
  });
  const fetchDuration = new Histogram({
    name: "agora_subgraph_fetch_duration_seconds",
    help: "Time the gateway waited for a subgraph's answer, by subgraph",
    labelNames: ["subgraph"] as const,
    buckets: SUBGRAPH_LATENCY_BUCKETS,
    registers: [metrics.registry],
  });
  const supergraphUpdates = new Counter({
    name: "agora_supergraph_updates_total",
    help: "Supergraphs the gateway switched to after start (registry publications, file changes)",
    registers: [metrics.registry],
  });
  const supergraphLoaded = new Gauge({
    name: "agora_supergraph_loaded_timestamp_seconds",
    help: "When the gateway last loaded a supergraph (Unix time)",
    // Of a cluster's workers, the latest.
    aggregator: "max",
    registers: [metrics.registry],
  });

  const coreUrls = new Map<string, string>();
  let supergraphLoads = 0;
  let stopping = false;

  const checkSubgraph = async (url: string): Promise<boolean> => {
    try {
      const response = await fetch(new URL("/ready", url), { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  };
  const computeReadiness = async (): Promise<Readiness> => {
    const failing: string[] = [];
    if (stopping) failing.push("shutting down");
    if (supergraphLoads === 0) failing.push("supergraph");
    const subgraphs = [...options.coreSubgraphs].map(async (name) => {
      const url = coreUrls.get(name);
      if (!url || !(await checkSubgraph(url))) failing.push(name);
    });
    const registry = options.registryDatabase?.query("SELECT 1").then(
      () => undefined,
      () => void failing.push("registry database"),
    );
    await Promise.all([...subgraphs, registry]);
    return { ready: failing.length === 0, failing: failing.sort() };
  };
  // Probes are public: one check at a time, its answer reused briefly, so /ready cannot be used to flood subgraphs.
  let cached: { at: number; result: Promise<Readiness> } | null = null;
  const checkReadiness = (): Promise<Readiness> => {
    if (stopping) return Promise.resolve({ ready: false, failing: ["shutting down"] });
    if (!cached || Date.now() - cached.at > READY_CACHE_MS) cached = { at: Date.now(), result: computeReadiness() };
    return cached.result;
  };

  return {
    metrics,
    formatError: createErrorFormatter(),
    plugins: [errorLoggingPlugin<GatewayContext>(logger.child({ component: "gateway" })), metrics.plugin],
    requestLogging: requestLogging(logger.child({ component: "gateway" })),
    observeSubgraph: (dataSource) => {
      const subgraph = dataSource.name;
      if (dataSource.trust === "core") coreUrls.set(subgraph, dataSource.url);
      const process = dataSource.process.bind(dataSource);
      dataSource.process = async (request: GraphQLDataSourceProcessOptions<GatewayContext>) => {
        const stopTimer = fetchDuration.startTimer({ subgraph });
        let outcome = "failed";
        try {
          const response = await process(request);
          outcome = response.errors?.length ? "error" : "ok";
          return response;
        } finally {
          stopTimer();
          fetches.inc({ subgraph, outcome });
        }
      };
      return dataSource;
    },
    watchGateway: (gateway) => {
      gateway.onSchemaLoadOrUpdate(() => {
        supergraphLoads += 1;
        if (supergraphLoads > 1) supergraphUpdates.inc();
        supergraphLoaded.setToCurrentTime();
      });
    },
    mountRoutes: (app) => {
      app.get("/ready", async (_req, res) => {
        const readiness = await checkReadiness();
        res.status(readiness.ready ? 200 : 503).json(readiness.ready ? { status: "ready" } : { status: "not ready", failing: readiness.failing });
      });
      app.get("/metrics", metricsHandler(gatewayMetricsSource(metrics.registry), options.metricsToken));
    },
    checkReadiness,
    markStopping: () => {
      stopping = true;
    },
  };
}
