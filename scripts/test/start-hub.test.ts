import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, repoRoot } from "@agora-hub/runtime";
import { ensureBuilt } from "../../testing/ensure-built";

beforeAll(async () => {
  await ensureBuilt();
}, 180_000);

/** Runs `npm start`'s script with `env` only; its exit code, output and how long it took. */
async function startHubProcess(env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(repoRoot(), "dist/scripts/start-hub.js")], {
    cwd: repoRoot(),
    env: { PATH: process.env.PATH, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // A hub that did start is stopped at once: these tests are about the ones that must not.
  const timer = setTimeout(() => child.kill("SIGTERM"), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  return { code, output, ms: Date.now() - started };
}

/** Free ports for every port the hub listens on, with `overrides` for some. */
async function hubPorts(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const names = ["GATEWAY_PORT", "PEOPLE_PORT", "ORGANISATIONS_PORT", "OPPORTUNITIES_PORT", "EVENTS_PORT", "MODERATION_PORT", "SEARCH_PORT"];
  const ports: Record<string, string> = {};
  for (const name of names) ports[name] = String(await freePort());
  return { ...ports, ...overrides };
}

describe("npm start when it cannot start", () => {
  let busy: Server;
  let busyPort: number;
  let dataDir: string;
  /** A PostgreSQL URL nothing listens at: any attempt to use the database would fail with ECONNREFUSED. */
  let unusedDatabaseUrl: string;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    busyPort = (busy.address() as { port: number }).port;
    unusedDatabaseUrl = `postgres://postgres@127.0.0.1:${await freePort()}/nowhere`;
  });

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "agora-start-hub-"));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
  });

  it("names the busy gateway port and its variable at once, before touching any database", async () => {
    const result = await startHubProcess({ ...(await hubPorts({ GATEWAY_PORT: String(busyPort) })), DATABASE_URL: unusedDatabaseUrl, AGORA_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`GATEWAY_PORT: port ${busyPort} is already in use on 127.0.0.1`);
    expect(result.output).not.toMatch(/ECONNREFUSED|database|migrat/i);
    expect(result.ms).toBeLessThan(20_000);
  }, 30_000);

  it("names a busy subgraph port, and starts no embedded PostgreSQL and no mail catcher when DATABASE_URL and SMTP_URL are unset", async () => {
    const result = await startHubProcess({ ...(await hubPorts({ EVENTS_PORT: String(busyPort) })), AGORA_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`EVENTS_PORT: port ${busyPort} is already in use on 127.0.0.1`);
    expect(result.output).not.toMatch(/embedded PostgreSQL/);
    expect(existsSync(path.join(dataDir, "postgres"))).toBe(false);
    expect(existsSync(path.join(dataDir, "mail"))).toBe(false);
  }, 30_000);

  it("names the variable of a bad setting", async () => {
    const result = await startHubProcess({ ...(await hubPorts({ PEOPLE_PORT: "eighty" })), DATABASE_URL: unusedDatabaseUrl, AGORA_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/the hub failed to start: Invalid configuration:\\n {2}PEOPLE_PORT: /);
  }, 30_000);

  it("refuses an SMTP_URL that is not smtp:// or smtps://, naming it and never showing it", async () => {
    const result = await startHubProcess({
      ...(await hubPorts()),
      DATABASE_URL: unusedDatabaseUrl,
      AGORA_DATA_DIR: dataDir,
      SMTP_URL: "https://mailer:s3cret@mail.example",
    });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/the hub failed to start: Invalid configuration:\\n {2}SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(result.output).not.toContain("s3cret");
    expect(existsSync(path.join(dataDir, "mail"))).toBe(false);
  }, 30_000);
});
