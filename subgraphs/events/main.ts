import "@agora-hub/runtime/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "@agora-hub/subgraph-kit";
import { eventsSubgraph } from "./events.subgraph";
import { CORE_ROUTES } from "../core-routes";

runSubgraph(eventsSubgraph, { peerUrls: CORE_ROUTES }).catch((error: unknown) => {
  logger.fatal({ err: error }, "events subgraph failed to start");
  process.exit(1);
});
