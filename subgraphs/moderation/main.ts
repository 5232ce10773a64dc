import "@agora-hub/runtime/tracing-preload";
import "reflect-metadata";
import { logger, runSubgraph } from "@agora-hub/subgraph-kit";
import { moderationSubgraph } from "./moderation.subgraph";
import { CORE_ROUTES } from "../core-routes";

runSubgraph(moderationSubgraph, { peerUrls: CORE_ROUTES }).catch((error: unknown) => {
  logger.fatal({ err: error }, "moderation subgraph failed to start");
  process.exit(1);
});
