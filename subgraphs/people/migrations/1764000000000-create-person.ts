import type { MigrationInterface, QueryRunner } from "typeorm";

/** The person table, with indexes for the directory's filters. */
export class CreatePerson1764000000000 implements MigrationInterface {
  name = "CreatePerson1764000000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network text NOT NULL,
        source_id text,
        display_name text NOT NULL,
        headline jsonb,
        bio jsonb,
        disciplines text[] NOT NULL DEFAULT '{}',
        skills text[] NOT NULL DEFAULT '{}',
        spoken_languages text[] NOT NULL DEFAULT '{}',
        country text,
        city text,
        website text,
        social_links jsonb NOT NULL DEFAULT '[]',
        open_to text[] NOT NULL DEFAULT '{}',
        career_stage text,
        contact_email text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX person_network_source_id ON person (network, source_id) WHERE source_id IS NOT NULL`);
    await runner.query(`CREATE INDEX person_display_name ON person (display_name, id)`);
    await runner.query(`CREATE INDEX person_created_at ON person (created_at, id)`);
    await runner.query(`CREATE INDEX person_country ON person (country)`);
    await runner.query(`CREATE INDEX person_disciplines ON person USING gin (disciplines)`);
    await runner.query(`CREATE INDEX person_spoken_languages ON person USING gin (spoken_languages)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE person`);
  }
}
