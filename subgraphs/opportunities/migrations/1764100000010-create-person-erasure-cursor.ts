import type { MigrationInterface, QueryRunner } from "typeorm";

/** Where this subgraph stands in the people subgraph's erasure feed (one row; see the kit's erasure-follower). */
export class CreatePersonErasureCursor1764100000010 implements MigrationInterface {
  name = "CreatePersonErasureCursor1764100000010";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE person_erasure_cursor (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        after_cursor text NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Erasure and export find a person's contact references by this index.
    await runner.query(`CREATE INDEX opportunity_contact_id ON opportunity (contact_id) WHERE contact_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX opportunity_contact_id`);
    await runner.query(`DROP TABLE person_erasure_cursor`);
  }
}
