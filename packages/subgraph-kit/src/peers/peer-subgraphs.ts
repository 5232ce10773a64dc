import { z } from "zod";
import { emptyAsUnset, type HubTokenSigner, readEnv, subgraphUrlVariable } from "@agora-hub/runtime";
import type { PeerTargets } from "./peer-client";

/**
 * How a core subgraph reaches its peers, the subgraphs it calls (reference checks, feeds, fan-out; `urls`),
 * signing each call with the hub's key set (`signer`, from AGORA_SIGNING_KEYS or the one-process hub), and
 * how long an owner may take to answer a reference check before the write is refused as unavailable (`timeoutMs`).
 */
export type PeerSubgraphs = PeerTargets;

const url = z.string().regex(/^https?:\/\//, "must be an http(s) URL");

/**
 * Where a subgraph finds its peers, resolved once per process. Each peer `name` in `peers` (the definition's
 * list) is at SUBGRAPH_<NAME>_URL when set, else at `known[name]`:
 * the URLs its process was given (the routing table's defaults, or the hub's actual ports). A declared peer
 * with neither stops the start, naming its variable. REFERENCE_CHECK_TIMEOUT_MS bounds each reference check
 * (default 2000, well inside the gateway's 5000 per subgraph request).
 */
export function resolvePeerSubgraphs(
  env: NodeJS.ProcessEnv,
  options: { peers?: readonly string[]; known?: Readonly<Record<string, string>>; signer?: HubTokenSigner; subgraph?: string } = {},
): PeerSubgraphs {
  const names = options.peers ?? [];
  const values = readEnv(
    {
      REFERENCE_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
      ...Object.fromEntries(names.map((name) => [subgraphUrlVariable(name), z.preprocess(emptyAsUnset, url.optional())])),
    },
    env,
  ) as Record<string, unknown> & { REFERENCE_CHECK_TIMEOUT_MS: number };
  const urls: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of names) {
    const found = (values[subgraphUrlVariable(name)] as string | undefined) ?? options.known?.[name];
    if (found) urls[name] = found;
    else
      missing.push(
        `  ${subgraphUrlVariable(name)}: required, as ${options.subgraph ? `the ${options.subgraph} subgraph` : "this subgraph"} calls the ${name} subgraph`,
      );
  }
  if (missing.length > 0) throw new Error(`Invalid configuration:\n${missing.join("\n")}`);
  return { urls, ...(options.signer ? { signer: options.signer } : {}), timeoutMs: values.REFERENCE_CHECK_TIMEOUT_MS };
}
