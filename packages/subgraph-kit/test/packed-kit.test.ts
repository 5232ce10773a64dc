import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { Client } from "pg";
import ts from "typescript";
import { repoRoot } from "@agora-hub/runtime";
import { ensureBuilt } from "../../../testing/ensure-built";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

// The kit as a partner gets it: both packages packed with `npm pack`, installed from the tarballs into
// a project outside the repository, compiled with tsc and run as a process. The project's sources are
// in ./partner-project; this file writes its package.json and starts it.

const run = promisify(execFile);
const ROOT = repoRoot();
const PACKAGES = ["packages/runtime", "packages/subgraph-kit"];
/** Files a package may ship: its compiled code, README and manifest. */
const SHIPPED = /^(dist\/.+\.(js|d\.ts|js\.map)|README\.md|package\.json)$/;

/** The environment of an npm or node child: none of jest's or an outer `npm test`'s settings leak in. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(
    ([name]) => !name.startsWith("npm_") && name !== "JEST_WORKER_ID" && name !== "NODE_OPTIONS" && name !== "INIT_CWD",
  );
  return { ...Object.fromEntries(kept), ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}), ...extra };
}

async function npm(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run("npm", args, { cwd, env: childEnv(), maxBuffer: 32 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(" ")} failed in ${cwd}:\n${stdout}\n${stderr}`, { cause: error });
  }
}

interface PackedPackage {
  name: string;
  filename: string;
  files: Array<{ path: string }>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

/** Packs both packages into `destination`, as `npm publish` would. */
async function packKit(destination: string): Promise<PackedPackage[]> {
  mkdirSync(destination, { recursive: true });
  const packed = JSON.parse(
    await npm(["pack", "--json", "--pack-destination", destination, ...PACKAGES.flatMap((dir) => ["-w", dir])], ROOT),
  ) as PackedPackage[];
  return packed.map((entry, index) => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, PACKAGES[index], "package.json"), "utf8")) as PackedPackage;
    return { ...entry, dependencies: manifest.dependencies ?? {}, peerDependencies: manifest.peerDependencies ?? {} };
  });
}

/** A partner project, written and installed outside the repository. */
interface PartnerProject {
  dir: string;
  /** Runs its compiled `main.js` with `env` and resolves once it says it is ready. */
  start: (env: Record<string, string>) => Promise<RunningPartner>;
}

interface RunningPartner {
  url: string;
  stop: () => Promise<void>;
}

const rootManifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const rootVersion = (name: string): string => rootManifest.dependencies[name] ?? rootManifest.devDependencies[name];

/**
 * Copies ./partner-project into `dir`, depends it on the tarballs and on the kit's peers at the hub's
 * versions, installs it (npm's cache is warm from the repository's install) and compiles it.
 */
async function createPartnerProject(dir: string, packed: PackedPackage[], tarballs: string): Promise<PartnerProject> {
  cpSync(path.join(__dirname, "partner-project"), dir, { recursive: true });
  const kit = packed.find((entry) => entry.name === "@agora-hub/subgraph-kit")!;
  const peers = Object.fromEntries(Object.keys(kit.peerDependencies).map((name) => [name, rootVersion(name)]));
  const manifest = {
    name: "festivals-subgraph",
    version: "1.0.0",
    private: true,
    scripts: { build: "tsc", start: "node dist/main.js" },
    dependencies: {
      ...Object.fromEntries(packed.map((entry) => [entry.name, `file:${path.join(tarballs, entry.filename)}`])),
      ...peers,
      dataloader: rootVersion("dataloader"),
    },
    devDependencies: { typescript: rootVersion("typescript"), "@types/node": rootVersion("@types/node") },
  };
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await npm(["install", "--prefer-offline", "--no-audit", "--no-fund"], dir);
  await npm(["run", "build"], dir);
  return {
    dir,
    start: (env) => startPartner(dir, env),
  };
}

