import "reflect-metadata";
import { logger, seedSubgraph } from "@agora-hub/subgraph-kit";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { creativeTracksSubgraph } from "./creative-tracks.subgraph";

// Seeds the Creative Tracks demo into its own schema (`creative_tracks`) of DATABASE_URL, or of the embedded
// PostgreSQL under AGORA_DATA_DIR; a schema with records is left alone.
seedSubgraph(creativeTracksSubgraph, DEMO_SIZES).catch((error: unknown) => {
  logger.fatal({ err: error }, "creative_tracks seed failed");
  process.exit(1);
});
