import { searchMigration } from "@agora-hub/subgraph-kit";

/**
 * Full-text and typo-tolerant search over resources: `search_vector` (title A, summary B, body C; every
 * translation, accents folded) and `search_name` (all titles, for trigrams), kept by a trigger.
 */
export const AddResourceSearch1764000600020 = searchMigration({
  name: "AddResourceSearch",
  timestamp: 1764000600020,
  table: "resource",
  texts: [
    { column: "title", kind: "localized", weight: "A" },
    { column: "summary", kind: "localized", weight: "B" },
    { column: "body", kind: "localized", weight: "C" },
  ],
});
