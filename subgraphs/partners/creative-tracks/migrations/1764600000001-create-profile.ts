import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The profile table: at most one Creative Tracks profile per core Person (no foreign key across
 * subgraphs). Profiles are only read by person id, so the primary key is the only index.
 */
export class CreateProfile1764600000001 implements MigrationInterface {
  name = "CreateProfile1764600000001";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE profile (
        person_id uuid PRIMARY KEY,
        ambassador boolean NOT NULL DEFAULT false,
        followers_count integer NOT NULL DEFAULT 0,
        interests text[] NOT NULL DEFAULT '{}',
        looking_for text[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT profile_followers_count_not_negative CHECK (followers_count >= 0)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE profile`);
  }
}
