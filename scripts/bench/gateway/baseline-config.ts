import { readFileSync } from "node:fs";
import { z } from "zod";
import { ANONYMOUS, createHubTokenSigner, readEnv } from "@agora-hub/runtime";

/*
 * What a baseline gateway process of `npm run bench:gateway` reads from its environment, and the one way
 * every gateway signs a subgraph request: the hub's token for the subgraph (audience), the anonymous viewer
 * and the exact body sent — as gateway/subgraph-data-source.ts does.
 */

/** A baseline's settings: the supergraph SDL, its port, its signer and the subgraph name of each routing URL. */
export interface BaselineConfig {
  supergraphSdl: string;
  port: number;
  /** The hub token for one request to the subgraph at `url`, or null when the URL is not in the supergraph. */
  tokenFor: (url: string, body: string) => Promise<string | null>;
}

const JOIN_GRAPH = /@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g;

/** Reads BENCH_SUPERGRAPH_FILE, BENCH_PORT, AGORA_SIGNING_KEYS and AGORA_TOKEN_ISSUER; a bad value stops the process. */
export function readBaselineConfig(env: NodeJS.ProcessEnv = process.env): BaselineConfig {
  const values = readEnv(
    {
      BENCH_SUPERGRAPH_FILE: z.string().min(1),
      BENCH_PORT: z.coerce.number().int().min(1).max(65_535),
      AGORA_SIGNING_KEYS: z.string().min(1),
      AGORA_TOKEN_ISSUER: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
    },
    env,
  );
  const supergraphSdl = readFileSync(values.BENCH_SUPERGRAPH_FILE, "utf8");
  const signer = createHubTokenSigner({ keys: values.AGORA_SIGNING_KEYS, issuer: values.AGORA_TOKEN_ISSUER });
  const audiences = new Map([...supergraphSdl.matchAll(JOIN_GRAPH)].map(([, name, url]) => [url, name]));
  if (audiences.size === 0) throw new Error(`${values.BENCH_SUPERGRAPH_FILE} names no subgraph (@join__graph)`);
  return {
    supergraphSdl,
    port: values.BENCH_PORT,
    tokenFor: async (url, body) => {
      const audience = audiences.get(url);
      return audience ? signer.sign({ audience, viewer: ANONYMOUS, body }) : null;
    },
  };
}
