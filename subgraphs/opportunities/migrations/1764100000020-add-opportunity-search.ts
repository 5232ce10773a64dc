import type { MigrationInterface, QueryRunner } from "typeorm";
import { installSearchSupport } from "@agora-hub/subgraph-kit";

/**
 * Full-text and typo-tolerant search over opportunities: `search_vector` (title A, summary B,
 * description C, city D; every translation, accents folded) and `search_name` (all titles, for trigrams),
 * kept by a trigger.
 */
export class AddOpportunitySearch1764100000020 implements MigrationInterface {
  name = "AddOpportunitySearch1764100000020";

  async up(runner: QueryRunner): Promise<void> {
    await installSearchSupport(runner, "opportunities");
    await runner.query(`ALTER TABLE opportunity ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector, ADD COLUMN search_name text NOT NULL DEFAULT ''`);
    await runner.query(`
      CREATE FUNCTION opportunities.opportunity_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_name := opportunities.search_unaccent(lower(opportunities.search_localized(NEW.title)));
        NEW.search_vector :=
          setweight(to_tsvector('opportunities.search_simple', coalesce(jsonb_path_query_array(NEW.title, '$.translations[*].value'), '[]')), 'A') ||
          setweight(to_tsvector('opportunities.search_simple', coalesce(jsonb_path_query_array(NEW.summary, '$.translations[*].value'), '[]')), 'B') ||
          setweight(to_tsvector('opportunities.search_simple', coalesce(jsonb_path_query_array(NEW.description, '$.translations[*].value'), '[]')), 'C') ||
          setweight(to_tsvector('opportunities.search_simple', coalesce(NEW.city, '')), 'D');
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER opportunity_search_refresh BEFORE INSERT OR UPDATE OF title, summary, description, city ON opportunity
        FOR EACH ROW EXECUTE FUNCTION opportunities.opportunity_search_refresh()`);
    await runner.query(`UPDATE opportunity SET title = title`);
    await runner.query(`CREATE INDEX opportunity_search_vector ON opportunity USING gin (search_vector)`);
    await runner.query(`CREATE INDEX opportunity_search_name ON opportunity USING gin (search_name public.gin_trgm_ops)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER opportunity_search_refresh ON opportunity`);
    await runner.query(`DROP FUNCTION opportunities.opportunity_search_refresh()`);
    await runner.query(`ALTER TABLE opportunity DROP COLUMN search_vector, DROP COLUMN search_name`);
  }
}
