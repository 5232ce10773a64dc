import "@agora-hub/runtime/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "@agora-hub/subgraph-kit";
import { opportunitiesSubgraph } from "./opportunities.subgraph";
import { CORE_ROUTES } from "../core-routes";

runSubgraph(opportunitiesSubgraph, { peerUrls: CORE_ROUTES }).catch((error: unknown) => {
  logger.fatal({ err: error }, "opportunities subgraph failed to start");
  process.exit(1);
});
