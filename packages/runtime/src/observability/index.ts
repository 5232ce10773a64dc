/** Error masking, request logging, Prometheus metrics and OpenTelemetry tracing shared by the gateway and subgraphs. */
export * from "./error-masking";
export * from "./metrics";
export * from "./request-logging";
export * from "./tracing";
