import "@agora-hub/runtime/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "@agora-hub/subgraph-kit";
import { resourcesSubgraph } from "./resources.subgraph";
import { CORE_ROUTES } from "../core-routes";

runSubgraph(resourcesSubgraph, { peerUrls: CORE_ROUTES }).catch((error: unknown) => {
  logger.fatal({ err: error }, "resources subgraph failed to start");
  process.exit(1);
});
