import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { CORE_SUBGRAPH_NAMES, type CoreSubgraphName } from "../../subgraphs/core-subgraph-names";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { dropBenchDatabase } from "./bench-server";
import { ensureDatabase, repoRoot, rotateSigningKeys } from "@agora-hub/runtime";

/*
 * `npm run bench:subgraph-cpu`: CPU milliseconds the subgraphs spend per "deep" request. The five core
 * subgraphs and the gateway run from dist/ as separate processes (as docker-compose runs them) on a fresh
 * database of DATABASE_URL's server, seeded with the demo set; the deep query goes through the gateway
 * (people → memberships → organisation → its opportunities and events, plus the person's events), and each
 * process's CPU time is read from /proc/<pid>/task/<tid>/schedstat (every thread) before and after a bounded
 * loop. Options:
 *   --requests N     measured requests (default 300), after --warm-up N (default 40); at most --seconds S (60)
 *   --concurrency N  requests in flight at once (default 2)
 *   --answer FILE    writes the deep answer to FILE when it does not exist, else checks the answer is
 *                    byte-identical to it (exit 1 when not): compare before and after a change
 *   --cpu-prof DIR   runs the subgraphs with `node --cpu-prof`, profiles written to DIR on exit
 */

const SUBGRAPHS = CORE_SUBGRAPH_NAMES;
type SubgraphName = CoreSubgraphName;

/** The deep walk: ~5 subgraph fetches and a ~35 kB answer on the demo data. */
export const DEEP_QUERY = `{ people(first: 20) { edges { node { id displayName headline { text } bio { text } country disciplines city memberships(first: 5) { edges { node { role organisation { id name country opportunities(first: 5) { edges { node { id title { text } } } } events(first: 5) { edges { node { id title { text } } } } } } } } events(first: 5) { edges { node { id title { text } } } } } } } }`;

const USAGE = `Usage: npm run bench:subgraph-cpu -- [--requests N] [--warm-up N] [--seconds S] [--concurrency N] [--answer FILE] [--cpu-prof DIR]`;
const READY_TIMEOUT_MS = 120_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** CPU nanoseconds of every thread of `pid` so far (first field of each thread's schedstat). */
function cpuNanos(pid: number): number {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // the thread ended between listing and reading
    }
  }
  return total;
}

/** GraphQL requests a subgraph has answered so far (agora_graphql_requests_total of its /metrics). */
async function graphqlRequests(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5000) });
  const text = await response.text();
  let total = 0;
  for (const line of text.split("\n")) if (line.startsWith("agora_graphql_requests_total")) total += Number(line.split(" ").at(-1));
  return total;
}

function startProcess(script: string, args: string[], env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, path.join(repoRoot(), script), ...args], { cwd: repoRoot(), env, stdio: ["ignore", "ignore", "pipe"] });
  let tail = "";
  child.stderr?.on("data", (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000)));
  child.once("exit", (code, signal) => {
    if (code !== 0 && signal === null) console.error(`${script} exited ${code}:\n${tail}`);
  });
  return child;
}

