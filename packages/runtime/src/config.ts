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
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional(),
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
  AGORA_SIGNING_KEYS: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  /** `iss` of the hub's tokens, signed and checked: `agora-hub` unless set. */
  AGORA_TOKEN_ISSUER: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(1).max(256).default(DEFAULT_HUB_TOKEN_ISSUER)),
};

/** The port variable of a subgraph, e.g. PEOPLE_PORT. */
export function portVariable(subgraphName: string): string {
  return `${subgraphName.toUpperCase()}_PORT`;
}

/** A TCP port from the environment (0 picks a free one). */
export const portSchema = port;
