import { searchMigration } from "@agora-hub/subgraph-kit";

/**
 * Full-text and typo-tolerant search over events: `search_vector` (title A, venue name B, description C,
 * venue city D; every translation, accents folded) and `search_name` (all titles, for trigrams), kept by
 * a trigger.
 */
export const AddEventSearch1764000400020 = searchMigration({
  name: "AddEventSearch",
  timestamp: 1764000400020,
  table: "event",
  texts: [
    { column: "title", kind: "localized", weight: "A" },
    { column: "description", kind: "localized", weight: "C" },
    { column: "venue_name", kind: "optional-text", weight: "B" },
    { column: "venue_city", kind: "optional-text", weight: "D" },
  ],
});
