import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { freePort, repoRoot } from "@agora-hub/runtime";
import { CORE_SUBGRAPHS } from "../../subgraphs/core-subgraphs";

/*
 * `npm run bench:start`: how long `npm start` takes until the gateway answers `{ people(first: 1) { totalCount } }`
 * with people in it. Runs it twice on a throw-away data directory (AGORA_DATA_DIR, DATABASE_URL unset, so the
 * embedded PostgreSQL), on free ports: the first start creates the database, migrates and seeds the demo data;
 * after a Ctrl-C (SIGINT) the second start finds everything done. Target: the second start serves within 10 s.
 * Bounded: each start has START_LIMIT_S to answer and STOP_LIMIT_S to exit after SIGINT, else its process
 * group is killed; the data directory is removed at the end.
 */

const TARGET_SECONDS = 10;
const FIRST_START_LIMIT_S = 600;
const START_LIMIT_S = 120;
const STOP_LIMIT_S = 30;
const POLL_MS = 100;
const QUERY = "{ people(first: 1) { totalCount } }";

/** A started `npm start`, in a process group of its own so the whole tree can be signalled. */
function startHub(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn("npm", ["start", "--silent"], { cwd: repoRoot(), env, detached: true, stdio: ["ignore", "ignore", "pipe"] });
}

/** Whether the gateway at `url` answers the query with at least one person. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUERY }),
      signal: AbortSignal.timeout(2_000),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { data?: { people?: { totalCount?: number } } };
    return (body.data?.people?.totalCount ?? 0) > 0;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

/** Seconds from the command to the first good answer; throws when it exits or the limit passes first. */
async function timeStart(label: string, env: NodeJS.ProcessEnv, url: string, limitSeconds: number): Promise<{ seconds: number; child: ChildProcess }> {
  const started = performance.now();
  const child = startHub(env);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const deadline = started + limitSeconds * 1000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${label}: npm start exited (${child.exitCode ?? child.signalCode}):\n${stderr}`);
    if (await answers(url)) return { seconds: (performance.now() - started) / 1000, child };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  await stop(child);
  throw new Error(`${label}: no answer within ${limitSeconds} s:\n${stderr}`);
}

/** Ctrl-C as a terminal sends it (to the whole group), then a kill if it outlasts STOP_LIMIT_S. */
async function stop(child: ChildProcess): Promise<void> {
  signalGroup(child, "SIGINT");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), STOP_LIMIT_S * 1000);
  await exited(child);
  clearTimeout(timer);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "agora-start-"));
  // As root, the embedded PostgreSQL runs as another user that must reach its folder.
  chmodSync(dataDir, 0o755);
  const ports = Object.fromEntries(
    await Promise.all([...CORE_SUBGRAPHS.map((definition) => definition.name), "gateway"].map(async (name) => [name, await freePort()])),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, AGORA_DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" };
  delete env.DATABASE_URL;
  for (const [name, port] of Object.entries(ports)) env[`${name.toUpperCase()}_PORT`] = String(port);
  const url = `http://127.0.0.1:${ports.gateway}/graphql`;
  const seconds: number[] = [];
  try {
    for (const [label, limit] of [
      ["first start (creates, migrates, seeds)", FIRST_START_LIMIT_S],
      ["second start (nothing changed)", START_LIMIT_S],
    ] as const) {
      const { seconds: taken, child } = await timeStart(label, env, url, limit);
      seconds.push(taken);
      console.log(`${label}: serving after ${taken.toFixed(1)} s`);
      await stop(child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const second = seconds[1];
  console.log(`second start ${second.toFixed(1)} s: ${second <= TARGET_SECONDS ? "PASS" : "FAIL"} (target ≤ ${TARGET_SECONDS} s)`);
  if (second > TARGET_SECONDS) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
