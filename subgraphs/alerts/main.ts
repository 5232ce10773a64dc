import "@agora-hub/runtime/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "@agora-hub/subgraph-kit";
import { alertsSubgraph } from "./alerts.subgraph";
import { CORE_ROUTES } from "../core-routes";

runSubgraph(alertsSubgraph, { peerUrls: CORE_ROUTES }).catch((error: unknown) => {
  logger.fatal({ err: error }, "alerts subgraph failed to start");
  process.exit(1);
});
