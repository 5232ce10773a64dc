import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { RequestHandler } from "express";
import { timingSafeEqual } from "node:crypto";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/** Latency buckets in seconds, from a cached lookup to a timeout. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Operation names are chosen by clients: past this many distinct names, new ones count as "other". */
const MAX_OPERATION_LABELS = 500;

/** The Prometheus metrics of one server (gateway or subgraph), in its own registry. */
export interface ServerMetrics {
  registry: Registry;
  requests: Counter<"operation" | "outcome">;
  errors: Counter<"operation" | "code">;
  duration: Histogram<"operation">;
  /** Apollo Server plugin that counts and times every GraphQL request. */
  plugin: ApolloServerPlugin<object>;
}

/**
 * Creates the metrics of the server `service` ("gateway" or a subgraph name): process defaults (CPU,
 * memory, event-loop lag, GC), and GraphQL requests, errors by code and latency per operation name.
 */
export function createServerMetrics(service: string): ServerMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: "agora_" });
  const requests = new Counter({
    name: "agora_graphql_requests_total",
    help: "GraphQL requests by operation name and outcome (ok, or error when the response has errors)",
    labelNames: ["operation", "outcome"] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: "agora_graphql_errors_total",
    help: "GraphQL errors sent to clients, by operation name and error code",
    labelNames: ["operation", "code"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "agora_graphql_request_duration_seconds",
    help: "Time from receiving a GraphQL request to sending its response, by operation name",
    labelNames: ["operation"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const seen = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return "anonymous";
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return "other";
    seen.add(name);
    return name;
  };
  const plugin: ApolloServerPlugin<object> = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName }) {
          const operation = operationLabel(operationName);
          const sent: readonly GraphQLFormattedError[] = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          requests.inc({ operation, outcome: sent.length > 0 ? "error" : "ok" });
          for (const error of sent) {
            const code = error.extensions?.code;
            errors.inc({ operation, code: typeof code === "string" ? code.slice(0, 64) : "NONE" });
          }
          duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
  return { registry, requests, errors, duration, plugin };
}

/** Latency buckets of subgraph fetches are those of whole requests. */
export const SUBGRAPH_LATENCY_BUCKETS = LATENCY_BUCKETS;

/**
 * Serves the registry (or what gathers several, like a cluster's) in Prometheus text format; 503 when it cannot be read. With `token`, a scraper must send
 * `Authorization: Bearer <token>`; others get 401.
 */
export function metricsHandler(registry: { readonly contentType: string; metrics(): Promise<string> }, token?: string): RequestHandler {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  return async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.header("authorization") ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).json({ error: "metrics need the METRICS_TOKEN bearer token" });
        return;
      }
    }
    let text: string;
    try {
      text = await registry.metrics();
    } catch (error) {
      res.status(503).json({ error: `metrics unavailable: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    res.setHeader("content-type", registry.contentType);
    res.send(text);
  };
}
