import { publicationMigration } from "@agora-hub/subgraph-kit";

/** Puts people under moderation: their publication state (existing ones stay PUBLISHED) and the publication history. */
export const AddPersonPublication1764000000040 = publicationMigration({ name: "AddPersonPublication", timestamp: 1764000000040, tables: ["person"] });
