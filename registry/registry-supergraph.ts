import type { SupergraphManager } from "@apollo/gateway";
import { Client } from "pg";
import { logger } from "@agora-hub/runtime";
import { type PartnerRegistry, REGISTRY_CHANNEL, sha256 } from "./registry.service";

/**
 * Serves the registry's supergraph and follows it: every replica LISTENs for new supergraphs and also
 * polls, so replicas converge within `pollIntervalMs` even when a notification is missed. A supergraph
 * the gateway refuses is logged and the current one kept.
 */
export function supergraphFromRegistry(registry: PartnerRegistry, options: { databaseUrl: string; pollIntervalMs: number }): SupergraphManager {
  return {
    async initialize({ update }) {
      const initial = await registry.startupSupergraph();
      let currentHash = sha256(initial);
      let refreshing = false;
      const refresh = async () => {
        if (refreshing) return;
        refreshing = true;
        try {
          const latest = await registry.latestSupergraph();
          if (latest && latest.sdlHash !== currentHash) {
            update(latest.sdl);
            currentHash = latest.sdlHash;
            logger.info({ supergraph: latest.id, reason: latest.reason }, "supergraph updated from the registry");
          }
        } catch (error) {
          logger.error({ err: error }, "could not refresh the supergraph; still serving the current one");
        } finally {
          refreshing = false;
        }
      };

      let listener: Client | null = null;
      const listen = async () => {
        const client = new Client({ connectionString: options.databaseUrl });
        client.on("notification", () => void refresh());
        client.on("error", (error) => {
          logger.warn({ err: error }, "registry notifications lost; polling until reconnected");
          listener = null;
          void client.end().catch(() => {});
        });
        await client.connect();
        await client.query(`LISTEN ${REGISTRY_CHANNEL}`);
        listener = client;
      };
      await listen().catch((error: unknown) => logger.warn({ err: error }, "cannot listen for registry notifications; polling"));
      const timer = setInterval(() => {
        void refresh();
        if (!listener) void listen().catch(() => {});
      }, options.pollIntervalMs);
      timer.unref();

      return {
        supergraphSdl: initial,
        cleanup: async () => {
          clearInterval(timer);
          await (listener as Client | null)?.end().catch(() => {});
        },
      };
    },
  };
}
