import { searchPlanningMigration } from "@agora-hub/subgraph-kit";

/**
 * Keeps organisation search fast at scale: the GIN indexes of `organisation` with short pending lists, and word similarity
 * costed as it is, so searches are answered by the indexes (see `searchPlanningMigration`).
 */
export const TuneOrganisationSearch1764000200030 = searchPlanningMigration({
  name: "TuneOrganisationSearch",
  timestamp: 1764000200030,
  table: "organisation",
});
