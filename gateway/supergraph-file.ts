import type { SupergraphManager } from "@apollo/gateway";
import { readFile } from "node:fs/promises";
import { unwatchFile, watchFile } from "node:fs";
import { logger } from "@agora-hub/runtime";

/** How often the supergraph file is checked for changes. Polling survives editors and atomic renames. */
const POLL_INTERVAL_MS = 500;

/**
 * Serves the supergraph in a file and swaps in a new one whenever the file changes, without a restart.
 * A file that fails to load (unreadable, not a valid supergraph) is logged and the last good one kept.
 */
export function supergraphFromFile(file: string, onUpdate?: (sdl: string) => void): SupergraphManager {
  return {
    async initialize({ update }) {
      let current = await readFile(file, "utf8");
      const reload = async () => {
        try {
          const next = await readFile(file, "utf8");
          if (next === current) return;
          update(next);
          current = next;
          logger.info({ file }, "supergraph reloaded");
          onUpdate?.(next);
        } catch (error) {
          logger.error({ err: error, file }, "supergraph file rejected; still serving the previous one");
        }
      };
      watchFile(file, { interval: POLL_INTERVAL_MS }, () => void reload());
      return { supergraphSdl: current, cleanup: async () => unwatchFile(file) };
    },
  };
}
