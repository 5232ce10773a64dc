import { personErasureCursorMigration } from "../../../domain/person-erasure/erasure-cursor-migration";

/** Where the alerts subgraph stands in the people subgraph's erasure feed (an erased member's saved searches go). */
export const CreatePersonErasureCursor1766100000010 = personErasureCursorMigration(1766100000010);
