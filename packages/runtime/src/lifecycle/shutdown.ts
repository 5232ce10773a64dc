import { logger } from "../logger";
import { stopProcessTracing } from "../observability/tracing";

/** How long shutdown may take before the process exits anyway. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;
/** How long the gateway waits for its in-flight requests before closing their connections. */
export const GATEWAY_DRAIN_MS = 5_000;
/** How long a subgraph waits for its in-flight requests (after the gateway in one process, so shorter). */
export const SUBGRAPH_DRAIN_MS = 2_000;
/** After draining, how long the HTTP server lets connections finish before closing them. */
export const CONNECTION_GRACE_MS = 1_000;

/**
 * How long the hub's HTTP servers keep an idle connection open: longer than their callers' own keep-alive
 * (undici's 4 s, Node's agents), so a caller never reuses a connection the server is closing at that moment
 * ("socket hang up"); callers close idle connections first.
 */
export const SERVER_KEEP_ALIVE_MS = 65_000;

/** Applies SERVER_KEEP_ALIVE_MS to `server` (headers may take a little longer, as Node requires). */
// Typed by the two settings it changes, so the kit's published types need no Node type declarations.
export function keepConnectionsAlive(server: { keepAliveTimeout: number; headersTimeout: number }): void {
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
  server.headersTimeout = SERVER_KEEP_ALIVE_MS + 1_000;
}
/**
 * A repeat of a signal this soon counts as the same request to stop: Ctrl-C under `npm start` reaches node
 * twice (from the terminal and forwarded by npm).
 */
const REPEAT_SIGNAL_MS = 1_000;

/**
 * Runs `close` once on SIGINT or SIGTERM (Ctrl-C, docker stop), then exits 0; a second signal (more than a
 * second later) or a close that hangs past the bound exits 1 at once. The one owner of shutdown in a
 * process: servers are created with `stopOnTerminationSignals: false`, so none stops on its own.
 */
export function closeOnSignals(close: () => Promise<void>): void {
  let closingSince: number | null = null;
  const handler = (signal: NodeJS.Signals) => {
    if (closingSince !== null) {
      if (Date.now() - closingSince < REPEAT_SIGNAL_MS) return;
      logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(1);
    }
    closingSince = Date.now();
    logger.info({ signal }, "shutting down");
    setTimeout(() => {
      logger.error("shutdown took too long, exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    // Tracing stops last, so the spans of the requests that drained are exported too.
    close().then(
      () =>
        stopProcessTracing().then(() => {
          logger.info("stopped");
          process.exit(0);
        }),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
