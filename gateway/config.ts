import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import {
  hubPublicUrl,
  createHubTokenSigner,
  type HubTokenSigner,
  logger,
  portSchema,
  readEnv,
  repoRoot,
  rotateSigningKeys,
  sharedEnvShape,
  subgraphUrlOverrides,
} from "@agora-hub/runtime";
import { type OverloadConfig, readOverloadConfig } from "./protection/admission-control";
import { assertProductionSecrets } from "./protection/production-checks";
import { type ProtectionConfig, readProtectionConfig } from "./protection/protection-config";

/** Largest partner response the gateway reads (PARTNER_MAX_RESPONSE_BYTES unless set): 2 MiB. */
export const DEFAULT_PARTNER_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

/** Where the gateway's supergraph comes from. */
export type SupergraphSource =
  /** A composed supergraph file, re-read whenever it changes (static deployments). */
  | { kind: "file"; file: string }
  /** The partner registry in PostgreSQL: core subgraphs plus every published partner subgraph. */
  | { kind: "registry"; databaseUrl: string; pollIntervalMs: number };

/** The gateway's settings, read from the environment once. */
export interface GatewayConfig {
  host: string;
  port: number;
  production: boolean;
  supergraph: SupergraphSource;
  /** Routing URL overrides by subgraph name, from SUBGRAPH_<NAME>_URL. */
  subgraphUrls: Record<string, string>;
  /** How long a core subgraph may take to answer before its part of a query fails. */
  subgraphTimeoutMs: number;
  /** The operator's bearer token for the admin API; without it only network keys work. */
  adminToken?: string;
  /**
   * The hub's key set (AGORA_SIGNING_KEYS; required in production): signs the token of every subgraph request
   * and is published at /.well-known/jwks.json. Generated in memory for this run when unset outside production.
   */
  signer: HubTokenSigner;
  /**
   * AGORA_SIGNING_KEYS as given, or the key set generated for this run: what a cluster's primary hands its
   * workers, so every worker signs with and publishes the same keys.
   */
  signingKeys: string;
  /** GATEWAY_WORKERS: gateway processes sharing the port under `node:cluster` (gateway/cluster.ts); 1 runs no cluster. */
  workers: number;
  /** Partner subgraphs: timeout, response size cap, and whether loopback/private addresses are allowed. */
  partnerTimeoutMs: number;
  partnerMaxResponseBytes: number;
  allowPrivateSubgraphs: boolean;
  /** METRICS_TOKEN: when set, /metrics requires it as a bearer token. */
  metricsToken?: string;
  /** Operation limits, rate limits, body size and safelist (gateway/protection/). */
  protection: ProtectionConfig;
  /** Admission control, request deadline and per-subgraph bulkheads (gateway/protection/admission-control.ts). */
  overload: OverloadConfig;
  /**
   * The response cache (gateway/response-cache/): size bound of the stored anonymous answers (0 = none stored),
   * the longest one is kept, and whether identical reads in flight are merged.
   */
  responseCache: { maxBytes: number; ttlMs: number; mergeInFlight: boolean };
  /** The hub's public base URL (AGORA_PUBLIC_URL, else this port on localhost): the directory's canonical links. */
  publicUrl: string;
}

/**
 * Reads the gateway configuration; a bad value stops the process with a clear message. Also turns off
 * @apollo/gateway's anonymous usage reporting to Apollo (read when the gateway is built) unless an operator opted in.
 */
