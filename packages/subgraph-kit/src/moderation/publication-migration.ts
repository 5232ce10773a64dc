import { defineMigration, type MigrationClass } from "../data/migration";
import { PublicationState } from "./publication-state";

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const STATES = Object.values(PublicationState)
  .map((state) => `'${state}'`)
  .join(", ");

/**
 * The migration that puts a subgraph's records under moderation: the `ModeratedRecord` columns on each of
 * `tables` (existing rows stay PUBLISHED), an index for review queues (every state but PUBLISHED), and the
 * subgraph's `publication_decision` history table. Shipped once per subgraph under its own name and timestamp.
 */
export function publicationMigration(options: { name: string; timestamp: number; tables: string[] }): MigrationClass {
  for (const table of options.tables) if (!IDENTIFIER.test(table)) throw new Error(`publicationMigration: ${table} is not a lower-case table name`);
  return defineMigration({
    name: options.name,
    timestamp: options.timestamp,
    up: async (runner) => {
      for (const table of options.tables) {
        await runner.query(
          `ALTER TABLE ${table}
             ADD COLUMN publication_state text NOT NULL DEFAULT '${PublicationState.PUBLISHED}' CHECK (publication_state IN (${STATES})),
             ADD COLUMN rejection_reason text,
             ADD COLUMN publication_changed_at timestamptz NOT NULL DEFAULT now()`,
        );
        await runner.query(
          `CREATE INDEX ${table}_unpublished ON ${table} (publication_state, network, publication_changed_at) WHERE publication_state <> '${PublicationState.PUBLISHED}'`,
        );
      }
      await runner.query(
        `CREATE TABLE IF NOT EXISTS publication_decision (
           id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
           record_type text NOT NULL,
           record_id uuid NOT NULL,
           network text NOT NULL,
           change text NOT NULL,
           from_state text,
           to_state text NOT NULL,
           reason text,
           actor_kind text NOT NULL,
           actor text,
           decided_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      await runner.query(`CREATE INDEX IF NOT EXISTS publication_decision_record ON publication_decision (record_id, decided_at)`);
    },
    down: async (runner) => {
      // The history table is the subgraph's, shared by every moderated table of it: drop only these tables'
      // decisions, and the table itself once no other migration's records have any.
      for (const table of options.tables) await runner.query(`DELETE FROM publication_decision WHERE record_id IN (SELECT id FROM ${table})`);
      const [{ remaining }] = (await runner.query(`SELECT EXISTS (SELECT 1 FROM publication_decision) AS remaining`)) as Array<{ remaining: boolean }>;
      if (!remaining) await runner.query(`DROP TABLE publication_decision`);
      for (const table of options.tables) {
        await runner.query(`ALTER TABLE ${table} DROP COLUMN publication_state, DROP COLUMN rejection_reason, DROP COLUMN publication_changed_at`);
      }
    },
  });
}
