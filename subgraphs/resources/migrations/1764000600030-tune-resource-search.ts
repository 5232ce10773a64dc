import { searchPlanningMigration } from "@agora-hub/subgraph-kit";

/**
 * Keeps resource search fast at scale: the GIN indexes of `resource` with short pending lists, and word
 * similarity costed as it is, so searches are answered by the indexes (see `searchPlanningMigration`).
 */
export const TuneResourceSearch1764000600030 = searchPlanningMigration({
  name: "TuneResourceSearch",
  timestamp: 1764000600030,
  table: "resource",
});
