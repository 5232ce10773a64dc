import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The lab table. Authors and host organisations live in the core subgraphs, so their ids are kept
 * without a foreign key. CHECK constraints repeat the service's rules so no writer can break them.
 */
export class CreateLab1764600000000 implements MigrationInterface {
  name = "CreateLab1764600000000";

  async up(runner: QueryRunner): Promise<void> {
    // Timestamps keep milliseconds only, like JavaScript dates: a cursor carries the created_at of its
    // row and must compare equal to it, or labs created within the same millisecond would be skipped.
    await runner.query(`
      CREATE TABLE lab (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network text NOT NULL,
        source_id text,
        title jsonb NOT NULL,
        description jsonb NOT NULL,
        link text,
        disciplines text[] NOT NULL DEFAULT '{}',
        looking_for text[] NOT NULL DEFAULT '{}',
        countries_sought text[] NOT NULL DEFAULT '{}',
        expires_at timestamptz,
        author_id uuid NOT NULL,
        host_organisation_id uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT lab_disciplines_count CHECK (cardinality(disciplines) BETWEEN 1 AND 10),
        CONSTRAINT lab_looking_for_count CHECK (cardinality(looking_for) >= 1),
        CONSTRAINT lab_countries_sought_count CHECK (cardinality(countries_sought) <= 20),
        CONSTRAINT lab_expires_after_creation CHECK (expires_at IS NULL OR expires_at > created_at)
      )`);
    await runner.query(`CREATE UNIQUE INDEX lab_network_source_id ON lab (network, source_id) WHERE source_id IS NOT NULL`);
    await runner.query(`CREATE INDEX lab_created_at ON lab (created_at, id)`);
    await runner.query(`CREATE INDEX lab_host_organisation ON lab (host_organisation_id, created_at, id) WHERE host_organisation_id IS NOT NULL`);
    await runner.query(`CREATE INDEX lab_author ON lab (author_id)`);
    await runner.query(`CREATE INDEX lab_expires_at ON lab (expires_at)`);
    await runner.query(`CREATE INDEX lab_disciplines ON lab USING gin (disciplines)`);
    await runner.query(`CREATE INDEX lab_looking_for ON lab USING gin (looking_for)`);
    await runner.query(`CREATE INDEX lab_countries_sought ON lab USING gin (countries_sought)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE lab`);
  }
}
