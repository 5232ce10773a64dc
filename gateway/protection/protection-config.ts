import { z } from "zod";
import { readEnv } from "@agora-hub/runtime";

/** Limits on one GraphQL operation. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
  /** Lexer tokens of the document, counted before it is parsed. */
  maxTokens: number;
  /** Nested product of page sizes (see query-cost.ts). */
  maxCost: number;
  /** Selections after expanding fragments (fragment bombs); Apollo Server's own rule. */
  maxRecursiveSelections: number;
  /** Largest `first` a client may ask for; the subgraphs cap page size at the same value. */
  maxPageSize: number;
  /** The `first` a connection uses when the client gives none (the subgraphs' default). */
  defaultPageSize: number;
}

/** The gateway's request protections, read from the environment. */
export interface ProtectionConfig {
  limits: OperationLimits;
  /** Largest request body in bytes. */
  maxBodyBytes: number;
  /** Requests per minute per client IP and per API key; 0 turns that limit off. */
  rateLimitPerMinuteIp: number;
  rateLimitPerMinuteKey: number;
  /** Redis shared by every replica for rate limits; in memory (per process) when unset. */
  redisUrl?: string;
  /** JSON file of the only operations this gateway runs (safelist mode); every operation when unset. */
  safelistFile?: string;
  /** Express `trust proxy` setting (true, a hop count, or addresses such as "loopback"), so the client IP comes from X-Forwarded-For behind a proxy. */
  trustProxy?: boolean | number | string;
}

const count = (fallback: number) => z.coerce.number().int().min(1).max(10_000_000).default(fallback);
const optional = z.preprocess((value) => (value === "" ? undefined : value), z.string().optional());

function trustProxySetting(value: string | undefined): boolean | number | string | undefined {
  if (value === undefined || value === "false") return undefined;
  if (value === "true") return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Reads the protection settings; a bad value stops the process with a clear message. */
export function readProtectionConfig(env: NodeJS.ProcessEnv = process.env): ProtectionConfig {
  const values = readEnv(
    {
      MAX_DEPTH: count(12),
      MAX_ALIASES: count(30),
      MAX_ROOT_FIELDS: count(10),
      MAX_DIRECTIVES: count(20),
      MAX_TOKENS: count(3000),
      MAX_COST: count(50_000),
      MAX_RECURSIVE_SELECTIONS: count(2000),
      MAX_BODY_BYTES: count(1024 * 1024),
      RATE_LIMIT_PER_MINUTE_IP: z.coerce.number().int().min(0).default(600),
      RATE_LIMIT_PER_MINUTE_KEY: z.coerce.number().int().min(0).default(3000),
      REDIS_URL: z.preprocess(
        (value) => (value === "" ? undefined : value),
        z
          .string()
          .regex(/^rediss?:\/\//, "must be a redis:// URL")
          .optional(),
      ),
      AGORA_SAFELIST_FILE: optional,
      TRUST_PROXY: optional,
    },
    env,
  );
  return {
    limits: {
      maxDepth: values.MAX_DEPTH,
      maxAliases: values.MAX_ALIASES,
      maxRootFields: values.MAX_ROOT_FIELDS,
      maxDirectives: values.MAX_DIRECTIVES,
      maxTokens: values.MAX_TOKENS,
      maxCost: values.MAX_COST,
      maxRecursiveSelections: values.MAX_RECURSIVE_SELECTIONS,
      maxPageSize: 100,
      defaultPageSize: 20,
    },
    maxBodyBytes: values.MAX_BODY_BYTES,
    rateLimitPerMinuteIp: values.RATE_LIMIT_PER_MINUTE_IP,
    rateLimitPerMinuteKey: values.RATE_LIMIT_PER_MINUTE_KEY,
    redisUrl: values.REDIS_URL,
    safelistFile: values.AGORA_SAFELIST_FILE,
    trustProxy: trustProxySetting(values.TRUST_PROXY),
  };
}
