import "@agora-hub/runtime/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "@agora-hub/subgraph-kit";
import { organisationsSubgraph } from "./organisations.subgraph";
import { CORE_ROUTES } from "../core-routes";

runSubgraph(organisationsSubgraph, { peerUrls: CORE_ROUTES }).catch((error: unknown) => {
  logger.fatal({ err: error }, "organisations subgraph failed to start");
  process.exit(1);
});
