import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { Client } from "pg";
import ts from "typescript";
import { ANONYMOUS, createHubTokenSigner, type HubTokenSigner, repoRoot, rotateSigningKeys } from "@agora-hub/runtime";
import { post as postToGateway } from "../../../gateway/protection/test/http-request";
import { waitFor } from "../../../gateway/test/gateway-client";
import { addNetwork, admin, readAs, type RegistryGateway, startRegistryGateway } from "../../../registry/test/registry-gateway";
import { ensureBuilt } from "../../../testing/ensure-built";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

// The kit as a partner gets it: both packages packed with `npm pack`, installed from the tarballs into
// a project outside the repository, compiled with tsc, tested with its own test and run as a process that
// verifies a real hub gateway's tokens with its JWKS. The gateway's network then publishes it and writes
// through the hub. The project's sources are in ./partner-project; this file writes its package.json and starts it.

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
  /** Runs its own tests (`npm test`: Node's test runner) with `env`; resolves with their exit code and output. */
  test: (env: Record<string, string>) => Promise<{ code: number; output: string }>;
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
    scripts: { build: "tsc", start: "node dist/main.js", test: "node --test --test-reporter=spec dist/" },
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
    test: async (env) => {
      const child = spawn("npm", ["test"], { cwd: dir, env: childEnv({ LOG_LEVEL: "warn", APOLLO_TELEMETRY_DISABLED: "1", ...env }) });
      const output: string[] = [];
      child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      const code = await new Promise<number>((resolve) => child.once("exit", (exitCode) => resolve(exitCode ?? -1)));
      return { code, output: output.join("") };
    },
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

/**
 * Posts one operation straight to the partner, with a token of `signer` (the hub's own, by default) for
 * `audience` over exactly the bytes sent; `signer: null` sends none.
 */
async function post(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token: { signer?: HubTokenSigner | null; audience?: string } = {},
): Promise<{ status: number; data?: Record<string, unknown>; errors?: Array<{ extensions?: Record<string, unknown> }> }> {
  const body = JSON.stringify({ query, variables });
  const signer = token.signer === undefined ? hubSigner : token.signer;
  const authorization = signer ? `Bearer ${await signer.sign({ audience: token.audience ?? "festivals", viewer: ANONYMOUS, body })}` : undefined;
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) }, body });
  return { status: response.status, ...((await response.json()) as { data?: Record<string, unknown> }) };
}

// The gateway signs with these keys, so this file can also hold a genuine hub token and call the partner directly.
const hubKeys = rotateSigningKeys();
const hubSigner = createHubTokenSigner({ keys: hubKeys });

let workDir: string;
let packed: PackedPackage[];
let project: PartnerProject;
let database: TestDatabase;
let partner: RunningPartner | undefined;
let hub: RegistryGateway;
let festivalsKey: string;

beforeAll(async () => {
  await ensureBuilt();
  workDir = mkdtempSync(path.join(tmpdir(), "agora-packed-kit-"));
  const tarballs = path.join(workDir, "tarballs");
  packed = await packKit(tarballs);
  [project, database, hub] = await Promise.all([
    createPartnerProject(path.join(workDir, "festivals"), packed, tarballs),
    createTestDatabase(),
    startRegistryGateway({ env: { AGORA_SIGNING_KEYS: JSON.stringify(hubKeys) } }),
  ]);
  // As a partner runs it: verifying the hub's tokens with the gateway's JWKS, for the name it is published under.
  partner = await project.start({
    DATABASE_URL: database.url,
    AGORA_JWKS_URL: new URL("/.well-known/jwks.json", hub.url).href,
    AGORA_TOKEN_AUDIENCE: "festivals",
  });
}, 150_000);

