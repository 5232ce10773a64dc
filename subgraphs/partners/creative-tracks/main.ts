import "reflect-metadata";
import { logger, runSubgraph } from "@agora-hub/subgraph-kit";
import { creativeTracksSubgraph } from "./creative-tracks.subgraph";

// A partner subgraph: the hub calls it without signatures, so it needs no AGORA_SUBGRAPH_SECRET.
runSubgraph(creativeTracksSubgraph, { partner: true }).catch((error: unknown) => {
  logger.fatal({ err: error }, "creative_tracks subgraph failed to start");
  process.exit(1);
});
