import type { MigrationInterface, QueryRunner } from "typeorm";
import { installSearchSupport } from "@agora-hub/subgraph-kit";

/**
 * Full-text and typo-tolerant search over organisations: `search_vector` (name A, description C, city D;
 * every translation, accents folded) and `search_name` (for trigrams), kept by a trigger.
 */
export class AddOrganisationSearch1764000200020 implements MigrationInterface {
  name = "AddOrganisationSearch1764000200020";

  async up(runner: QueryRunner): Promise<void> {
    await installSearchSupport(runner, "organisations");
    await runner.query(`ALTER TABLE organisation ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector, ADD COLUMN search_name text NOT NULL DEFAULT ''`);
    await runner.query(`
      CREATE FUNCTION organisations.organisation_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_name := organisations.search_unaccent(lower(NEW.name));
        NEW.search_vector :=
          setweight(to_tsvector('organisations.search_simple', NEW.name), 'A') ||
          setweight(to_tsvector('organisations.search_simple', coalesce(jsonb_path_query_array(NEW.description, '$.translations[*].value'), '[]')), 'C') ||
          setweight(to_tsvector('organisations.search_simple', coalesce(NEW.city, '')), 'D');
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER organisation_search_refresh BEFORE INSERT OR UPDATE OF name, description, city ON organisation
        FOR EACH ROW EXECUTE FUNCTION organisations.organisation_search_refresh()`);
    await runner.query(`UPDATE organisation SET name = name`);
    await runner.query(`CREATE INDEX organisation_search_vector ON organisation USING gin (search_vector)`);
    await runner.query(`CREATE INDEX organisation_search_name ON organisation USING gin (search_name public.gin_trgm_ops)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER organisation_search_refresh ON organisation`);
    await runner.query(`DROP FUNCTION organisations.organisation_search_refresh()`);
    await runner.query(`ALTER TABLE organisation DROP COLUMN search_vector, DROP COLUMN search_name`);
  }
}
