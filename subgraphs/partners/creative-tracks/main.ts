import "reflect-metadata";
import { logger, runSubgraph } from "../../kit";
import { creativeTracksSubgraph } from "./creative-tracks.subgraph";

runSubgraph(creativeTracksSubgraph).catch((error: unknown) => {
  logger.fatal({ err: error }, "creative_tracks subgraph failed to start");
  process.exit(1);
});
