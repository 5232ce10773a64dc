import { spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../src/config";
import { ensureBuilt } from "../../../testing/ensure-built";

beforeAll(async () => {
  await ensureBuilt();
}, 180_000);

/** A process whose only shutdown step never finishes, so what ends it is the signal handling itself. */
async function startHangingProcess() {
  const script = `require(${JSON.stringify(path.join(repoRoot(), "packages/runtime/dist/lifecycle/shutdown.js"))}).closeOnSignals(() => new Promise(() => {}));
console.log("ready"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", script], { env: { PATH: process.env.PATH, LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", () => reject(new Error("the process exited before it was ready")));
  });
  return { child, exited };
}

describe("closeOnSignals", () => {
  it("takes a signal repeated within a second as the same request (npm forwards Ctrl-C), and a later one as exit now", async () => {
    const { child, exited } = await startHangingProcess();
    try {
      child.kill("SIGINT");
      child.kill("SIGINT");
      // The repeat window is a duration, so waiting it out is the condition itself.
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(child.exitCode).toBeNull();
      child.kill("SIGTERM");
      expect(await exited).toBe(1);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
