import "../kit/observability/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "../kit";
import { organisationsSubgraph } from "./organisations.subgraph";

runSubgraph(organisationsSubgraph).catch((error: unknown) => {
  logger.fatal({ err: error }, "organisations subgraph failed to start");
  process.exit(1);
});
