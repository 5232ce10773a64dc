import { z } from "zod";
import { type HubTokenSigner, readEnv } from "@agora-hub/runtime";
import type { PeerTargets } from "./peer-client";

/**
 * How a core subgraph reaches its peers, the core subgraphs that own what its records reference (`urls`),
 * signing each call with the hub's key set (`signer`, from AGORA_SIGNING_KEYS or the one-process hub), and
 * how long an owner may take to answer a reference check before the write is refused as unavailable (`timeoutMs`).
 */
export type PeerSubgraphs = PeerTargets;

const url = z.string().regex(/^https?:\/\//, "must be an http(s) URL");

/**
 * Where a subgraph finds the other core subgraphs, resolved once per process: SUBGRAPH_<NAME>_URL, else the
 * address the caller knows (`started`: the hub's actual ports), else the default routes it was given
 * (`defaults`: the hub's committed routing table), the same precedence as the gateway's. REFERENCE_CHECK_TIMEOUT_MS
 * bounds each check (default 2000, well inside the gateway's 5000 per subgraph request).
 */
export function resolvePeerSubgraphs(
  env: NodeJS.ProcessEnv,
  options: { started?: Record<string, string>; defaults?: Readonly<Record<string, string>>; signer?: HubTokenSigner } = {},
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
  return { urls, ...(options.signer ? { signer: options.signer } : {}), timeoutMs: values.REFERENCE_CHECK_TIMEOUT_MS };
}
