import path from "node:path";
import { z } from "zod";
import { portSchema, readEnv, repoRoot, sharedEnvShape } from "../subgraphs/kit/config";

// Off unless an operator opts in: @apollo/gateway otherwise reports anonymous usage to Apollo.
process.env.APOLLO_TELEMETRY_DISABLED ??= "1";

/** The gateway's settings, read from the environment once. */
export interface GatewayConfig {
  host: string;
  port: number;
  production: boolean;
  /** The composed supergraph the gateway serves; re-read whenever the file changes. */
  supergraphFile: string;
  /** Routing URL overrides by subgraph name, from SUBGRAPH_<NAME>_URL. */
  subgraphUrls: Record<string, string>;
  /** How long a subgraph may take to answer before its part of a query fails. */
  subgraphTimeoutMs: number;
}

const SUBGRAPH_URL_VARIABLE = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;

/** Reads the gateway configuration; a bad value stops the process with a clear message. */
export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const values = readEnv(
    {
      HOST: sharedEnvShape.HOST,
      NODE_ENV: sharedEnvShape.NODE_ENV,
      GATEWAY_PORT: portSchema.default(4000),
      AGORA_SUPERGRAPH_FILE: z.string().default(path.join(repoRoot(), "schema", "supergraph.graphql")),
      SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    },
    env,
  );
  const subgraphUrls: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const match = SUBGRAPH_URL_VARIABLE.exec(name);
    if (!match || !value) continue;
    if (!/^https?:\/\//.test(value)) throw new Error(`Invalid configuration:\n  ${name}: must be an http(s) URL`);
    subgraphUrls[match[1].toLowerCase()] = value;
  }
  return {
    host: values.HOST,
    port: values.GATEWAY_PORT,
    production: values.NODE_ENV === "production",
    supergraphFile: path.resolve(values.AGORA_SUPERGRAPH_FILE),
    subgraphUrls,
    subgraphTimeoutMs: values.SUBGRAPH_TIMEOUT_MS,
  };
}
