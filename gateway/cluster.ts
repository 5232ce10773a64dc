import cluster, { type Worker } from "node:cluster";
import { logger, SHUTDOWN_TIMEOUT_MS } from "@agora-hub/runtime";
import { answerClusterMetrics } from "./observability/cluster-metrics";

/** First wait before replacing a worker that died; doubled for each further death within RESTART_WINDOW_MS. */
const RESTART_BASE_MS = 500;
/** Longest wait before replacing a worker, however often workers die. */
const RESTART_MAX_MS = 30_000;
/** Deaths this recent count towards the back-off; a worker that stayed up this long resets it. */
const RESTART_WINDOW_MS = 60_000;
/** The primary's own bound on shutdown: the workers' (each exits within SHUTDOWN_TIMEOUT_MS) and a margin. */
const PRIMARY_SHUTDOWN_MS = SHUTDOWN_TIMEOUT_MS + 2_000;

/** How long to wait before replacing a worker, given when the recent ones died (newest included). */
export function restartDelayMs(recentDeaths: number): number {
  return Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** Math.max(0, recentDeaths - 1));
}

/**
 * Runs the gateway in `workers` processes sharing its port (`node:cluster`; this process, the primary,
 * serves nothing). A worker that dies is replaced after a bounded back-off, unless it died before the
 * first start completed (then the whole gateway fails to start, as one process would). SIGTERM or SIGINT
 * is passed on to every worker, which drains as a lone gateway does (/ready 503, requests in flight
 * finish); the primary exits once all have, 0 when every worker exited 0. `env` is added to each worker's.
 * A scrape of /metrics, whichever worker it reaches, gets every worker's figures gathered by the primary.
 */
export function superviseGatewayWorkers(options: { workers: number; env: Record<string, string> }): void {
  const deaths: number[] = [];
  const listening = new Set<number>();
  let started = false;
  let stopping = false;
  let failed = false;
  const pendingRestarts = new Set<NodeJS.Timeout>();
  answerClusterMetrics();

  const fork = (): Worker => {
    const worker = cluster.fork(options.env);
    worker.once("listening", () => {
      listening.add(worker.id);
      if (!started && listening.size === options.workers) {
        started = true;
        logger.info({ workers: options.workers }, "gateway workers ready");
      }
    });
    return worker;
  };

  const living = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());

  const exitWhenAllGone = () => {
    if (living().length > 0 || pendingRestarts.size > 0) return;
    logger.info({ failed }, "every gateway worker has exited");
    process.exit(failed ? 1 : 0);
  };

  const stopAll = (signal: NodeJS.Signals) => {
    for (const timer of pendingRestarts) clearTimeout(timer);
    pendingRestarts.clear();
    for (const worker of living()) worker.process.kill(signal);
    exitWhenAllGone();
  };

  cluster.on("exit", (worker, code, signal) => {
    const wasListening = listening.delete(worker.id);
    if (stopping) {
      if (code !== 0) failed = true;
      exitWhenAllGone();
      return;
    }
    if (!started) {
      logger.fatal({ pid: worker.process.pid, code, signal }, "a gateway worker failed to start; stopping the others");
      failed = true;
      stopping = true;
      stopAll("SIGTERM");
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && now - deaths[0] > RESTART_WINDOW_MS) deaths.shift();
    const delay = restartDelayMs(deaths.length);
    logger.warn({ pid: worker.process.pid, code, signal, wasListening, restartInMs: delay }, "a gateway worker died; replacing it");
    const timer = setTimeout(() => {
      pendingRestarts.delete(timer);
      if (!stopping) fork();
    }, delay);
    pendingRestarts.add(timer);
  });

  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) {
      stopping = true;
      logger.info({ signal, workers: living().length }, "shutting down: draining every gateway worker");
      setTimeout(() => {
        logger.error("gateway workers took too long to stop; killing them");
        for (const worker of living()) worker.process.kill("SIGKILL");
        process.exit(1);
      }, PRIMARY_SHUTDOWN_MS).unref();
    }
    // Passed on every time: a worker treats a repeat within a second as the same request and a later one as "exit now".
    stopAll(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  for (let count = 0; count < options.workers; count++) fork();
}
