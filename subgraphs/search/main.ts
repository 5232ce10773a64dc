import "../kit/observability/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "../kit";
import { searchSubgraph } from "./search.subgraph";

runSubgraph(searchSubgraph).catch((error: unknown) => {
  logger.fatal({ err: error }, "search subgraph failed to start");
  process.exit(1);
});
