import { publicationMigration } from "@agora-hub/subgraph-kit";

/** Puts events under moderation: their publication state (existing events stay PUBLISHED) and the publication history. */
export const AddEventPublication1764000400040 = publicationMigration({ name: "AddEventPublication", timestamp: 1764000400040, tables: ["event"] });
