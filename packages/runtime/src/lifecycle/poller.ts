import { logger } from "../logger";

/** Work a subgraph does in the background while it serves, stopped before its database closes. */
export interface BackgroundTask {
  stop: () => Promise<void>;
}

/**
 * Runs `task` now and then every `intervalMs` after each run ends, never two at once. A failing run is
 * logged and retried on the next tick. `stop` waits for a run in progress.
 */
export function startPoller(name: string, intervalMs: number, task: () => Promise<unknown>): BackgroundTask {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    running = (async () => {
      try {
        await task();
      } catch (error) {
        logger.warn({ err: error, task: name }, "background task failed; retrying on the next poll");
      }
    })().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    });
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
