import { defineMigration } from "@agora-hub/subgraph-kit";

/**
 * Moderation cases and their reports. One OPEN case per record (a partial unique index); the reports' windows
 * for the rate limits are counted on indexes by reporter hash and by record; the reporter hash is cleared after
 * the window, so its index holds only the last hour's rows. Timestamps at millisecond precision, the precision
 * of a cursor.
 */
export const CreateModerationCase1764000700000 = defineMigration({
  name: "CreateModerationCase",
  timestamp: 1764000700000,
  up: async (runner) => {
    await runner.query(`
      CREATE TABLE moderation_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_type text NOT NULL,
        record_id uuid NOT NULL,
        network text NOT NULL,
        state text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'UPHELD', 'DISMISSED')),
        report_count integer NOT NULL DEFAULT 1 CHECK (report_count > 0),
        opened_at timestamptz(3) NOT NULL DEFAULT now(),
        last_reported_at timestamptz(3) NOT NULL DEFAULT now(),
        resolution text,
        record_action text,
        resolved_by text,
        resolved_at timestamptz(3),
        CONSTRAINT moderation_case_resolved CHECK ((state = 'OPEN') = (resolved_at IS NULL) AND (state = 'OPEN') = (resolved_by IS NULL))
      )`);
    await runner.query(`CREATE UNIQUE INDEX moderation_case_open_record ON moderation_case (record_type, record_id) WHERE state = 'OPEN'`);
    await runner.query(`CREATE INDEX moderation_case_opened_at ON moderation_case (opened_at, id)`);
    await runner.query(`CREATE INDEX moderation_case_network_opened_at ON moderation_case (network, opened_at, id)`);
    await runner.query(`
      CREATE TABLE case_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES moderation_case (id) ON DELETE CASCADE,
        record_type text NOT NULL,
        record_id uuid NOT NULL,
        reason text NOT NULL,
        text text,
        reporter_hash text,
        reported_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX case_report_reporter ON case_report (reporter_hash, reported_at) WHERE reporter_hash IS NOT NULL`);
    await runner.query(`CREATE INDEX case_report_record ON case_report (record_type, record_id, reported_at)`);
    await runner.query(`CREATE INDEX case_report_case ON case_report (case_id, reported_at, id)`);
  },
  down: async (runner) => {
    await runner.query(`DROP TABLE case_report`);
    await runner.query(`DROP TABLE moderation_case`);
  },
});