/** Starts the partner's subgraph on a free port and waits for its "subgraph ready" log line, with its URL. */
async function startPartner(dir: string, env: Record<string, string>): Promise<RunningPartner> {
  const child: ChildProcess = spawn(process.execPath, ["dist/main.js"], {
    cwd: dir,
    env: childEnv({ HOST: "127.0.0.1", FESTIVALS_PORT: "0", LOG_LEVEL: "info", APOLLO_TELEMETRY_DISABLED: "1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the partner subgraph was not ready within 30 s:\n${output.join("")}`)), 30_000);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      output.push(`${line}\n`);
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === "subgraph ready" && entry.url) {
        clearTimeout(timer);
        resolve(entry.url);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the partner subgraph exited (${code}) before it was ready:\n${output.join("")}`));
    });
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Every module a package's type declarations import, by the declaration file importing it. */
function declarationImports(packageDir: string): Array<{ file: string; specifier: string }> {
  const found: Array<{ file: string; specifier: string }> = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith(".d.ts")) {
        for (const match of readFileSync(full, "utf8").matchAll(/(?:from |import\()"([^"]+)"/g)) found.push({ file: full, specifier: match[1] });
      }
    }
  };
  visit(path.join(packageDir, "dist"));
  return found;
}

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

let workDir: string;
let packed: PackedPackage[];
let project: PartnerProject;
let database: TestDatabase;
let partner: RunningPartner | undefined;

beforeAll(async () => {
  await ensureBuilt();
  workDir = mkdtempSync(path.join(tmpdir(), "agora-packed-kit-"));
  const tarballs = path.join(workDir, "tarballs");
  packed = await packKit(tarballs);
  [project, database] = await Promise.all([createPartnerProject(path.join(workDir, "festivals"), packed, tarballs), createTestDatabase()]);
  partner = await project.start({ DATABASE_URL: database.url });
}, 150_000);

afterAll(async () => {
  await partner?.stop();
  await database?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("the packed kit", () => {
  it("ships only compiled code, README and package.json", () => {
    for (const entry of packed) {
      const files = entry.files.map((file) => file.path);
      expect({ name: entry.name, unexpected: files.filter((file) => !SHIPPED.test(file)) }).toEqual({ name: entry.name, unexpected: [] });
      expect(files).toEqual(expect.arrayContaining(["README.md", "package.json", "dist/index.js", "dist/index.d.ts"]));
    }
    expect(packed.find((entry) => entry.name === "@agora-hub/subgraph-kit")!.files.map((file) => file.path)).toContain("dist/testing/index.d.ts");
  });

  it("pins its dependencies and peers at the hub's own versions", () => {
    for (const entry of packed) {
      for (const [name, version] of Object.entries({ ...entry.dependencies, ...entry.peerDependencies })) {
        if (name.startsWith("@agora-hub/")) continue;
        expect({ package: entry.name, dependency: name, version }).toEqual({ package: entry.name, dependency: name, version: rootVersion(name) });
      }
    }
  });

  it("declares a dependency for every module its type declarations import", () => {
    // The partner compiles with skipLibCheck, as most projects do, which would hide an unresolved import as `any`.
    const options: ts.CompilerOptions = { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, types: ["node"] };
    for (const entry of packed) {
      const unresolved = declarationImports(path.join(project.dir, "node_modules", entry.name))
        .filter(({ file, specifier }) => !ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule)
        .map(({ file, specifier }) => `${path.relative(project.dir, file)}: ${specifier}`);
      expect({ name: entry.name, unresolved }).toEqual({ name: entry.name, unresolved: [] });
    }
  });

  it("is installed, compiled and run by a project outside the repository", () => {
    expect(path.relative(ROOT, project.dir).startsWith("..")).toBe(true);
    expect(partner!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  });

  it("serves the partner's Federation 2 SDL", async () => {
    const answer = await post(partner!.url, "{ _service { sdl } }");
    const sdl = (answer.data?._service as { sdl: string }).sdl;
    expect(sdl).toMatch(/type Festival\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type LocalizedText\s+@shareable/);
  });

  it("answers for an entity its migration's table holds, by query and by reference", async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    let id: string;
    try {
      const name = {
        originalLanguage: "fr",
        translations: [
          { lang: "fr", value: "Les Nuits", machineTranslated: false },
          { lang: "en", value: "The Nights", machineTranslated: true },
        ],
      };
      ({ id } = (await client.query<{ id: string }>("INSERT INTO festivals.festival (name, country) VALUES ($1, 'BE') RETURNING id", [name])).rows[0]);
    } finally {
      await client.end();
    }
    expect(await post(partner!.url, `query($id: ID!) { festival(id: $id) { id country name { text(lang: "en") textLanguage } } }`, { id })).toEqual({
      data: { festival: { id, country: "BE", name: { text: "The Nights", textLanguage: "fr" } } },
    });
    expect(await post(partner!.url, "{ festivals(first: 5) { totalCount edges { node { id } } pageInfo { hasNextPage } } }")).toEqual({
      data: { festivals: { totalCount: 1, edges: [{ node: { id } }], pageInfo: { hasNextPage: false } } },
    });
    expect(
      await post(partner!.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Festival { country } } }`, {
        r: [{ __typename: "Festival", id }],
      }),
    ).toEqual({
      data: { _entities: [{ country: "BE" }] },
    });
  });
});
