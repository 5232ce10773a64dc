import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@agora-hub/runtime";

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
