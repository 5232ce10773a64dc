import { z } from "zod";
import { readEnv } from "@agora-hub/runtime";

/** How a subgraph reaches its peers, the core subgraphs that own what its records reference. */
export interface PeerSubgraphs {
  /** GraphQL URL of each core subgraph, by name. */
  urls: Readonly<Record<string, string>>;
  /** AGORA_SUBGRAPH_SECRET: every reference check is signed with it and the writer's viewer (unsigned without, as in development). */
  secret?: string;
  /** How long an owner may take to answer a reference check before the write is refused as unavailable. */
  timeoutMs: number;
}

const url = z.string().regex(/^https?:\/\//, "must be an http(s) URL");

/**
 * Where a subgraph finds the other core subgraphs, resolved once per process: SUBGRAPH_<NAME>_URL, else the
 * address the caller knows (`started`: the hub's actual ports), else the default routes it was given
 * (`defaults`: the hub's committed routing table), the same precedence as the gateway's. REFERENCE_CHECK_TIMEOUT_MS
 * bounds each check (default 2000, well inside the gateway's 5000 per subgraph request).
 */
export function resolvePeerSubgraphs(
  env: NodeJS.ProcessEnv,
  options: { started?: Record<string, string>; defaults?: Readonly<Record<string, string>>; secret?: string } = {},
): PeerSubgraphs {
  const names = [...new Set([...Object.keys(options.defaults ?? {}), ...Object.keys(options.started ?? {})])];
  const values = readEnv(
    {
      REFERENCE_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
      ...Object.fromEntries(names.map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, z.preprocess((value) => (value === "" ? undefined : value), url.optional())])),
    },
    env,
  ) as Record<string, unknown> & { REFERENCE_CHECK_TIMEOUT_MS: number };
  const urls = Object.fromEntries(
    names.map((name) => [name, (values[`SUBGRAPH_${name.toUpperCase()}_URL`] as string | undefined) ?? options.started?.[name] ?? options.defaults?.[name] ?? ""]).filter(([, value]) => value !== ""),
  );
  return { urls, secret: options.secret, timeoutMs: values.REFERENCE_CHECK_TIMEOUT_MS };
}
