import { searchMigration } from "@agora-hub/subgraph-kit";

/**
 * Full-text and typo-tolerant search over people: `search_vector` (name A, headline B, bio C, skills and
 * city D; every translation, accents folded) and `search_name` (for trigrams), kept by a trigger.
 */
export const AddPersonSearch1764000000020 = searchMigration({
  name: "AddPersonSearch",
  timestamp: 1764000000020,
  table: "person",
  texts: [
    { column: "display_name", kind: "text", weight: "A" },
    { column: "headline", kind: "localized", weight: "B" },
    { column: "bio", kind: "localized", weight: "C" },
    { sql: "concat_ws(' ', array_to_string(NEW.skills, ' '), NEW.city)", columns: ["skills", "city"], weight: "D" },
  ],
});
