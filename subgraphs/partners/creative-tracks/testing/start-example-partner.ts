import { type SeedSizes, startSubgraph, type StartedSubgraph } from "@agora-hub/subgraph-kit";
import { creativeTracksSubgraph } from "../creative-tracks.subgraph";

/**
 * The example partner as a partner runs it, for tests and benchmarks: on a free port of 127.0.0.1, verifying the
 * hub's tokens with the gateway's JWKS for the name it is published under (`creative-tracks`), seeded with `seed`.
 */
export async function startExamplePartner(options: { databaseUrl: string; gatewayUrl: string; seed: SeedSizes }): Promise<StartedSubgraph> {
  const partner = await startSubgraph(creativeTracksSubgraph, {
    databaseUrl: options.databaseUrl,
    port: 0,
    host: "127.0.0.1",
    poolSize: 2,
    production: false,
    partner: true,
    hubKeys: { jwksUrl: new URL("/.well-known/jwks.json", options.gatewayUrl).href },
    audience: "creative-tracks",
  });
  try {
    await creativeTracksSubgraph.seed!(partner.dataSource, options.seed);
  } catch (error) {
    await partner.stop();
    throw error;
  }
  return partner;
}
