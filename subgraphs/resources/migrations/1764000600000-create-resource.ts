import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The resource table and its join tables to people, organisations, opportunities and events. Those live in
 * other subgraphs, so the join tables hold their ids without a foreign key; rows go with their resource.
 * `publication_instant` (the publication date's UTC midnight) is generated, so lists ordered by publication
 * date page on a timestamp. Timestamps have millisecond precision, the precision of a cursor.
 */
export class CreateResource1764000600000 implements MigrationInterface {
  name = "CreateResource1764000600000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE resource (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network text NOT NULL,
        source_id text,
        kind text NOT NULL,
        title jsonb NOT NULL,
        summary jsonb,
        body jsonb,
        links jsonb NOT NULL,
        licence text,
        publication_date date NOT NULL,
        publication_instant timestamptz(3) GENERATED ALWAYS AS ((publication_date::timestamp) AT TIME ZONE 'UTC') STORED,
        disciplines text[] NOT NULL DEFAULT '{}',
        countries text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT resource_has_links CHECK (jsonb_typeof(links) = 'array' AND jsonb_array_length(links) >= 1)
      )`);
    await runner.query(`CREATE UNIQUE INDEX resource_network_source_id ON resource (network, source_id) WHERE source_id IS NOT NULL`);
    await runner.query(`CREATE INDEX resource_publication_instant ON resource (publication_instant, id)`);
    await runner.query(`CREATE INDEX resource_created_at ON resource (created_at, id)`);
    await runner.query(`CREATE INDEX resource_kind ON resource (kind)`);
    await runner.query(`CREATE INDEX resource_licence ON resource (lower(licence))`);
    await runner.query(`CREATE INDEX resource_disciplines ON resource USING gin (disciplines)`);
    await runner.query(`CREATE INDEX resource_countries ON resource USING gin (countries)`);
    await runner.query(`CREATE INDEX resource_languages ON resource USING gin (languages)`);

    for (const [table, column] of [
      ["resource_author", "person_id"],
      ["resource_publisher", "organisation_id"],
      ["resource_organisation", "organisation_id"],
      ["resource_opportunity", "opportunity_id"],
      ["resource_event", "event_id"],
    ]) {
      await runner.query(`
        CREATE TABLE ${table} (
          resource_id uuid NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
          ${column} uuid NOT NULL,
          position smallint NOT NULL,
          PRIMARY KEY (resource_id, ${column})
        )`);
      // The contributed lists (Person.resources, Organisation.resources...) and filters look rows up by the other end.
      await runner.query(`CREATE INDEX ${table}_${column} ON ${table} (${column})`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ["resource_event", "resource_opportunity", "resource_organisation", "resource_publisher", "resource_author", "resource"]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
