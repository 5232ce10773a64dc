import type { MigrationInterface, QueryRunner } from "typeorm";
import { installSearchSupport } from "@agora-hub/subgraph-kit";

/**
 * Full-text and typo-tolerant search over events: `search_vector` (title A, venue name B, description C,
 * venue city D; every translation, accents folded) and `search_name` (all titles, for trigrams), kept by
 * a trigger.
 */
export class AddEventSearch1764000400020 implements MigrationInterface {
  name = "AddEventSearch1764000400020";

  async up(runner: QueryRunner): Promise<void> {
    await installSearchSupport(runner, "events");
    await runner.query(`ALTER TABLE event ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector, ADD COLUMN search_name text NOT NULL DEFAULT ''`);
    await runner.query(`
      CREATE FUNCTION events.event_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_name := events.search_unaccent(lower(events.search_localized(NEW.title)));
        NEW.search_vector :=
          setweight(to_tsvector('events.search_simple', coalesce(jsonb_path_query_array(NEW.title, '$.translations[*].value'), '[]')), 'A') ||
          setweight(to_tsvector('events.search_simple', coalesce(NEW.venue_name, '')), 'B') ||
          setweight(to_tsvector('events.search_simple', coalesce(jsonb_path_query_array(NEW.description, '$.translations[*].value'), '[]')), 'C') ||
          setweight(to_tsvector('events.search_simple', coalesce(NEW.venue_city, '')), 'D');
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER event_search_refresh BEFORE INSERT OR UPDATE OF title, description, venue_name, venue_city ON event
        FOR EACH ROW EXECUTE FUNCTION events.event_search_refresh()`);
    await runner.query(`UPDATE event SET title = title`);
    await runner.query(`CREATE INDEX event_search_vector ON event USING gin (search_vector)`);
    await runner.query(`CREATE INDEX event_search_name ON event USING gin (search_name public.gin_trgm_ops)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER event_search_refresh ON event`);
    await runner.query(`DROP FUNCTION events.event_search_refresh()`);
    await runner.query(`ALTER TABLE event DROP COLUMN search_vector, DROP COLUMN search_name`);
  }
}
