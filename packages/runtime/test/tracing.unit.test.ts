import { trace } from "@opentelemetry/api";
import { tracing as sdkTracing } from "@opentelemetry/sdk-node";
import { isTracingEnabled, startTracing } from "../src/observability/tracing";

describe("tracing", () => {
  it("is off unless AGORA_TRACING=1 or an OTLP endpoint is configured", () => {
    expect(isTracingEnabled({})).toBe(false);
    expect(isTracingEnabled({ AGORA_TRACING: "1" })).toBe(true);
    expect(isTracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(true);
    expect(isTracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", AGORA_TRACING: "0" })).toBe(false);
  });

  it("starts the SDK, records spans, and shuts down cleanly", async () => {
    const exporter = new sdkTracing.InMemorySpanExporter();
    const processor = new sdkTracing.SimpleSpanProcessor(exporter);
    const started = startTracing({ serviceName: "agora-test", spanProcessors: [processor] });
    trace.getTracer("agora-test").startActiveSpan("unit of work", (span) => span.end());
    await processor.forceFlush();
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(["unit of work"]);
    await started.shutdown();
  });
});
