import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The opportunity table. Timestamps keep millisecond precision, the precision of the cursors built
 * from them, so keyset pages never skip rows created within the same millisecond. The cross-field
 * rules the service checks are repeated as constraints so no writer can break them.
 */
export class CreateOpportunity1764100000000 implements MigrationInterface {
  name = "CreateOpportunity1764100000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE opportunity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network text NOT NULL,
        source_id text,
        type text NOT NULL,
        title jsonb NOT NULL,
        summary jsonb,
        description jsonb,
        publisher_id uuid NOT NULL,
        contact_id uuid,
        disciplines text[] NOT NULL DEFAULT '{}',
        eligible_countries text[] NOT NULL DEFAULT '{}',
        opens_at timestamptz(3) NOT NULL,
        deadline timestamptz(3),
        amount_min numeric(14, 2),
        amount_max numeric(14, 2),
        currency text,
        costs_covered text[] NOT NULL DEFAULT '{}',
        application_url text,
        remote boolean NOT NULL DEFAULT false,
        city text,
        country text,
        working_languages text[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT opportunity_deadline_after_opening CHECK (deadline IS NULL OR deadline > opens_at),
        CONSTRAINT opportunity_amount_has_currency CHECK ((currency IS NULL) = (amount_min IS NULL AND amount_max IS NULL)),
        CONSTRAINT opportunity_amount_not_negative CHECK (amount_min >= 0 AND amount_max >= 0),
        CONSTRAINT opportunity_amount_range CHECK (amount_min <= amount_max)
      )`);
    await runner.query(`CREATE UNIQUE INDEX opportunity_network_source_id ON opportunity (network, source_id) WHERE source_id IS NOT NULL`);
    await runner.query(`CREATE INDEX opportunity_created_at ON opportunity (created_at, id)`);
    await runner.query(`CREATE INDEX opportunity_opens_at ON opportunity (opens_at, id)`);
    await runner.query(`CREATE INDEX opportunity_publisher_created_at ON opportunity (publisher_id, created_at, id)`);
    await runner.query(`CREATE INDEX opportunity_deadline ON opportunity (deadline)`);
    await runner.query(`CREATE INDEX opportunity_type ON opportunity (type)`);
    await runner.query(`CREATE INDEX opportunity_country ON opportunity (country)`);
    await runner.query(`CREATE INDEX opportunity_disciplines ON opportunity USING gin (disciplines)`);
    await runner.query(`CREATE INDEX opportunity_eligible_countries ON opportunity USING gin (eligible_countries)`);
    await runner.query(`CREATE INDEX opportunity_working_languages ON opportunity USING gin (working_languages)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE opportunity`);
  }
}
