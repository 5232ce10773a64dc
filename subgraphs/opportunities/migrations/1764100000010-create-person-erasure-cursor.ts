import { personErasureCursorMigration } from "../../../domain/person-erasure/erasure-cursor-migration";

/** Where this subgraph stands in the people subgraph's erasure feed. */
export const CreatePersonErasureCursor1764100000010 = personErasureCursorMigration(1764100000010, {
  // Erasure and export find a person's contact references by this index.
  up: [`CREATE INDEX opportunity_contact_id ON opportunity (contact_id) WHERE contact_id IS NOT NULL`],
  down: [`DROP INDEX opportunity_contact_id`],
});
