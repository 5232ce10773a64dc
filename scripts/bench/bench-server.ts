import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { startEmbeddedPostgres } from "@agora-hub/runtime";
import type { SeedSizes } from "@agora-hub/subgraph-kit";
import { type RunningHub, startHub } from "../hub";

/** The PostgreSQL server a benchmark creates its databases on: DATABASE_URL's, or a throw-away embedded one. */
export async function openBenchServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const parent = mkdtempSync(path.join(tmpdir(), "agora-bench-"));
  // mkdtemp makes the folder private; as root, PostgreSQL runs as another user that must reach it.
  chmodSync(parent, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(parent, "data"), persistent: false, fast: true });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

/** Drops a database a benchmark created on `serverUrl` (connections to it are ended). */
export async function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The whole hub on `databaseUrl` as a benchmark runs it: on free ports of 127.0.0.1, seeded with `seed`,
 * and with the per-client rate limit off — a load test comes from one address, so the limit would
 * measure itself instead of the hub.
 */
export function startBenchHub(
  databaseUrl: string,
  seed: SeedSizes,
  extra: Pick<Parameters<typeof startHub>[0], "sqlLogger" | "env"> = {},
): Promise<RunningHub> {
  return startHub({
    databaseUrl,
    host: "127.0.0.1",
    poolSize: 10,
    production: false,
    ports: () => 0,
    gatewayPort: 0,
    seed,
    sqlLogger: extra.sqlLogger,
    env: { ...process.env, ...extra.env, RATE_LIMIT_PER_MINUTE_IP: "0" },
  });
}
