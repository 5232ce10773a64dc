/**
 * Fault-injection harness: the hub run from dist/ as real processes, so a test can kill (SIGKILL), stop
 * (SIGSTOP), continue and restart one, send it SIGTERM with requests in flight, and hold a subgraph's traffic.
 *
 *   const hub = await startProcessHub({ intercept: ["events"] });   // beforeAll (allow ~2 minutes)
 *   await hub.kill("people"); ... await hub.restart("people");
 *   hub.proxy("events").hold(); ... hub.proxy("events").release();
 *   await hub.close();                                              // afterAll
 *
 * Each hub works in a fresh database on DATABASE_URL's server, like every test file.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, repoRoot, rotateSigningKeys } from "@agora-hub/runtime";
import type { SeedSizes } from "@agora-hub/subgraph-kit";
import { createTestDatabase, type TestDatabase } from "@agora-hub/subgraph-kit/testing";
import { ensureBuilt } from "../../../testing/ensure-built";
import { CORE_SUBGRAPH_NAMES, type CoreSubgraphName } from "../../../subgraphs/core-subgraph-names";
import { type HoldingProxy, startHoldingProxy } from "./holding-proxy";

/** The core subgraphs, in start order (as subgraphs/core-subgraphs.ts lists them). */
export { CORE_SUBGRAPH_NAMES, type CoreSubgraphName };

/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ProcessHubOptions {
  /**
   * "processes" (default): each core subgraph and the gateway in a process of its own, as docker-compose runs
   * them (names: "gateway" and each core subgraph). "one-process": `node dist/scripts/start-hub.js`, as
   * `npm start` runs it (name: "hub").
   */
  layout?: "processes" | "one-process";
  /** Records seeded before the start (`dist/scripts/seed.js`); a small set by default, false for none. */
  seed?: Partial<SeedSizes> | false;
  /**
   * Processes-layout only: GATEWAY_WORKERS of the gateway process, 1 (no cluster) by default, so a test
   * that does not ask for workers sees one process whatever the machine's core count.
   */
  gatewayWorkers?: number;
  /** Extra environment of the gateway process (or of the one-process hub), e.g. SUBGRAPH_TIMEOUT_MS. */
  gatewayEnv?: Record<string, string>;
  /**
   * Core subgraphs the gateway reaches through a holding proxy (`proxy(name)`). In the one-process layout
   * the search subgraph's calls go through it too.
   */
  intercept?: CoreSubgraphName[];
  /**
   * One-process layout only: no DATABASE_URL, so the hub starts its own embedded PostgreSQL (data in a
   * temporary AGORA_DATA_DIR) and seeds the demo data itself, exactly as `npm ci && npm start` does.
   */
  embeddedDatabase?: boolean;
}

/** The running hub and its fault switches. Every process name is one of `names`. */
export interface ProcessHub {
  /** The gateway's base URL, ending in "/". */
  gatewayUrl: string;
  /** The operator's token (AGORA_ADMIN_TOKEN). */
  adminToken: string;
  /** AGORA_SIGNING_KEYS of the gateway and every core subgraph (they verify with the gateway's JWKS URL). */
  signingKeys: string;
  databaseUrl: string;
  names: string[];
  /** A core subgraph's own GraphQL URL (not through a proxy). */
  subgraphUrl: (name: CoreSubgraphName) => string;
  /** The holding proxy in front of an intercepted subgraph. */
  proxy: (name: CoreSubgraphName) => HoldingProxy;
  /** POSTs a GraphQL operation to the gateway; status and parsed body. */
  graphql: (query: string, variables?: Record<string, unknown>, token?: string) => Promise<{ status: number; body: GraphQLAnswer }>;
  /** Sends `signal` (SIGKILL by default) and resolves once the process has exited. */
  kill: (name: string, signal?: NodeJS.Signals) => Promise<ProcessExit>;
  /** SIGSTOP: the process keeps its sockets but answers nothing until `cont`. */
  stop: (name: string) => void;
  /** SIGCONT after `stop`. */
  cont: (name: string) => void;
  /** Sends a signal without waiting (e.g. SIGTERM, then watch the drain and `exited`). */
  signal: (name: string, signal: NodeJS.Signals) => void;
  /** Resolves when the current process of `name` exits. */
  exited: (name: string) => Promise<ProcessExit>;
  /** Kills the process if it still runs, starts it again on the same port and waits until it is ready. */
  restart: (name: string) => Promise<void>;
  /** Whether the process of `name` is running (stopped counts as running). */
  running: (name: string) => boolean;
  /** What the process of `name` wrote to stdout and stderr (its last lines, across restarts). */
  logs: (name: string) => string;
  /** Kills every process, closes the proxies and drops the database. */
  close: () => Promise<void>;
}

