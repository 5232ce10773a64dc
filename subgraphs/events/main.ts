import "../kit/observability/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "../kit";
import { eventsSubgraph } from "./events.subgraph";

runSubgraph(eventsSubgraph).catch((error: unknown) => {
  logger.fatal({ err: error }, "events subgraph failed to start");
  process.exit(1);
});
