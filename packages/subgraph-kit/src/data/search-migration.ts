import type { QueryRunner } from "typeorm";
import { defineMigration, type MigrationClass } from "./migration";
import { installSearchSupport } from "./search";

/** Relevance class of a text in `search_vector`, A the highest. */
export type SearchWeight = "A" | "B" | "C" | "D";

/**
 * A text `search_vector` holds: a column — a `localized` LocalizedText (every translation), a `text` that is
 * never null or an `optional-text` — or an SQL expression over the trigger's `NEW` row and the columns it reads.
 */
export type SearchText =
  { column: string; kind: "localized" | "text" | "optional-text"; weight: SearchWeight } | { sql: string; columns: string[]; weight: SearchWeight };

/** What a searchable table's migration is made from. */
export interface SearchMigrationOptions {
  /** Class name without the timestamp, e.g. `AddEventSearch`; with the timestamp, the name TypeORM records. */
  name: string;
  timestamp: number;
  table: string;
  /**
   * The name or title typo-tolerant matching compares with (`search_name`): the column of a `localized` or
   * `text` entry of `texts`; the first entry's when omitted.
   */
  nameColumn?: string;
  /** The texts searched, in the order the refresh trigger watches their columns; `search_vector` ranks them by weight. */
  texts: SearchText[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The subgraph's PostgreSQL schema: the one its data source migrates, which holds the search helpers. */
function subgraphSchema(runner: QueryRunner): string {
  const { schema } = runner.connection.options as { schema?: string };
  if (!schema || !IDENTIFIER.test(schema)) throw new Error(`searchMigration: the data source needs a lower-case schema, not ${String(schema)}`);
  return schema;
}

/**
 * The migration that makes `table` searchable (see `search.ts`): the kit's search helpers in the subgraph's
 * schema, the columns `search_vector` and `search_name` kept by a trigger over `texts`, filled for existing
 * rows, and their GIN indexes. `down` drops the trigger and the columns; the shared helpers stay.
 */
export function searchMigration(options: SearchMigrationOptions): MigrationClass {
  const { table, texts } = options;
  const columnsOf = (text: SearchText): string[] => ("column" in text ? [text.column] : text.columns);
  for (const identifier of [table, ...texts.flatMap(columnsOf)]) {
    if (!IDENTIFIER.test(identifier)) throw new Error(`searchMigration(${options.name}): "${identifier}" is not a lower-case SQL identifier`);
  }
  const nameColumn = options.nameColumn ?? (texts[0] && "column" in texts[0] ? texts[0].column : "");
  const name = texts.find((text) => "column" in text && text.column === nameColumn && text.kind !== "optional-text");
  if (!name || !("column" in name)) throw new Error(`searchMigration(${options.name}): nameColumn "${nameColumn}" must be a localized or text column of texts`);

  const vectorText = (text: SearchText): string => {
    if (!("column" in text)) return text.sql;
    if (text.kind === "localized") return `coalesce(jsonb_path_query_array(NEW.${text.column}, '$.translations[*].value'), '[]')`;
    return text.kind === "optional-text" ? `coalesce(NEW.${text.column}, '')` : `NEW.${text.column}`;
  };
  const byWeight = [...texts].sort((a, b) => a.weight.localeCompare(b.weight));
  const vector = (schema: string): string =>
    byWeight.map((text) => `setweight(to_tsvector('${schema}.search_simple', ${vectorText(text)}), '${text.weight}')`).join(" ||\n          ");
  const nameSql = (schema: string): string => (name.kind === "localized" ? `${schema}.search_localized(NEW.${nameColumn})` : `NEW.${nameColumn}`);
  const refresh = (schema: string): string => `${schema}.${table}_search_refresh`;
  const watched = [...new Set(texts.flatMap(columnsOf))].join(", ");

  return defineMigration({
    name: options.name,
    timestamp: options.timestamp,
    async up(runner: QueryRunner) {
      const schema = subgraphSchema(runner);
      await installSearchSupport(runner, schema);
      await runner.query(
        `ALTER TABLE ${table} ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector, ADD COLUMN search_name text NOT NULL DEFAULT ''`,
      );
      // Laid out as the hand-written migrations were: PostgreSQL keeps a function's body as written.
      await runner.query(`
      CREATE FUNCTION ${refresh(schema)}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_name := ${schema}.search_unaccent(lower(${nameSql(schema)}));
        NEW.search_vector :=
          ${vector(schema)};
        RETURN NEW;
      END $$`);
      await runner.query(`
      CREATE TRIGGER ${table}_search_refresh BEFORE INSERT OR UPDATE OF ${watched} ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ${refresh(schema)}()`);
      // Fires the trigger on every existing row.
      await runner.query(`UPDATE ${table} SET ${nameColumn} = ${nameColumn}`);
      await runner.query(`CREATE INDEX ${table}_search_vector ON ${table} USING gin (search_vector)`);
      await runner.query(`CREATE INDEX ${table}_search_name ON ${table} USING gin (search_name public.gin_trgm_ops)`);
    },
    async down(runner: QueryRunner) {
      await runner.query(`DROP TRIGGER ${table}_search_refresh ON ${table}`);
      await runner.query(`DROP FUNCTION ${refresh(subgraphSchema(runner))}()`);
      await runner.query(`ALTER TABLE ${table} DROP COLUMN search_vector, DROP COLUMN search_name`);
    },
  });
}

/**
 * Largest pending list of a searchable table's GIN index, in kB (PostgreSQL's default: 4 MB). Writes still
 * go to the list in batches (a bulk load stays fast), but a search reads at most these few pages of it.
 */
const GIN_PENDING_LIST_KB = 64;
/** What the pg_trgm word-similarity operators (`<%`, `%>`) are costed at: ~100× a plain comparison, as measured. */
const WORD_SIMILARITY_COST = 100;

/** Sets the cost the planner gives pg_trgm's word-similarity operators, where this role owns them. */
async function costWordSimilarity(runner: QueryRunner, cost: number): Promise<void> {
  // Subgraphs migrate in parallel against one database (and share `public`): one at a time.
  await runner.query(`SELECT pg_advisory_xact_lock(hashtext('agora-search-extensions'))`);
  // A role that did not create pg_trgm cannot alter it: the search still works, only its plans are less sure.
  await runner.query(`
    DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_proc WHERE oid = 'public.word_similarity_op(text, text)'::regprocedure AND pg_has_role(current_user, proowner, 'USAGE')) THEN
        ALTER FUNCTION public.word_similarity_op(text, text) COST ${cost};
        ALTER FUNCTION public.word_similarity_commutator_op(text, text) COST ${cost};
      ELSE
        RAISE NOTICE 'pg_trgm belongs to another role: word similarity keeps its default planner cost';
      END IF;
    END $$`);
}

/**
 * The migration that makes a searchable table's plans hold at scale (see `search.ts`, whose one OR condition
 * relies on both). Every GIN index of `table` keeps a short pending list of new entries (`GIN_PENDING_LIST_KB`,
 * flushed now): a search otherwise reads the whole list (up to 4 MB), and the planner, seeing it, scanned the table
 * instead. And pg_trgm's word similarity gets its true cost (it compares the text with every word sequence of
 * the name), which PostgreSQL rates as a plain comparison, so a trigram match is answered by the index.
 */
export function searchPlanningMigration(options: { name: string; timestamp: number; table: string }): MigrationClass {
  const { table } = options;
  if (!IDENTIFIER.test(table)) throw new Error(`searchPlanningMigration(${options.name}): "${table}" is not a lower-case SQL identifier`);
  const ginIndexes = async (runner: QueryRunner, schema: string): Promise<string[]> => {
    const rows: Array<{ name: string }> = await runner.query(
      `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am a ON a.oid = i.relam
        WHERE n.nspname = $1 AND t.relname = $2 AND a.amname = 'gin' ORDER BY 1`,
      [schema, table],
    );
    return rows.map((row) => row.name);
  };
  return defineMigration({
    name: options.name,
    timestamp: options.timestamp,
    async up(runner: QueryRunner) {
      const schema = subgraphSchema(runner);
      for (const index of await ginIndexes(runner, schema)) {
        await runner.query(`ALTER INDEX "${schema}"."${index}" SET (gin_pending_list_limit = ${GIN_PENDING_LIST_KB})`);
        await runner.query(`SELECT gin_clean_pending_list('"${schema}"."${index}"'::regclass)`);
      }
      await costWordSimilarity(runner, WORD_SIMILARITY_COST);
    },
    async down(runner: QueryRunner) {
      const schema = subgraphSchema(runner);
      for (const index of await ginIndexes(runner, schema)) await runner.query(`ALTER INDEX "${schema}"."${index}" RESET (gin_pending_list_limit)`);
      // pg_trgm's own cost (the operators are shared by every subgraph of the database).
      await costWordSimilarity(runner, 1);
    },
  });
}
