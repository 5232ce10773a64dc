import { searchMigration } from "@agora-hub/subgraph-kit";

/**
 * Full-text and typo-tolerant search over organisations: `search_vector` (name A, description C, city D;
 * every translation, accents folded) and `search_name` (for trigrams), kept by a trigger.
 */
export const AddOrganisationSearch1764000200020 = searchMigration({
  name: "AddOrganisationSearch",
  timestamp: 1764000200020,
  table: "organisation",
  texts: [
    { column: "name", kind: "text", weight: "A" },
    { column: "description", kind: "localized", weight: "C" },
    { column: "city", kind: "optional-text", weight: "D" },
  ],
});