async function runToEnd(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = startProcess(script, args, env);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${script} exited ${code}`);
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} was not ready within ${READY_TIMEOUT_MS} ms`);
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`--${name} must be a whole number from 1 to 100000`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: "string" },
      "warm-up": { type: "string" },
      seconds: { type: "string" },
      concurrency: { type: "string" },
      answer: { type: "string" },
      "cpu-prof": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const requests = positive(values.requests, 300, "requests");
  const warmUp = positive(values["warm-up"], 40, "warm-up");
  const seconds = positive(values.seconds, 60, "seconds");
  const concurrency = Math.min(positive(values.concurrency, 2, "concurrency"), 16);
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL must name a PostgreSQL server (the benchmark creates and drops a database on it)");

  const name = `agora_bench_cpu_${randomBytes(5).toString("hex")}`;
  const databaseUrl = await ensureDatabase(serverUrl, name);
  const children: ChildProcess[] = [];
  try {
    const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (subgraph) => [subgraph, await freePort()] as const))) as Record<
      SubgraphName,
      number
    >;
    const gatewayPort = await freePort();
    const subgraphUrl = (subgraph: SubgraphName) => `http://127.0.0.1:${ports[subgraph]}/graphql`;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      // As bench:gateway runs them; LOG_LEVEL=info measures the request logging too.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      DB_POOL_SIZE: "5",
      AGORA_SIGNING_KEYS: JSON.stringify(rotateSigningKeys()),
      AGORA_JWKS_URL: `http://127.0.0.1:${gatewayPort}/.well-known/jwks.json`,
      AGORA_ADMIN_TOKEN: `bench-${randomBytes(12).toString("hex")}`,
      APOLLO_TELEMETRY_DISABLED: "1",
      ...Object.fromEntries(SUBGRAPHS.map((subgraph) => [`${subgraph.toUpperCase()}_PORT`, String(ports[subgraph])])),
      ...Object.fromEntries(SUBGRAPHS.map((subgraph) => [`SUBGRAPH_${subgraph.toUpperCase()}_URL`, subgraphUrl(subgraph)])),
    };
    await runToEnd("dist/scripts/seed.js", [], env);

    const profileDir = values["cpu-prof"] ? path.resolve(values["cpu-prof"]) : undefined;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const pids = new Map<string, number>();
    const started = SUBGRAPHS.map((subgraph) => {
      const child = startProcess(
        `dist/subgraphs/${subgraph}/main.js`,
        [],
        env,
        profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${subgraph}.cpuprofile`] : [],
      );
      children.push(child);
      pids.set(subgraph, child.pid!);
      return waitReady(`http://127.0.0.1:${ports[subgraph]}/ready`, child);
    });
    await Promise.all(started);
    const gateway = startProcess("dist/gateway/main.js", [], {
      ...env,
      GATEWAY_PORT: String(gatewayPort),
      AGORA_ALLOW_PRIVATE_SUBGRAPHS: "1",
      RATE_LIMIT_PER_MINUTE_IP: "0",
      RATE_LIMIT_PER_MINUTE_KEY: "0",
      AGORA_SEED_DEMO: "0",
      // Every deep request reaches the subgraphs, and the gateway's CPU is one process's.
      GATEWAY_WORKERS: "1",
      RESPONSE_CACHE_MAX_MB: "0",
      MERGE_INFLIGHT_REQUESTS: "0",
    });
    children.push(gateway);
    pids.set("gateway", gateway.pid!);
    await waitReady(`http://127.0.0.1:${gatewayPort}/ready`, gateway);

    const body = JSON.stringify({ query: DEEP_QUERY });
    const ask = async (): Promise<string> => {
      const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"')) throw new Error(`the deep query failed (${response.status}): ${text.slice(0, 2000)}`);
      return text;
    };
    const answer = await ask();
    console.log(`deep answer: ${answer.length} bytes, sha256 ${createHash("sha256").update(answer).digest("hex").slice(0, 16)}`);
    let identical = true;
    if (values.answer) {
      if (existsSync(values.answer)) {
        identical = readFileSync(values.answer, "utf8") === answer;
        console.log(identical ? `answer byte-identical to ${values.answer}` : `ANSWER DIFFERS from ${values.answer}`);
      } else {
        writeFileSync(values.answer, answer);
        console.log(`answer written to ${values.answer}`);
      }
    }

    const loop = async (count: number): Promise<number> => {
      let sent = 0;
      const deadline = Date.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (sent < count && Date.now() < deadline) {
            sent++;
            const text = await ask();
            if (text.length !== answer.length) throw new Error("the deep answer changed between requests");
          }
        }),
      );
      return sent;
    };
    await loop(warmUp);
    const requestsBefore = await Promise.all(SUBGRAPHS.map((subgraph) => graphqlRequests(ports[subgraph])));
    const before = new Map([...pids].map(([process, pid]) => [process, cpuNanos(pid)]));
    const startedAt = performance.now();
    const done = await loop(requests);
    const elapsed = performance.now() - startedAt;
    const after = new Map([...pids].map(([process, pid]) => [process, cpuNanos(pid)]));
    const requestsAfter = await Promise.all(SUBGRAPHS.map((subgraph) => graphqlRequests(ports[subgraph])));

    console.log(`\n${done} deep requests, concurrency ${concurrency}, ${(done / (elapsed / 1000)).toFixed(1)} rps\n`);
    console.log("process         CPU ms / deep request   its requests / deep request");
    let subgraphTotal = 0;
    for (const [process] of pids) {
      const ms = (after.get(process)! - before.get(process)!) / 1e6 / done;
      if (process !== "gateway") subgraphTotal += ms;
      const index = SUBGRAPHS.indexOf(process as SubgraphName);
      const calls = index < 0 ? "" : ((requestsAfter[index] - requestsBefore[index]) / done).toFixed(1).padStart(16);
      console.log(`${process.padEnd(16)}${ms.toFixed(2).padStart(8)}${calls}`);
    }
    console.log(`${"subgraphs total".padEnd(16)}${subgraphTotal.toFixed(2).padStart(8)}`);
    if (!identical) process.exitCode = 1;
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
            child.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill("SIGTERM");
          }),
      ),
    );
    await dropBenchDatabase(serverUrl, name);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
