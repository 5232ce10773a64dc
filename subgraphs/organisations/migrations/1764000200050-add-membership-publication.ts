import { publicationMigration } from "@agora-hub/subgraph-kit";

/** Puts memberships under moderation: their publication state (existing ones stay PUBLISHED); the history table exists already. */
export const AddMembershipPublication1764000200050 = publicationMigration({
  name: "AddMembershipPublication",
  timestamp: 1764000200050,
  tables: ["membership"],
});
