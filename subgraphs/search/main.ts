import "@agora-hub/runtime/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "@agora-hub/subgraph-kit";
import { searchSubgraph } from "./search.subgraph";
import { CORE_ROUTES } from "../core-routes";

runSubgraph(searchSubgraph, { peerUrls: CORE_ROUTES }).catch((error: unknown) => {
  logger.fatal({ err: error }, "search subgraph failed to start");
  process.exit(1);
});
