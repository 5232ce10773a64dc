import { searchPlanningMigration } from "@agora-hub/subgraph-kit";

/**
 * Keeps people search fast at scale: the GIN indexes of `person` with short pending lists, and word similarity
 * costed as it is, so searches are answered by the indexes (see `searchPlanningMigration`).
 */
export const TunePersonSearch1764000000030 = searchPlanningMigration({
  name: "TunePersonSearch",
  timestamp: 1764000000030,
  table: "person",
});
