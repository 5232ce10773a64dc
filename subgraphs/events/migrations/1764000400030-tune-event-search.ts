import { searchPlanningMigration } from "@agora-hub/subgraph-kit";

/**
 * Keeps event search fast at scale: the GIN indexes of `event` with short pending lists, and word similarity
 * costed as it is, so searches are answered by the indexes (see `searchPlanningMigration`).
 */
export const TuneEventSearch1764000400030 = searchPlanningMigration({
  name: "TuneEventSearch",
  timestamp: 1764000400030,
  table: "event",
});