/** A GraphQL answer as the gateway sends it. */
export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

/** The small data set seeded by default: enough rows for every type, quick to write. */
const SMALL_SEED: SeedSizes = { people: 20, organisations: 10, opportunities: 10, events: 10 };
const READY_TIMEOUT_MS = 120_000;
const MAX_LOG_LINES = 2000;
async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** One hub process: how to (re)start it, where it answers /ready, and what it wrote. */
class ManagedProcess {
  private child: ChildProcess | null = null;
  private exit: Promise<ProcessExit> | null = null;
  private readonly lines: string[] = [];

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly readyUrl: string,
  ) {}

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    const child = spawn(process.execPath, [path.join(repoRoot(), this.script), ...this.args], {
      cwd: repoRoot(),
      env: this.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collect = (chunk: Buffer) => {
      this.lines.push(...chunk.toString().split("\n").filter(Boolean));
      if (this.lines.length > MAX_LOG_LINES) this.lines.splice(0, this.lines.length - MAX_LOG_LINES);
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    this.exit = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    this.child = child;
  }

  /** Polls /ready until it answers 200; fails when the process exits first or the deadline passes. */
  async waitReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited before it was ready:\n${this.logs().slice(-4000)}`);
      try {
        const response = await fetch(this.readyUrl, { signal: AbortSignal.timeout(2000) });
        await response.body?.cancel();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${this.name} was not ready within ${READY_TIMEOUT_MS} ms:\n${this.logs().slice(-4000)}`);
      await sleep(200);
    }
  }

  signal(signal: NodeJS.Signals): void {
    if (!this.running) throw new Error(`${this.name} is not running`);
    this.child!.kill(signal);
  }

  exited(): Promise<ProcessExit> {
    if (!this.exit) throw new Error(`${this.name} was never started`);
    return this.exit;
  }

  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<ProcessExit> {
    if (this.running) this.child!.kill(signal);
    return this.exited();
  }

  logs(): string {
    return this.lines.join("\n");
  }
}

