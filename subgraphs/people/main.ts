import "@agora-hub/runtime/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "@agora-hub/subgraph-kit";
import { peopleSubgraph } from "./people.subgraph";
import { CORE_ROUTES } from "../core-routes";

runSubgraph(peopleSubgraph, { peerUrls: CORE_ROUTES }).catch((error: unknown) => {
  logger.fatal({ err: error }, "people subgraph failed to start");
  process.exit(1);
});
