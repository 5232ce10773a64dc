import "reflect-metadata";
import { logger, runSubgraph } from "@agora-hub/subgraph-kit";
import { creativeTracksSubgraph } from "./creative-tracks.subgraph";

// A partner subgraph: it verifies the hub's token on every request with the hub's public keys (AGORA_JWKS_URL)
// for its registered name (AGORA_TOKEN_AUDIENCE), and never holds the hub's signing keys.
runSubgraph(creativeTracksSubgraph, { partner: true }).catch((error: unknown) => {
  logger.fatal({ err: error }, "creative_tracks subgraph failed to start");
  process.exit(1);
});
