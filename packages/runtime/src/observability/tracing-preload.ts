/**
 * Imported first by every entry point, so that OpenTelemetry (when AGORA_TRACING=1 or an OTLP endpoint
 * is configured) hooks http, express, graphql and pg before anything loads them. Costs nothing when off.
 */
import { startTracingFromEnv } from "./tracing";

startTracingFromEnv();
