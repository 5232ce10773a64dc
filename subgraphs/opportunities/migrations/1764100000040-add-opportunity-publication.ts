import { publicationMigration } from "@agora-hub/subgraph-kit";

/** Puts opportunities under moderation: their publication state (existing ones stay PUBLISHED) and the publication history. */
export const AddOpportunityPublication1764100000040 = publicationMigration({
  name: "AddOpportunityPublication",
  timestamp: 1764100000040,
  tables: ["opportunity"],
});
