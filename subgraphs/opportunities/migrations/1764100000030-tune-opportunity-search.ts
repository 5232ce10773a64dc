import { searchPlanningMigration } from "@agora-hub/subgraph-kit";

/**
 * Keeps opportunity search fast at scale: the GIN indexes of `opportunity` with short pending lists, and word similarity
 * costed as it is, so searches are answered by the indexes (see `searchPlanningMigration`).
 */
export const TuneOpportunitySearch1764100000030 = searchPlanningMigration({
  name: "TuneOpportunitySearch",
  timestamp: 1764100000030,
  table: "opportunity",
});
