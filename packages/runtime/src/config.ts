import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_HUB_TOKEN_ISSUER } from "./identity/hub-token";

/**
 * The root of the project this runs in (the folder holding its `package-lock.json`), found from this file
 * whether it runs from source, from `dist/` or installed under `node_modules/`; the working folder if none.
 */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package-lock.json"))) {
    if (path.dirname(dir) === dir) return process.cwd();
    dir = path.dirname(dir);
  }
  return dir;
}

const port = z.coerce.number().int().min(0).max(65535);

/** Empty counts as unset: docker-compose passes `${NAME:-}` for variables the operator left out. */
export const emptyAsUnset = (value: unknown): unknown => (value === "" ? undefined : value);

/** Reads and validates environment variables once; a bad value stops the process with a clear message. */
export function readEnv<T extends z.ZodRawShape>(shape: T, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<T>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return result.data;
}

/** Settings shared by every hub process. */
export const sharedEnvShape = {
  /** PostgreSQL server; when unset an embedded server is started with data under AGORA_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  AGORA_DATA_DIR: z.string().default(path.join(repoRoot(), ".data")),
  /** Address the servers bind to; 0.0.0.0 in containers. */
  HOST: z.string().default("127.0.0.1"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Longest a SQL statement, or an idle open transaction, may last (0 = no limit). Migrations are exempt. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** Longest wait for a new database connection before the request fails as "database unavailable". */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  NODE_ENV: z.string().default("development"),
  /**
   * The hub's private key set (a JWKS; the first key signs, a second one is the previous key during a rotation),
   * held by the gateway and the core subgraphs, the hub's own trust domain; never by a partner. Validated where it
   * is used (`createHubTokenSigner`); empty counts as unset (docker-compose passes `${AGORA_SIGNING_KEYS:-}`).
   */
  /** When set, /metrics of every process requires it as a bearer token. */
  METRICS_TOKEN: z.preprocess(emptyAsUnset, z.string().min(16, "must be at least 16 characters").optional()),
  AGORA_SIGNING_KEYS: z.preprocess(emptyAsUnset, z.string().optional()),
  /** `iss` of the hub's tokens, signed and checked: `agora-hub` unless set. */
  AGORA_TOKEN_ISSUER: z.preprocess(emptyAsUnset, z.string().min(1).max(256).default(DEFAULT_HUB_TOKEN_ISSUER)),
};

/** The port variable of a subgraph, e.g. PEOPLE_PORT. */
export function portVariable(subgraphName: string): string {
  return `${subgraphName.toUpperCase()}_PORT`;
}

/** A TCP port from the environment (0 picks a free one). */
export const portSchema = port;

/** The gateway's port when GATEWAY_PORT is not set. */
export const DEFAULT_GATEWAY_PORT = 4000;

/** Where a subgraph listening on `port` on this machine serves GraphQL: the one spelling of a default route. */
export function localSubgraphUrl(port: number): string {
  return `http://localhost:${port}/graphql`;
}

/** The variable that says where the subgraph `name` is, e.g. SUBGRAPH_PEOPLE_URL: the gateway routes there, and subgraphs calling it go there. */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_${name.toUpperCase()}_URL`;
}

const SUBGRAPH_URL_VARIABLE = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;

/** Every non-empty SUBGRAPH_<NAME>_URL in `env`, by subgraph name; one that is not an http(s) URL stops the start, named. */
export function subgraphUrlOverrides(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [variable, value] of Object.entries(env)) {
    const match = SUBGRAPH_URL_VARIABLE.exec(variable);
    if (!match || !value) continue;
    if (!/^https?:\/\//.test(value)) throw new Error(`Invalid configuration:\n  ${variable}: must be an http(s) URL`);
    urls[match[1].toLowerCase()] = value;
  }
  return urls;
}

/** GATEWAY_PORT and AGORA_PUBLIC_URL, read alike by every process that links to the hub (see `hubPublicUrl`). */
export const publicUrlEnvShape = {
  GATEWAY_PORT: portSchema.default(DEFAULT_GATEWAY_PORT),
  AGORA_PUBLIC_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^https?:\/\/[^/?#]+(\/[^?#]*)?$/, "must be an http(s) URL without query or fragment")
      .optional(),
  ),
};

/**
 * The hub's public base URL, without a trailing slash: AGORA_PUBLIC_URL when set, else the gateway on this
 * machine at GATEWAY_PORT (`http://localhost:4000` by default; port 0, a free port picked at start, counts as 4000).
 * The base of JSON-LD `@id`s, calendar UIDs and the CLI's default gateway.
 */
export function hubPublicUrl(env: NodeJS.ProcessEnv): string {
  const values = readEnv(publicUrlEnvShape, env);
  return (values.AGORA_PUBLIC_URL ?? `http://localhost:${values.GATEWAY_PORT || DEFAULT_GATEWAY_PORT}`).replace(/\/+$/, "");
}
