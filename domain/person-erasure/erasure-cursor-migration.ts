import { defineMigration, type MigrationClass } from "@agora-hub/subgraph-kit";

/** Statements a subgraph's cursor migration runs besides the table, e.g. an index its erasure hook reads by. */
export interface ErasureCursorMigrationExtras {
  up: string[];
  /** Run before the table is dropped. */
  down: string[];
}

/**
 * The migration of a subgraph that follows the erasure feed (`erasure-follower.ts`): its table
 * `person_erasure_cursor`, one row holding where it stands in the feed. Named
 * `CreatePersonErasureCursor<timestamp>`, the name each subgraph first shipped it under.
 */
export function personErasureCursorMigration(timestamp: number, extras: ErasureCursorMigrationExtras = { up: [], down: [] }): MigrationClass {
  return defineMigration({
    name: "CreatePersonErasureCursor",
    timestamp,
    async up(runner) {
      await runner.query(`
        CREATE TABLE person_erasure_cursor (
          id boolean PRIMARY KEY DEFAULT true CHECK (id),
          after_cursor text NOT NULL,
          updated_at timestamptz(3) NOT NULL DEFAULT now()
        )`);
      for (const statement of extras.up) await runner.query(statement);
    },
    async down(runner) {
      for (const statement of extras.down) await runner.query(statement);
      await runner.query(`DROP TABLE person_erasure_cursor`);
    },
  });
}
