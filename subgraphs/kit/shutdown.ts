import { logger } from "./logger";
import { stopProcessTracing } from "./observability/tracing";

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Runs `close` once on SIGINT or SIGTERM (Ctrl-C, docker stop), then exits; a second signal or a
 * close that hangs past the bound exits at once.
 */
export function closeOnSignals(close: () => Promise<void>): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, "shutting down");
    setTimeout(() => {
      logger.error("shutdown took too long, exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    // Tracing stops last, so the spans of the requests that drained are exported too.
    close().then(
      () => stopProcessTracing().then(() => process.exit(0)),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
