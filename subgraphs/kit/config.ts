import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** The repository root, found from this file whether it runs from source or from `dist/`. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
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
  NODE_ENV: z.string().default("development"),
};

/** The port variable of a subgraph, e.g. PEOPLE_PORT. */
export function portVariable(subgraphName: string): string {
  return `${subgraphName.toUpperCase()}_PORT`;
}

/** A TCP port from the environment (0 picks a free one). */
export const portSchema = port;
