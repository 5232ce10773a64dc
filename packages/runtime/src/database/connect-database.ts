import path from "node:path";
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
    return { url, embedded: true, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
