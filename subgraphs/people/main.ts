import "../kit/observability/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "../kit";
import { peopleSubgraph } from "./people.subgraph";

runSubgraph(peopleSubgraph).catch((error: unknown) => {
  logger.fatal({ err: error }, "people subgraph failed to start");
  process.exit(1);
});