export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  process.env.APOLLO_TELEMETRY_DISABLED ??= "1";
  assertProductionSecrets(env);
  const values = readEnv(
    {
      HOST: sharedEnvShape.HOST,
      NODE_ENV: sharedEnvShape.NODE_ENV,
      DATABASE_URL: sharedEnvShape.DATABASE_URL,
      GATEWAY_PORT: portSchema.default(4000),
      AGORA_SUPERGRAPH_FILE: z.string().optional(),
      REGISTRY_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
      SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
      PARTNER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
      PARTNER_MAX_RESPONSE_BYTES: z.coerce
        .number()
        .int()
        .min(1024)
        .max(100 * 1024 * 1024)
        .default(DEFAULT_PARTNER_MAX_RESPONSE_BYTES),
      // Empty counts as unset, as docker-compose passes `${AGORA_ADMIN_TOKEN:-}`.
      AGORA_ADMIN_TOKEN: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(24, "must be at least 24 characters").optional()),
      AGORA_ALLOW_PRIVATE_SUBGRAPHS: z.enum(["0", "1"]).default("0"),
      METRICS_TOKEN: sharedEnvShape.METRICS_TOKEN,
      AGORA_SIGNING_KEYS: sharedEnvShape.AGORA_SIGNING_KEYS,
      AGORA_TOKEN_ISSUER: sharedEnvShape.AGORA_TOKEN_ISSUER,
      RESPONSE_CACHE_MAX_MB: z.coerce.number().int().min(0).max(16_384).default(64),
      RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
      MERGE_INFLIGHT_REQUESTS: z.enum(["0", "1"]).default("1"),
      GATEWAY_WORKERS: z.coerce.number().int().min(1).max(256).default(availableParallelism()),
    },
    env,
  );
  const subgraphUrls = subgraphUrlOverrides(env);
  const supergraph: SupergraphSource =
    values.AGORA_SUPERGRAPH_FILE || !values.DATABASE_URL
      ? { kind: "file", file: path.resolve(values.AGORA_SUPERGRAPH_FILE ?? path.join(repoRoot(), "schema", "supergraph.graphql")) }
      : { kind: "registry", databaseUrl: values.DATABASE_URL, pollIntervalMs: values.REGISTRY_POLL_MS };
  return {
    host: values.HOST,
    port: values.GATEWAY_PORT,
    production: values.NODE_ENV === "production",
    supergraph,
    subgraphUrls,
    subgraphTimeoutMs: values.SUBGRAPH_TIMEOUT_MS,
    adminToken: values.AGORA_ADMIN_TOKEN,
    ...readSigner(values.AGORA_SIGNING_KEYS, values.AGORA_TOKEN_ISSUER),
    workers: values.GATEWAY_WORKERS,
    partnerTimeoutMs: values.PARTNER_TIMEOUT_MS,
    partnerMaxResponseBytes: values.PARTNER_MAX_RESPONSE_BYTES,
    allowPrivateSubgraphs: values.AGORA_ALLOW_PRIVATE_SUBGRAPHS === "1",
    metricsToken: values.METRICS_TOKEN,
    protection: readProtectionConfig(env),
    overload: readOverloadConfig(env),
    responseCache: {
      maxBytes: values.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
      ttlMs: values.RESPONSE_CACHE_TTL_SECONDS * 1000,
      mergeInFlight: values.MERGE_INFLIGHT_REQUESTS === "1",
    },
    publicUrl: hubPublicUrl({ ...env, GATEWAY_PORT: String(values.GATEWAY_PORT) }),
  };
}

/**
 * The hub's signer from AGORA_SIGNING_KEYS, or (outside production, where `assertProductionSecrets` already
 * refused its absence) a key generated for this run. Kept in memory, not written under AGORA_DATA_DIR: no
 * private key is left on disk, parallel test hubs share nothing, and a subgraph verifying with the JWKS URL
 * fetches the new key on its own when it meets the unknown kid after a restart.
 */
function readSigner(keys: string | undefined, issuer: string): { signer: HubTokenSigner; signingKeys: string } {
  if (keys) return { signer: createHubTokenSigner({ keys, issuer }), signingKeys: keys };
  const generated = rotateSigningKeys();
  const signer = createHubTokenSigner({ keys: generated, issuer });
  logger.info({ kid: signer.signingKid }, "AGORA_SIGNING_KEYS is not set: signing subgraph requests with a key generated for this run");
  return { signer, signingKeys: JSON.stringify(generated) };
}
