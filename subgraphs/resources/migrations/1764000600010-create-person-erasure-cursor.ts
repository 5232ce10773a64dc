import { personErasureCursorMigration } from "../../../domain/person-erasure/erasure-cursor-migration";

/** Where this subgraph stands in the people subgraph's erasure feed. */
export const CreatePersonErasureCursor1764000600010 = personErasureCursorMigration(1764000600010);
