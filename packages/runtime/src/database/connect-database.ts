import path from "node:path";
import { Client } from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { ensureDatabase } from "./database";
import { logger } from "../logger";

/** The database the hub's processes use, and how to let go of it. */
export interface DatabaseHandle {
  url: string;
  /** Whether this process started an embedded server. */
  embedded: boolean;
  stop: () => Promise<void>;
}

const HUB_DATABASE = "agora";
/** How long stopping the embedded server waits for the connections its pools are closing to go. */
const CONNECTIONS_GONE_MS = 2_000;

/**
 * Waits (bounded) until no other client is connected to the server at `url`. A pool's `end()` resolves
 * once it has let go of its clients, while their sockets may still be closing: stopping PostgreSQL at that
 * moment would terminate them as if they were lost. `pg_stat_activity` is live, not a delayed statistic.
 */
async function waitForConnectionsGone(url: string, timeoutMs = CONNECTIONS_GONE_MS): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ others: string }>(
        "SELECT count(*) AS others FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      if (Number(rows[0].others) === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } catch (error) {
    // Only a courtesy before stopping: a server that cannot answer is stopped all the same.
    logger.debug({ err: error }, "could not check the embedded PostgreSQL's connections before stopping it");
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Uses `DATABASE_URL` when set; otherwise starts the embedded PostgreSQL with its data kept under
 * `<dataDir>/postgres`, so a second start finds the data of the first.
 */
export async function connectDatabase(env: { DATABASE_URL?: string; AGORA_DATA_DIR: string }): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const dataDir = path.join(env.AGORA_DATA_DIR, "postgres");
  logger.info({ dataDir }, "DATABASE_URL is not set: starting embedded PostgreSQL");
  const server = await startEmbeddedPostgres({ dataDir, persistent: true });
  try {
    const url = await ensureDatabase(server.url, HUB_DATABASE);
    return {
      url,
      embedded: true,
      stop: async () => {
        await waitForConnectionsGone(url);
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
