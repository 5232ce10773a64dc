import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@agora-hub/runtime";

/**
 * Jest global setup: tests use the server in DATABASE_URL, or else one throw-away embedded
 * PostgreSQL for the whole run. Each test file then creates its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  if (process.env.DATABASE_URL) return;
  const parent = mkdtempSync(path.join(tmpdir(), "agora-test-"));
  // mkdtemp makes the folder private; as root, PostgreSQL runs as another user that must reach it.
  chmodSync(parent, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(parent, "data"), persistent: false, fast: true });
  process.env.DATABASE_URL = server.url;
  (globalThis as { __agoraEmbeddedPostgres?: { stop: () => Promise<void> } }).__agoraEmbeddedPostgres = server;
}
