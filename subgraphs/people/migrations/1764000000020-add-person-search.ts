import type { MigrationInterface, QueryRunner } from "typeorm";
import { installSearchSupport } from "@agora-hub/subgraph-kit";

/**
 * Full-text and typo-tolerant search over people: `search_vector` (name A, headline B, bio C, skills and
 * city D; every translation, accents folded) and `search_name` (for trigrams), kept by a trigger.
 */
export class AddPersonSearch1764000000020 implements MigrationInterface {
  name = "AddPersonSearch1764000000020";

  async up(runner: QueryRunner): Promise<void> {
    await installSearchSupport(runner, "people");
    await runner.query(`ALTER TABLE person ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector, ADD COLUMN search_name text NOT NULL DEFAULT ''`);
    await runner.query(`
      CREATE FUNCTION people.person_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_name := people.search_unaccent(lower(NEW.display_name));
        NEW.search_vector :=
          setweight(to_tsvector('people.search_simple', NEW.display_name), 'A') ||
          setweight(to_tsvector('people.search_simple', coalesce(jsonb_path_query_array(NEW.headline, '$.translations[*].value'), '[]')), 'B') ||
          setweight(to_tsvector('people.search_simple', coalesce(jsonb_path_query_array(NEW.bio, '$.translations[*].value'), '[]')), 'C') ||
          setweight(to_tsvector('people.search_simple', concat_ws(' ', array_to_string(NEW.skills, ' '), NEW.city)), 'D');
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER person_search_refresh BEFORE INSERT OR UPDATE OF display_name, headline, bio, skills, city ON person
        FOR EACH ROW EXECUTE FUNCTION people.person_search_refresh()`);
    await runner.query(`UPDATE person SET display_name = display_name`);
    await runner.query(`CREATE INDEX person_search_vector ON person USING gin (search_vector)`);
    await runner.query(`CREATE INDEX person_search_name ON person USING gin (search_name public.gin_trgm_ops)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER person_search_refresh ON person`);
    await runner.query(`DROP FUNCTION people.person_search_refresh()`);
    await runner.query(`ALTER TABLE person DROP COLUMN search_vector, DROP COLUMN search_name`);
  }
}
