import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { AggregatorRegistry, type Registry } from "prom-client";

/*
 * With GATEWAY_WORKERS > 1 a scrape of /metrics reaches one worker, yet must count the whole gateway. The
 * worker it reaches asks the primary, which gathers every worker's registry over IPC (prom-client's
 * AggregatorRegistry: counters and histograms summed, each gauge by its own `aggregator`) and answers.
 */

const ASK = "agora:cluster-metrics";
const ANSWER = "agora:cluster-metrics-answer";
/** prom-client gives up on a worker that does not answer within 5 s; the asking worker waits a little longer. */
const ASK_TIMEOUT_MS = 6_000;

/** What /metrics serves: a registry, or the cluster's figures that look like one. */
export interface MetricsSource {
  readonly contentType: string;
  metrics(): Promise<string>;
}

interface Asked {
  type: typeof ASK;
  id: string;
}
interface Answered {
  type: typeof ANSWER;
  id: string;
  metrics?: string;
  error?: string;
}

/** In the primary: answers workers' requests for the whole cluster's metrics. */
export function answerClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, message: Partial<Asked>) => {
    if (message?.type !== ASK || typeof message.id !== "string") return;
    const id = message.id;
    const reply = (answer: Omit<Answered, "type" | "id">) => {
      if (worker.isConnected()) worker.send({ type: ANSWER, id, ...answer } satisfies Answered);
    };
    aggregator.clusterMetrics().then(
      (metrics) => reply({ metrics }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/**
 * What this process's /metrics serves: in a cluster worker, the whole cluster's metrics (`registry` is what
 * this worker contributes); in a lone gateway, `registry` itself.
 */
export function gatewayMetricsSource(registry: Registry): MetricsSource {
  if (!cluster.isWorker || !process.send) return registry;
  AggregatorRegistry.setRegistries([registry]);
  // Constructed for its side effect: the worker now answers the primary's requests for its registry.
  new AggregatorRegistry();
  const waiting = new Map<string, { resolve: (text: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  process.on("message", (message: Partial<Answered>) => {
    if (message?.type !== ANSWER || typeof message.id !== "string") return;
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    clearTimeout(pending.timer);
    if (typeof message.metrics === "string") pending.resolve(message.metrics);
    else pending.reject(new Error(`the gateway's primary could not gather the workers' metrics: ${message.error ?? "no answer"}`));
  });
  return {
    contentType: registry.contentType,
    metrics: () =>
      new Promise<string>((resolve, reject) => {
        const id = randomUUID();
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`the gateway's primary did not send the workers' metrics within ${ASK_TIMEOUT_MS} ms`));
        }, ASK_TIMEOUT_MS);
        waiting.set(id, { resolve, reject, timer });
        process.send!({ type: ASK, id } satisfies Asked, undefined, undefined, (error: Error | null) => {
          if (!error) return;
          waiting.delete(id);
          clearTimeout(timer);
          reject(error);
        });
      }),
  };
}
