import { execFile } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "@agora-hub/runtime";
import { ensureBuilt } from "../../testing/ensure-built";

const run = promisify(execFile);
const root = repoRoot();
const binPath = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { bin: { agora: string } }).bin.agora;

beforeAll(async () => {
  await ensureBuilt();
}, 180_000);

/** Runs a command in the repository; exit code and output, whatever the code. */
async function attempt(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: root, env: { ...process.env, AGORA_TOKEN: "" }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? String(error) };
  }
}

describe("the agora bin", () => {
  it("is a committed executable file outside dist/, so a fresh clone can run it after the build", async () => {
    expect(binPath.startsWith("dist/")).toBe(false);
    expect(statSync(path.join(root, binPath)).mode & 0o111).not.toBe(0);
    const { stdout } = await run("git", ["ls-files", "-s", binPath], { cwd: root });
    expect(stdout).toMatch(/^100755 /);
  });

  it("runs from its package.json path: --help exits 0, a missing token is a usage error (2)", async () => {
    const help = await attempt(path.join(root, binPath), ["--help"]);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: agora") });
    const noToken = await attempt(path.join(root, binPath), ["subgraph", "list"]);
    expect(noToken).toMatchObject({ code: 2, stderr: expect.stringContaining("a token is required") });
  });

  it("answers `npx agora --help` as the README shows", async () => {
    expect(await attempt("npx", ["--no-install", "agora", "--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: agora") });
  }, 60_000);
});