afterAll(async () => {
  await partner?.stop();
  await hub?.close();
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
    expect(sdl).toMatch(/type FestivalsFestival\s+@key\(fields: "id"\)/);
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
    expect(await post(partner!.url, `query($id: ID!) { festivalsFestival(id: $id) { id country name { text(lang: "en") textLanguage } } }`, { id })).toEqual({
      status: 200,
      data: { festivalsFestival: { id, country: "BE", name: { text: "The Nights", textLanguage: "fr" } } },
    });
    expect(await post(partner!.url, "{ festivalsFestivals(first: 5) { totalCount edges { node { id } } pageInfo { hasNextPage } } }")).toEqual({
      status: 200,
      data: { festivalsFestivals: { totalCount: 1, edges: [{ node: { id } }], pageInfo: { hasNextPage: false } } },
    });
    expect(
      await post(partner!.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on FestivalsFestival { country } } }`, {
        r: [{ __typename: "FestivalsFestival", id }],
      }),
    ).toEqual({
      status: 200,
      data: { _entities: [{ country: "BE" }] },
    });
  });

  it("passes its own tests, run by Node's test runner on the kit's harness", async () => {
    const { code, output } = await project.test({ DATABASE_URL: process.env.DATABASE_URL! });
    expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/pass 3\b[\s\S]*fail 0\b/) });
    for (const name of ["lists a festival for the festivals network", "refuses an anonymous viewer and another network", "names the field of a blank name"]) {
      expect(output).toMatch(new RegExp(`✔ ${name}`));
    }
  });

  it("refuses a direct call without the hub's token, with another subgraph's, or with a forged one (401)", async () => {
    const forgedKeys = rotateSigningKeys();
    // The hub's key id on another key: only the signature gives it away.
    forgedKeys.keys[0].kid = hubKeys.keys[0].kid;
    const forger = createHubTokenSigner({ keys: forgedKeys });
    const attempts = {
      missing: await post(partner!.url, "{ festivalsViewer { role } }", undefined, { signer: null }),
      "wrong-audience": await post(partner!.url, "{ festivalsViewer { role } }", undefined, { audience: "creative-tracks" }),
      "bad-signature": await post(partner!.url, "{ festivalsViewer { role } }", undefined, { signer: forger }),
    };
    for (const [reason, answer] of Object.entries(attempts)) {
      expect({ reason, status: answer.status, extensions: answer.errors?.[0].extensions, data: answer.data }).toEqual({
        reason,
        status: 401,
        extensions: expect.objectContaining({ code: "UNAUTHENTICATED", reason }),
        data: undefined,
      });
    }
  });

  it("is checked and published by its network through the hub's admin API", async () => {
    festivalsKey = await addNetwork(hub.url, "festivals");
    // No SDL is sent: the registry fetches it from the partner, with a token the partner verifies.
    const candidate = { name: "festivals", url: partner!.url };
    expect(await admin(hub.url, festivalsKey, "POST", "/subgraphs/check", candidate)).toEqual({ status: 200, body: { ok: true, problems: [] } });
    expect(await admin(hub.url, festivalsKey, "POST", "/subgraphs/publish", candidate)).toMatchObject({ status: 200, body: { ok: true, problems: [] } });
  });

  it("through the hub, gets the viewer from the token: anonymous writes are refused, the festivals network's key writes", async () => {
    const viewer = await waitFor(
      () => readAs(hub.url, festivalsKey, "{ festivalsViewer { role network } }"),
      (answer) => answer.body.data?.festivalsViewer != null,
    );
    expect(viewer.body).toEqual({ data: { festivalsViewer: { role: "network", network: "festivals" } } });
    const create = `mutation($input: FestivalsFestivalInput!) { festivalsCreateFestival(input: $input) { id country } }`;
    const input = { name: { originalLanguage: "de", translations: [{ lang: "de", value: "Sommernacht" }] }, country: "AT" };
    const anonymous = await postToGateway(hub.url, create, { input });
    // Refused by the partner itself, from the anonymous viewer in the hub's token.
    expect(anonymous.body.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", subgraph: "festivals" });
    expect(anonymous.body.data?.festivalsCreateFestival ?? null).toBeNull();
    const written = await postToGateway(hub.url, create, { input }, { authorization: `Bearer ${festivalsKey}` });
    expect(written.body.errors).toBeUndefined();
    const { id } = written.body.data!.festivalsCreateFestival as { id: string };
    expect((await postToGateway(hub.url, `{ festivalsFestival(id: "${id}") { country } }`)).body).toEqual({ data: { festivalsFestival: { country: "AT" } } });
  });
});
