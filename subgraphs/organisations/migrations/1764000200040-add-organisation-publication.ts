import { publicationMigration } from "@agora-hub/subgraph-kit";

/** Puts organisations under moderation: their publication state (existing ones stay PUBLISHED) and the publication history. */
export const AddOrganisationPublication1764000200040 = publicationMigration({
  name: "AddOrganisationPublication",
  timestamp: 1764000200040,
  tables: ["organisation"],
});