/** Runs a dist/ script to completion; fails with its output unless it exits 0. */
async function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [path.join(repoRoot(), script), ...args], { cwd: repoRoot(), env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited ${code}:\n${output.slice(-4000)}`);
}

/** Starts the hub from dist/ (building it first when it is stale) on a fresh database; see `ProcessHubOptions`. */
export async function startProcessHub(options: ProcessHubOptions = {}): Promise<ProcessHub> {
  await ensureBuilt();
  const layout = options.layout ?? "processes";
  const database: TestDatabase = await createTestDatabase();
  const processes = new Map<string, ManagedProcess>();
  const proxies = new Map<CoreSubgraphName, HoldingProxy>();
  const embedded = options.embeddedDatabase === true;
  if (embedded && layout !== "one-process") throw new Error("embeddedDatabase needs the one-process layout");
  // The one-process hub keeps what it writes (the embedded PostgreSQL's data, the caught mail) in a folder of its
  // own, never in the checkout's .data/. As root, the embedded PostgreSQL runs as another user, which must reach it.
  const dataDir = layout === "one-process" ? mkdtempSync(path.join(tmpdir(), "agora-faults-")) : undefined;
  if (dataDir) chmodSync(dataDir, 0o755);
  const close = async () => {
    await Promise.all(
      [...processes.values()].map(async (managed) => {
        if (managed.running) managed.signal("SIGCONT");
        // A hub with its own PostgreSQL is asked to stop, so the database stops with it; killed only if it hangs.
        if (embedded && managed.running) {
          const stopped = await Promise.race([managed.kill("SIGTERM"), new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
          if (stopped) return;
        }
        await managed.kill("SIGKILL");
      }),
    );
    await Promise.all([...proxies.values()].map((proxy) => proxy.close()));
    await database.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const adminToken = `faults-operator-${randomBytes(12).toString("hex")}`;
    const signingKeys = JSON.stringify(rotateSigningKeys());
    const ports = Object.fromEntries(await Promise.all(CORE_SUBGRAPH_NAMES.map(async (name) => [name, await freePort()] as const))) as Record<
      CoreSubgraphName,
      number
    >;
    const gatewayPort = await freePort();
    const directUrl = (name: CoreSubgraphName) => `http://127.0.0.1:${ports[name]}/graphql`;
    for (const name of options.intercept ?? []) proxies.set(name, await startHoldingProxy(() => directUrl(name)));
    const routedUrl = (name: CoreSubgraphName) => proxies.get(name)?.url ?? directUrl(name);

    // A clean environment: nothing of the test runner's (JEST_WORKER_ID silences logs, NODE_ENV=test turns
    // Apollo's own signal handling off) or of the machine's (REDIS_URL, tracing) leaks into the hub.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "development",
      LOG_LEVEL: "info",
      DATABASE_URL: database.url,
      HOST: "127.0.0.1",
      DB_POOL_SIZE: "3",
      // As docker-compose: the core subgraphs hold the key set (to call their peers) and check tokens against the gateway's JWKS.
      AGORA_SIGNING_KEYS: signingKeys,
      AGORA_JWKS_URL: `http://127.0.0.1:${gatewayPort}/.well-known/jwks.json`,
      APOLLO_TELEMETRY_DISABLED: "1",
      ...Object.fromEntries(CORE_SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_PORT`, String(ports[name])])),
      ...Object.fromEntries(CORE_SUBGRAPH_NAMES.map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, directUrl(name)])),
    };
    const gatewayEnv: NodeJS.ProcessEnv = {
      ...env,
      ...Object.fromEntries(CORE_SUBGRAPH_NAMES.map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, routedUrl(name)])),
      GATEWAY_PORT: String(gatewayPort),
      AGORA_ADMIN_TOKEN: adminToken,
      AGORA_ALLOW_PRIVATE_SUBGRAPHS: "1",
      REGISTRY_POLL_MS: "300",
      RATE_LIMIT_PER_MINUTE_IP: "0",
      RATE_LIMIT_PER_MINUTE_KEY: "0",
      // Faults must reach the subgraphs: no stored or merged answers (gateway/response-cache/test/ tests those).
      RESPONSE_CACHE_MAX_MB: "0",
      MERGE_INFLIGHT_REQUESTS: "0",
      // Faults, not admission control, are tried here: every request a test sends is admitted at once.
      MAX_CONCURRENT_REQUESTS: "32",
      REQUEST_QUEUE_SIZE: "32",
      AGORA_SEED_DEMO: embedded ? "1" : "0",
      GATEWAY_WORKERS: String(options.gatewayWorkers ?? 1),
      ...options.gatewayEnv,
    };
    if (dataDir) gatewayEnv.AGORA_DATA_DIR = dataDir;
    if (embedded) delete gatewayEnv.DATABASE_URL;

    if (options.seed !== false && !embedded) {
      const sizes = { ...SMALL_SEED, ...options.seed };
      await runScript(
        "dist/scripts/seed.js",
        Object.entries(sizes).flatMap(([kind, count]) => [`--${kind}`, String(count)]),
        env,
      );
    }
    const gatewayReady = `http://127.0.0.1:${gatewayPort}/ready`;
    if (layout === "one-process") {
      processes.set("hub", new ManagedProcess("hub", "dist/scripts/start-hub.js", [], gatewayEnv, gatewayReady));
    } else {
      for (const name of CORE_SUBGRAPH_NAMES) {
        processes.set(name, new ManagedProcess(name, `dist/subgraphs/${name}/main.js`, [], env, `http://127.0.0.1:${ports[name]}/ready`));
      }
      processes.set("gateway", new ManagedProcess("gateway", "dist/gateway/main.js", [], gatewayEnv, gatewayReady));
    }
    // The subgraphs together, then the gateway: on two busy cores its start (composition) competes with theirs.
    const gatewayFirst = [...processes.values()];
    const gateway = gatewayFirst.pop()!;
    for (const managed of gatewayFirst) managed.start();
    await Promise.all(gatewayFirst.map((managed) => managed.waitReady()));
    gateway.start();
    await gateway.waitReady();

    const managed = (name: string): ManagedProcess => {
      const found = processes.get(name);
      if (!found) throw new Error(`no process named ${name}: ${[...processes.keys()].join(", ")}`);
      return found;
    };
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/`;
    return {
      gatewayUrl,
      adminToken,
      signingKeys,
      databaseUrl: database.url,
      names: [...processes.keys()],
      subgraphUrl: directUrl,
      proxy: (name) => {
        const proxy = proxies.get(name);
        if (!proxy) throw new Error(`${name} is not intercepted: pass intercept: ["${name}"]`);
        return proxy;
      },
      graphql: async (query, variables = {}, token) => {
        const response = await fetch(`${gatewayUrl}graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, body: (await response.json()) as GraphQLAnswer };
      },
      kill: (name, signal) => managed(name).kill(signal),
      stop: (name) => managed(name).signal("SIGSTOP"),
      cont: (name) => managed(name).signal("SIGCONT"),
      signal: (name, signal) => managed(name).signal(signal),
      exited: (name) => managed(name).exited(),
      restart: async (name) => {
        const target = managed(name);
        if (target.running) {
          target.signal("SIGCONT");
          await target.kill("SIGKILL");
        }
        target.start();
        await target.waitReady();
      },
      running: (name) => managed(name).running,
      logs: (name) => managed(name).logs(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
