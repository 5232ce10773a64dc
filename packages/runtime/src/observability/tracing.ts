import path from "node:path";
import type { NodeSDK, tracing } from "@opentelemetry/sdk-node";
import { optionalModuleError } from "../optional-module";

/** What tracing loads, all optional peer dependencies of the runtime. */
const TRACING_PACKAGES = [
  "@opentelemetry/sdk-node",
  "@opentelemetry/instrumentation-http",
  "@opentelemetry/instrumentation-express",
  "@opentelemetry/instrumentation-graphql",
  "@opentelemetry/instrumentation-pg",
  "@opentelemetry/instrumentation-undici",
];

/** A running OpenTelemetry SDK. */
export interface Tracing {
  /** Flushes pending spans and removes the instrumentations' hooks. */
  shutdown: () => Promise<void>;
}

/** Whether tracing is on: AGORA_TRACING=1, or an OTLP endpoint configured (unless AGORA_TRACING=0). */
export function isTracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.AGORA_TRACING === "0") return false;
  return env.AGORA_TRACING === "1" || Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts OpenTelemetry with the HTTP, Express, GraphQL, PostgreSQL and undici (gateway → subgraph)
 * instrumentations. It must run before those modules are loaded, so entry points import
 * `tracing-preload` first. The SDK is required only here: with tracing off nothing is loaded.
 * Exporters come from the standard OTEL_* variables (OTLP over HTTP by default) unless `spanProcessors`
 * are given (tests).
 */
export function startTracing(options: {
  serviceName: string;
  /** OpenTelemetry `SpanProcessor`s; typed loosely so the runtime's declarations need no OpenTelemetry, an optional peer. */
  spanProcessors?: readonly object[];
}): Tracing {
  /* eslint-disable @typescript-eslint/no-require-imports */
  let modules;
  try {
    modules = {
      NodeSDK: (require("@opentelemetry/sdk-node") as typeof import("@opentelemetry/sdk-node")).NodeSDK,
      HttpInstrumentation: (require("@opentelemetry/instrumentation-http") as typeof import("@opentelemetry/instrumentation-http")).HttpInstrumentation,
      ExpressInstrumentation: (require("@opentelemetry/instrumentation-express") as typeof import("@opentelemetry/instrumentation-express"))
        .ExpressInstrumentation,
      GraphQLInstrumentation: (require("@opentelemetry/instrumentation-graphql") as typeof import("@opentelemetry/instrumentation-graphql"))
        .GraphQLInstrumentation,
      PgInstrumentation: (require("@opentelemetry/instrumentation-pg") as typeof import("@opentelemetry/instrumentation-pg")).PgInstrumentation,
      UndiciInstrumentation: (require("@opentelemetry/instrumentation-undici") as typeof import("@opentelemetry/instrumentation-undici")).UndiciInstrumentation,
    };
  } catch (error) {
    // Optional peers of the runtime: a process that never traces need not install them.
    throw optionalModuleError(error, TRACING_PACKAGES, "tracing (AGORA_TRACING or an OTLP endpoint)");
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { NodeSDK: Sdk, HttpInstrumentation, ExpressInstrumentation, GraphQLInstrumentation, PgInstrumentation, UndiciInstrumentation } = modules;
  const sdk: NodeSDK = new Sdk({
    serviceName: options.serviceName,
    ...(options.spanProcessors ? { spanProcessors: [...options.spanProcessors] as tracing.SpanProcessor[] } : {}),
    instrumentations: [
      // Probes and scrapes would be most of the traces and say nothing.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|ready|metrics)\b/.test(req.url ?? "") }),
      new ExpressInstrumentation(),
      // Trivial field resolvers would add a span each; the operation, parse, validate and execute spans are kept.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
      new PgInstrumentation(),
      new UndiciInstrumentation(),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/** The tracing this process started from its environment, if any; shut down after the servers stop. */
let processTracing: Tracing | null = null;

/**
 * Starts tracing when the environment asks for it; the service name is OTEL_SERVICE_NAME or
 * `agora-<folder of the entry script>` (agora-gateway, agora-people…).
 */
export function startTracingFromEnv(env: NodeJS.ProcessEnv = process.env): Tracing | null {
  if (processTracing || !isTracingEnabled(env)) return processTracing;
  const entry = require.main?.filename;
  const serviceName = env.OTEL_SERVICE_NAME ?? `agora-${entry ? path.basename(path.dirname(entry)) : "hub"}`;
  processTracing = startTracing({ serviceName });
  return processTracing;
}

/** Flushes and stops the process's tracing, if started; never throws. */
export async function stopProcessTracing(): Promise<void> {
  const tracing = processTracing;
  processTracing = null;
  await tracing?.shutdown().catch(() => {});
}
