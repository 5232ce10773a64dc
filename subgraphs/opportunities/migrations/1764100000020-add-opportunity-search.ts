import { searchMigration } from "@agora-hub/subgraph-kit";

/**
 * Full-text and typo-tolerant search over opportunities: `search_vector` (title A, summary B,
 * description C, city D; every translation, accents folded) and `search_name` (all titles, for trigrams),
 * kept by a trigger.
 */
export const AddOpportunitySearch1764100000020 = searchMigration({
  name: "AddOpportunitySearch",
  timestamp: 1764100000020,
  table: "opportunity",
  texts: [
    { column: "title", kind: "localized", weight: "A" },
    { column: "summary", kind: "localized", weight: "B" },
    { column: "description", kind: "localized", weight: "C" },
    { column: "city", kind: "optional-text", weight: "D" },
  ],
});
