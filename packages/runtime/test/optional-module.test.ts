import { execFileSync } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../src/config";
import { optionalModuleError } from "../src/optional-module";
import { ensureBuilt } from "../../../testing/ensure-built";

const MISSING = "embedded-postgres-that-is-not-installed";
const EXPECTED = `running without DATABASE_URL needs ${MISSING}: install it (npm install ${MISSING})`;

beforeAll(async () => {
  await ensureBuilt();
}, 180_000);

/** What the compiled function says of Node's own failure to load a missing package, by require or import(). */
function messageInNode(load: "require" | "import"): string {
  // A plain Node process: jest's module sandbox fails loads its own way.
  const compiled = path.join(repoRoot(), "packages/runtime/dist/optional-module.js");
  const describe = `(e) => console.log(require(${JSON.stringify(compiled)}).optionalModuleError(e, [${JSON.stringify(MISSING)}], "running without DATABASE_URL").message)`;
  const script =
    load === "import" ? `import(${JSON.stringify(MISSING)}).catch(${describe})` : `try { require(${JSON.stringify(MISSING)}) } catch (e) { (${describe})(e) }`;
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

describe("optionalModuleError", () => {
  it.each(["require", "import"] as const)("names the package to install when an optional peer cannot be loaded by %s", (load) => {
    expect(messageInNode(load)).toBe(EXPECTED);
  });

  it("passes any other failure through unchanged", () => {
    const failure = Object.assign(new Error("Cannot find module './something-inside'"), { code: "MODULE_NOT_FOUND" });
    expect(optionalModuleError(failure, ["embedded-postgres"], "running without DATABASE_URL")).toBe(failure);
    const broken = new SyntaxError("Unexpected token");
    expect(optionalModuleError(broken, ["embedded-postgres"], "running without DATABASE_URL")).toBe(broken);
  });
});
