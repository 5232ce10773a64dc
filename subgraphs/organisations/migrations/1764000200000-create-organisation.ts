import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The organisation table, with indexes for the directory's filters. Timestamps keep millisecond
 * precision so that a `createdAt` cursor (a JavaScript date) names exactly the row it came from.
 */
export class CreateOrganisation1764000200000 implements MigrationInterface {
  name = "CreateOrganisation1764000200000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network text NOT NULL,
        source_id text,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        slug text NOT NULL,
        kind text NOT NULL,
        description jsonb,
        disciplines text[] NOT NULL DEFAULT '{}',
        services text[] NOT NULL DEFAULT '{}',
        country text NOT NULL,
        city text,
        website text,
        working_languages text[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX organisation_slug ON organisation (slug)`);
    await runner.query(`CREATE UNIQUE INDEX organisation_network_source_id ON organisation (network, source_id) WHERE source_id IS NOT NULL`);
    await runner.query(`CREATE INDEX organisation_name ON organisation (name, id)`);
    await runner.query(`CREATE INDEX organisation_created_at ON organisation (created_at, id)`);
    await runner.query(`CREATE INDEX organisation_country ON organisation (country)`);
    await runner.query(`CREATE INDEX organisation_kind ON organisation (kind)`);
    await runner.query(`CREATE INDEX organisation_disciplines ON organisation USING gin (disciplines)`);
    await runner.query(`CREATE INDEX organisation_services ON organisation USING gin (services)`);
    await runner.query(`CREATE INDEX organisation_working_languages ON organisation USING gin (working_languages)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE organisation`);
  }
}
