import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The event table and its organiser/speaker join tables. Organisations and people live in other
 * subgraphs, so the join tables hold their ids without a foreign key; rows go with their event.
 * CHECK constraints repeat the service's cross-field rules so no writer can break them. Timestamps
 * default to millisecond precision, the precision of a cursor, so rows created in the same instant
 * (one transaction) are not skipped when paging by newest.
 */
export class CreateEvent1764000400000 implements MigrationInterface {
  name = "CreateEvent1764000400000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network text NOT NULL,
        source_id text,
        title jsonb NOT NULL,
        description jsonb,
        format text NOT NULL,
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        time_zone text NOT NULL,
        attendance_mode text NOT NULL,
        venue_name text,
        venue_city text,
        venue_country text,
        venue_latitude double precision,
        venue_longitude double precision,
        online_url text,
        disciplines text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        registration_url text,
        capacity integer,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT event_ends_after_start CHECK (ends_at >= starts_at),
        CONSTRAINT event_capacity_positive CHECK (capacity IS NULL OR capacity > 0),
        CONSTRAINT event_venue_complete CHECK (
          (venue_name IS NULL) = (venue_city IS NULL) AND (venue_name IS NULL) = (venue_country IS NULL)
        ),
        CONSTRAINT event_venue_coordinates CHECK (
          (venue_latitude IS NULL) = (venue_longitude IS NULL)
          AND (venue_latitude IS NULL OR venue_latitude BETWEEN -90 AND 90)
          AND (venue_longitude IS NULL OR venue_longitude BETWEEN -180 AND 180)
          AND (venue_latitude IS NULL OR venue_name IS NOT NULL)
        ),
        CONSTRAINT event_venue_unless_online CHECK (attendance_mode = 'ONLINE' OR venue_name IS NOT NULL),
        CONSTRAINT event_online_url_unless_in_person CHECK (attendance_mode = 'IN_PERSON' OR online_url IS NOT NULL)
      )`);
    await runner.query(`CREATE UNIQUE INDEX event_network_source_id ON event (network, source_id) WHERE source_id IS NOT NULL`);
    await runner.query(`CREATE INDEX event_starts_at ON event (starts_at, id)`);
    await runner.query(`CREATE INDEX event_created_at ON event (created_at, id)`);
    await runner.query(`CREATE INDEX event_ends_at ON event (ends_at)`);
    await runner.query(`CREATE INDEX event_format ON event (format)`);
    await runner.query(`CREATE INDEX event_venue_country ON event (venue_country)`);
    await runner.query(`CREATE INDEX event_disciplines ON event USING gin (disciplines)`);
    await runner.query(`CREATE INDEX event_languages ON event USING gin (languages)`);

    await runner.query(`
      CREATE TABLE event_organiser (
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        position smallint NOT NULL,
        PRIMARY KEY (event_id, organisation_id)
      )`);
    // Organisation.events and the organiserIds filter look rows up by organisation.
    await runner.query(`CREATE INDEX event_organiser_organisation_id ON event_organiser (organisation_id)`);

    await runner.query(`
      CREATE TABLE event_speaker (
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        person_id uuid NOT NULL,
        position smallint NOT NULL,
        PRIMARY KEY (event_id, person_id)
      )`);
    await runner.query(`CREATE INDEX event_speaker_person_id ON event_speaker (person_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE event_speaker`);
    await runner.query(`DROP TABLE event_organiser`);
    await runner.query(`DROP TABLE event`);
  }
}
