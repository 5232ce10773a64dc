import "reflect-metadata";
import { logger, runSubgraph } from "@agora-hub/subgraph-kit";
import { festivalsSubgraph } from "./festivals.subgraph";

runSubgraph(festivalsSubgraph, { partner: true }).catch((error: unknown) => {
  logger.fatal({ err: error }, "festivals subgraph failed to start");
  process.exit(1);
});
