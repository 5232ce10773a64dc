import "../kit/observability/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "../kit";
import { opportunitiesSubgraph } from "./opportunities.subgraph";

runSubgraph(opportunitiesSubgraph).catch((error: unknown) => {
  logger.fatal({ err: error }, "opportunities subgraph failed to start");
  process.exit(1);
});
