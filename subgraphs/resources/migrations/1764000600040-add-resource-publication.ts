import { publicationMigration } from "@agora-hub/subgraph-kit";

/** Puts resources under moderation: their publication state and the publication history. */
export const AddResourcePublication1764000600040 = publicationMigration({ name: "AddResourcePublication", timestamp: 1764000600040, tables: ["resource"] });
