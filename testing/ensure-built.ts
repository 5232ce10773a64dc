import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "@agora-hub/runtime";

/** Each source folder and where `tsc -b` compiles it. */
const SOURCES = [
  ...["gateway", "registry", "domain", "subgraphs", "schema", "scripts", "testing"].map((dir) => ({ dir, out: path.join("dist", dir) })),
  { dir: "packages/runtime/src", out: "packages/runtime/dist" },
  { dir: "packages/subgraph-kit/src", out: "packages/subgraph-kit/dist" },
];
/** A build lock older than this belongs to a run that died; it is taken over. */
const STALE_LOCK_MS = 5 * 60_000;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) yield full;
  }
}

/** True when some source file has no compiled counterpart in dist/, or a newer one. */
function distIsStale(root: string): boolean {
  for (const { dir, out } of SOURCES) {
    if (!existsSync(path.join(root, dir))) continue;
    for (const file of sourceFiles(path.join(root, dir))) {
      const compiled = path.join(root, out, path.relative(path.join(root, dir), file)).replace(/\.ts$/, ".js");
      if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(file).mtimeMs) return true;
    }
  }
  return false;
}

async function withLock<T>(lock: string, work: () => T): Promise<T> {
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`the build lock ${lock} was held too long`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Makes sure dist/ holds the current code, for tests that run the hub's processes from it: `npm test`
 * builds before jest (`tsc -b`), so this usually only checks; a lone `npx jest` builds once, under a
 * lock shared by the test files running in parallel.
 */
export async function ensureBuilt(): Promise<void> {
  const root = repoRoot();
  if (!distIsStale(root)) return;
  const lock = path.join(tmpdir(), `agora-build-${createHash("sha256").update(root).digest("hex").slice(0, 12)}.lock`);
  await withLock(lock, () => {
    if (distIsStale(root)) execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-b", root], { cwd: root, stdio: "pipe" });
  });
}
