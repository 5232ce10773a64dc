import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";
import { repoRoot } from "@agora-hub/runtime";

/*
 * The processes of `npm run bench:gateway`: each in a process group of its own, so that it and any children
 * it forks (a gateway's workers) are killed together — when the bench ends, fails or is interrupted.
 */

const MAX_LOG_CHARS = 20_000;
const READY_TIMEOUT_MS = 120_000;

/** One started process: its pid, what it wrote lately, and whether it still runs. */
export interface BenchProcess {
  name: string;
  pid: number;
  logs: () => string;
  running: () => boolean;
}

/** CPU pinning of the run: which cores the bench and its servers use, or why there is none. */
export interface Pinning {
  pinned: boolean;
  note: string;
}

/**
 * Pins this process (every thread; its future children inherit it) to core 0, so the load generator and the
 * subgraphs share it and a gateway started with `gatewayCommand` has core 1 alone. Unpinned, with the reason,
 * on one core or when taskset fails.
 */
export function pinLoadGenerator(): Pinning {
  if (availableParallelism() < 2) return { pinned: false, note: "unpinned: one core only" };
  const result = spawnSync("taskset", ["-a", "-p", "-c", "0", String(process.pid)], { encoding: "utf8" });
  if (result.status !== 0) return { pinned: false, note: `unpinned: taskset failed (${(result.error?.message ?? result.stderr).trim()})` };
  return { pinned: true, note: "pinned: load generator and subgraphs on core 0, the gateway under test alone on core 1" };
}

/** Every process started here, so that `killAll` can end them. */
export class ProcessSet {
  private readonly children: Array<{ child: ChildProcess; name: string }> = [];

  constructor() {
    // Last resort: synchronous, so it also runs on process.exit().
    process.once("exit", () => this.killAll());
  }

  /** Starts `node [nodeArgs] <script>` from the repository root, on core 1 when `core1` (and pinned). */
  start(name: string, script: string, env: NodeJS.ProcessEnv, core1: boolean, nodeArgs: string[] = []): BenchProcess {
    const node = [process.execPath, ...nodeArgs, path.join(repoRoot(), script)];
    const [command, ...args] = core1 ? ["taskset", "-c", "1", ...node] : node;
    const child = spawn(command, args, { cwd: repoRoot(), env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-MAX_LOG_CHARS);
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
    this.children.push({ child, name });
    return { name, pid: child.pid, logs: () => output, running: () => child.exitCode === null && child.signalCode === null };
  }

  /**
   * SIGTERM to the named processes, waiting (at most `timeoutMs`) until they have exited: what `node --cpu-prof`
   * needs to write its profiles, which SIGKILL would lose.
   */
  async stop(names: string[], timeoutMs = 20_000): Promise<void> {
    const chosen = this.children.filter(({ name, child }) => names.includes(name) && child.exitCode === null && child.signalCode === null);
    await Promise.all(
      chosen.map(({ child }) => {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        return Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref())]);
      }),
    );
  }

  /** SIGKILL to every process group started here that still runs. */
  killAll(): void {
    for (const { child } of this.children) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

/** Runs `node <script> <args>` to completion; fails with its output unless it exits 0. */
export async function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [path.join(repoRoot(), script), ...args], { cwd: repoRoot(), env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-MAX_LOG_CHARS)));
  child.stderr.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-MAX_LOG_CHARS)));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited ${code}:\n${output.slice(-4000)}`);
}

/**
 * Polls until `probe` resolves true; fails when the process exits first or the deadline passes,
 * with the end of what it wrote.
 */
export async function waitReady(process_: BenchProcess, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (!process_.running()) throw new Error(`${process_.name} exited before it was ready:\n${process_.logs().slice(-4000)}`);
    try {
      if (await probe()) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${process_.name} was not ready within ${READY_TIMEOUT_MS} ms:\n${process_.logs().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
