import type { MigrationInterface, QueryRunner } from "typeorm";

/** Where this subgraph stands in the people subgraph's erasure feed (one row; see the kit's erasure-follower). */
export class CreatePersonErasureCursor1764000400010 implements MigrationInterface {
  name = "CreatePersonErasureCursor1764000400010";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE person_erasure_cursor (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        after_cursor text NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE person_erasure_cursor`);
  }
}
