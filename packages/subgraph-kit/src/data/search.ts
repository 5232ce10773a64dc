import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import type { ObjectLiteral, QueryRunner, SelectQueryBuilder } from "typeorm";
import { z } from "zod";
import { readEnv } from "@agora-hub/runtime";
import { badUserInput } from "../input/errors";
import { decodeCursor, type KeysetOrder, keysetListName, type Page, type PageWindow, pageFromRows, paginate, queryTable } from "./pagination";

/*
 * Full-text search shared by the core subgraphs. Each searchable table carries two columns kept by a
 * trigger: `search_vector` (every translation of its texts, weighted A–D, accents folded) and
 * `search_name` (the name or title, lower-case, accents folded) for typo-tolerant trigram matching.
 * A row matches when the words match (FTS, `websearch_to_tsquery` syntax) or when the search text is
 * close to a word sequence of the name (pg_trgm word similarity ≥ 0.6, the `<%` operator, so "Goethe-Insitut"
 * still finds "Goethe-Institut"). Score = ts_rank_cd + word similarity, rounded to 6 decimals so a cursor
 * names an exact value. Snippets highlight matched words with «…». Relevance ranks at most the first
 * TOTAL_EXACT_LIMIT matches found, as totals and facets count at most that many rows exactly (`paginateSearch`).
 */

export const SEARCH_MIN_LENGTH = 1;
export const SEARCH_MAX_LENGTH = 200;
/** Facets list the most frequent values only. */
export const FACET_LIMIT = 50;
/**
 * Facets are counted exactly over at most this many matching rows; a longer list is counted over a sample of
 * about this many rows and scaled (`facets.approximate`). `SEARCH_FACET_EXACT_LIMIT` overrides it per subgraph.
 */
export const FACET_EXACT_LIMIT = 500;
/**
 * A searchable list's `totalCount` is exact up to this many items; a longer list's is estimated the way facets are
 * (`totalCountApproximate`), so counting never reads more than this many rows and one more.
 */
export const TOTAL_EXACT_LIMIT = 500;

/** The settings of a subgraph's searchable lists, read once at start (a definition's `readSettings`). */
export interface SearchableListSettings {
  /** See `FACET_EXACT_LIMIT`. */
  facetExactLimit: number;
}

/** Reads `SEARCH_FACET_EXACT_LIMIT` (1–1,000,000; default `FACET_EXACT_LIMIT`); a bad value names the variable. */
export function readSearchableListSettings(env: NodeJS.ProcessEnv): SearchableListSettings {
  const values = readEnv(
    {
      SEARCH_FACET_EXACT_LIMIT: z.preprocess(
        (value) => (value === "" ? undefined : value),
        z.coerce.number().int().min(1).max(1_000_000).default(FACET_EXACT_LIMIT),
      ),
    },
    env,
  );
  return { facetExactLimit: values.SEARCH_FACET_EXACT_LIMIT };
}

/** The facet limit of a subgraph's settings when `readSearchableListSettings` read them, else `FACET_EXACT_LIMIT`. */
export function facetExactLimitOf(settings: unknown): number {
  const limit = (settings as Partial<SearchableListSettings> | null | undefined)?.facetExactLimit;
  return typeof limit === "number" && Number.isInteger(limit) && limit >= 1 ? limit : FACET_EXACT_LIMIT;
}
/** Snippets mark matched words with these. */
export const SNIPPET_START = "«";
export const SNIPPET_STOP = "»";
const SNIPPET_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=18, MinWords=6, MaxFragments=2, FragmentDelimiter=" … "`;

// Every core subgraph resolves it for its own lists.
@Directive("@shareable")
@ObjectType({ description: "How an item matched a `search`: present only when the list was searched." })
export class SearchMatch {
  @Field(() => Float, { description: "Relevance: text rank plus name similarity; higher is better. Only comparable within one search." })
  score!: number;

  @Field(() => String, {
    nullable: true,
    description: `A short extract of the item's texts (at most two fragments of about 18 words) with matched words between ${SNIPPET_START} and ${SNIPPET_STOP}; null when the item has no text.`,
  })
  snippet!: string | null;
}

// Every core subgraph resolves it for its own lists.
@Directive("@shareable")
@ObjectType({ description: "How many items of the current list (same search and filters) carry one value." })
export class FacetCount {
  @Field({ description: "The value, e.g. a discipline, a country code or a language tag." })
  value!: string;

  @Field(() => Int, { description: "Number of items carrying it." })
  count!: number;
}

/**
 * Migration step: the `unaccent` and `pg_trgm` extensions (in `public`, shared by every subgraph of the
 * database), and in `schema` the immutable helpers the search columns, indexes and queries use:
 * `search_unaccent(text)`, `search_localized(jsonb)` (all translations of a LocalizedText) and the
 * text search configuration `search_simple` (the `simple` configuration with accents folded).
 */
export async function installSearchSupport(runner: QueryRunner, schema: string): Promise<void> {
  // Subgraphs migrate in parallel against one database: serialise the extension creation.
  await runner.query(`SELECT pg_advisory_xact_lock(hashtext('agora-search-extensions'))`);
  await runner.query(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`);
  await runner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`);
  await runner.query(`
    CREATE OR REPLACE FUNCTION "${schema}".search_unaccent(value text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$`);
  await runner.query(`
    CREATE OR REPLACE FUNCTION "${schema}".search_localized(value jsonb) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(string_agg(translation ->> 'value', ' '), '') FROM jsonb_array_elements(coalesce(value -> 'translations', '[]')) AS translation $$`);
  await runner.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS "${schema}".search_simple`);
  await runner.query(`CREATE TEXT SEARCH CONFIGURATION "${schema}".search_simple (COPY = pg_catalog.simple)`);
  await runner.query(
    `ALTER TEXT SEARCH CONFIGURATION "${schema}".search_simple ALTER MAPPING FOR word, hword, hword_part WITH public.unaccent, pg_catalog.simple`,
  );
}

/** Where a searchable table keeps its texts, for the SQL the search builds. */
export interface SearchableTable {
  /** PostgreSQL schema of the subgraph (holds `search_simple` and `search_unaccent`). */
  schema: string;
  /** Alias of the table in the query builder. */
  alias: string;
  /** SQL of the text snippets are cut from (usually name, then short text, then long text). */
  snippetDocument: string;
}

/** The SQL pieces of one search: the match condition, the score and the snippet, with their parameters. */
export interface SearchSql {
  condition: string;
  score: string;
  snippet: string;
  parameters: Record<string, unknown>;
}

/** Trims and checks a `search` argument; blank text is a BAD_USER_INPUT naming `search`. */
export function normaliseSearch(search: string | null | undefined): string | undefined {
  if (search === undefined || search === null) return undefined;
  const trimmed = search.trim().replace(/\s+/g, " ");
  if (trimmed.length < SEARCH_MIN_LENGTH) throw badUserInput({ field: "search", message: "must contain a word" });
  if (trimmed.length > SEARCH_MAX_LENGTH) throw badUserInput({ field: "search", message: `must be at most ${SEARCH_MAX_LENGTH} characters` });
  return trimmed;
}

/** Builds the SQL of a search for `text` over `table`. */
export function searchSql(table: SearchableTable, text: string): SearchSql {
  const { schema, alias } = table;
  const query = `websearch_to_tsquery('"${schema}".search_simple', :searchText)`;
  const name = `"${schema}".search_unaccent(lower(:searchText))`;
  return {
    // One condition both GIN indexes answer (a BitmapOr: each row read once, by the scan that also yields its
    // columns). It needs the indexes' pending lists kept short and word similarity costed as the expensive
    // comparison it is (`searchPlanningMigration`); without those the planner scanned the whole table. The trigram
    // side is written as the index's own operator (`%>`, the commutator of `<%`): then the scan's recheck is the
    // whole test, where `<%` made PostgreSQL test every row again (reading each row's whole search_vector).
    condition: `(${alias}.search_vector @@ ${query} OR ${alias}.search_name %> ${name})`,
    score: `round((ts_rank_cd(${alias}.search_vector, ${query}) + word_similarity(${name}, ${alias}.search_name))::numeric, 6)`,
    snippet: `nullif(ts_headline('"${schema}".search_simple', ${table.snippetDocument}, ${query}, '${SNIPPET_OPTIONS}'), '')`,
    parameters: { searchText: text },
  };
}

/** Restricts `query` to the rows matching `search`. */
export function applySearch<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, search: SearchSql): SelectQueryBuilder<T> {
  return query.andWhere(search.condition, search.parameters);
}

/**
 * The CTEs that read a list's first TOTAL_EXACT_LIMIT + 1 rows once (`matchesSql` selects `rank_id`, `fblock` and
 * `ftable` with that LIMIT): `found`, those rows in the order the scan returned them with their `position`, and
 * `stats`, one row: how many, the last block read, whether blocks came in order and the estimate of the whole list
 * (the rows before the last block, scaled to the table's blocks, as `FacetCounter` estimates).
 */
function sampleCtes(matchesSql: string): string {
  return `found AS MATERIALIZED (SELECT matches.*, row_number() OVER () AS position, fblock >= lag(fblock, 1, 0) OVER () AS ordered FROM (${matchesSql}) matches),
     stats AS MATERIALIZED (
       SELECT count(*)::int AS rows, coalesce(max(fblock), 0) AS last, coalesce(bool_and(ordered), true) AS ordered,
              round(count(*) FILTER (WHERE fblock < (SELECT max(fblock) FROM found))
                    * coalesce(pg_relation_size(max(ftable::oid)) / current_setting('block_size')::numeric / nullif(max(fblock), 0), 1))::int AS estimate
         FROM found)`;
}

/** The columns of `stats` as a page's rows carry them (read back by `sampledTotal`). */
const STATS_COLUMNS = "stats.rows AS search_rows, stats.last AS search_last, stats.ordered AS search_ordered, stats.estimate AS search_estimate";

/** A page's raw row, with the stats of `sampleCtes` when the page was read with them. */
type PageRow = Record<string, unknown> & { search_rows?: number; search_last?: number; search_ordered?: boolean; search_estimate?: number };

/** The block of a row (its ctid's first half) and its table: CAST, not `::`, which TypeORM would read as a parameter `:text`. */
function blockColumns<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return query.addSelect(`CAST((CAST(CAST(${query.alias}.ctid AS text) AS point))[0] AS int)`, "fblock").addSelect(`${query.alias}.tableoid`, "ftable");
}

/**
 * The total a page read with `sampleCtes` found (its stats ride on every row): exact up to TOTAL_EXACT_LIMIT rows,
 * else estimated from the rows before the last block read when they came block by block; none when the page has no
 * row (after a cursor past the end) or the rows came out of order — then the list is counted. `fromStart`: the
 * page starts the list, so no row means an empty list.
 */
function sampledTotal(row: PageRow | undefined, fromStart: boolean): (() => Promise<ListTotal>) | undefined {
  if (row?.search_rows === undefined) return fromStart ? () => Promise.resolve({ count: 0, approximate: false }) : undefined;
  const rows = Number(row.search_rows);
  if (rows <= TOTAL_EXACT_LIMIT) return () => Promise.resolve({ count: rows, approximate: false });
  if (!row.search_ordered || !(Number(row.search_last) > 0)) return undefined;
  // The list holds at least the rows read, whatever the sample says.
  const count = Math.max(rows, Number(row.search_estimate));
  return () => Promise.resolve({ count, approximate: true });
}

/**
 * Keyset page of a searched list: ordered by `order`, or by relevance (score, then id, descending) when
 * `order` is null; each node gets its `searchMatch`. `query` must already hold the search condition; `total`
 * counts the list, unless the ranking statement counted or estimated it (`sampledTotal`).
 */
async function paginateSearch<T extends ObjectLiteral & { id: string; searchMatch?: SearchMatch | null }>(
  query: SelectQueryBuilder<T>,
  window: PageWindow,
  search: SearchSql,
  order: KeysetOrder<T> | null,
  total: () => Promise<ListTotal>,
): Promise<Page<T> & { totalApproximate: () => Promise<boolean> }> {
  const idColumn = `${query.alias}.id`;
  // Ranked, the order is relevance to this very text: a cursor of another search is another list's.
  const list = order
    ? keysetListName(queryTable(query), order.column, order.direction)
    : `${queryTable(query)} by relevance to ${JSON.stringify(search.parameters.searchText)}`;
  // Scores are rounded numerics read as JavaScript numbers.
  const cursor = window.after ? decodeCursor(window.after, list, order ? order.valueType : "number") : null;
  let raw: PageRow[] = [];
  let entities: T[] = [];
  if (window.first > 0) {
    // One statement picks the page's ids and reads their rows: one snapshot, so the rows need not be checked against
    // the list's conditions again (which made PostgreSQL build the conditions' index bitmaps a second time).
    let pageSql: string;
    let pageOrder: [string, "ASC" | "DESC"];
    if (order) {
      if (cursor) {
        const comparison = order.direction === "ASC" ? ">" : "<";
        query.andWhere(`(${order.column}, ${idColumn}) ${comparison} (:cursorSortValue, :cursorId)`, {
          cursorSortValue: cursor.sortValue,
          cursorId: cursor.id,
        });
      }
      const ids = query
        .clone()
        .select(idColumn, "rank_id")
        .orderBy(order.column, order.direction)
        .addOrderBy(idColumn, order.direction)
        .limit(window.first + 1);
      query.setParameters(ids.getParameters());
      pageSql = ids.getQuery();
      pageOrder = [order.column, order.direction];
    } else {
      // Ranking scores every candidate, so the same statement counts them (before the cursor, which applies on top),
      // and only ids and scores go through the sort: carrying every match's whole row (texts of every language) cost
      // as much as scoring it. At most TOTAL_EXACT_LIMIT + 1 matches are candidates, in the order the scan finds them
      // (block by block): scoring every match grew with the table. Up to the limit the ranking and the count are
      // exact; beyond, the list is ranked over its first TOTAL_EXACT_LIMIT matches, and its total estimated from them
      // as `FacetCounter` estimates (the matches before the last block read, scaled to the table's blocks).
      const matches = blockColumns(query.clone().orderBy().select(idColumn, "rank_id").addSelect(search.score, "search_score")).limit(TOTAL_EXACT_LIMIT + 1);
      query.setParameters(matches.getParameters());
      if (cursor) query.setParameters({ rankCursorScore: cursor.sortValue, rankCursorId: cursor.id });
      const after = cursor ? "AND (found.search_score, found.rank_id) < (CAST(:rankCursorScore AS numeric), :rankCursorId)" : "";
      pageSql = `WITH ${sampleCtes(matches.getQuery())}
         SELECT found.rank_id, found.search_score, ${STATS_COLUMNS}
           FROM found CROSS JOIN stats WHERE found.position <= ${TOTAL_EXACT_LIMIT} ${after}
          ORDER BY found.search_score DESC, found.rank_id DESC LIMIT ${window.first + 1}`;
      pageOrder = ["page.search_score", "DESC"];
    }
    const read = query
      .clone()
      .where("true")
      .orderBy(pageOrder[0], pageOrder[1])
      .addOrderBy(idColumn, pageOrder[1])
      .innerJoin(`(${pageSql})`, "page", `page.rank_id = ${idColumn}`)
      .addSelect(order ? search.score : "page.search_score", "search_score")
      .addSelect(search.snippet, "search_snippet")
      .setParameters(search.parameters);
    if (!order) for (const column of ["search_rows", "search_last", "search_ordered", "search_estimate"]) read.addSelect(`page.${column}`, column);
    ({ entities, raw } = (await read.getRawAndEntities()) as { entities: T[]; raw: PageRow[] });
  }
  const rows: T[] = [];
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  for (const row of raw) {
    const entity = byId.get(String(row[`${query.alias}_id`]));
    if (!entity) continue;
    rows.push(
      Object.assign(entity, {
        searchMatch: Object.assign(new SearchMatch(), { score: Number(row.search_score), snippet: (row.search_snippet as string | null) ?? null }),
      }),
    );
  }
  const listTotal = (order ? undefined : sampledTotal(raw[0], window.first > 0 && !cursor)) ?? total;
  const valueOf = order ? order.valueOf : (row: T) => row.searchMatch?.score ?? 0;
  return {
    ...pageFromRows(rows, window, list, valueOf, () => listTotal().then(({ count }) => count)),
    totalApproximate: () => listTotal().then(({ approximate }) => approximate),
  };
}

/**
 * Keyset page of a list in `order` whose total the client asks for, and that total, in one statement: the first
 * TOTAL_EXACT_LIMIT + 1 rows of the list are read once (`sampleCtes`); when that is the whole list, the page is cut
 * from them, else read in the order's index order as `paginate` reads it, and the total estimated from them. Read
 * apart, the page and the count each built the filters' index bitmaps.
 */
async function paginateCounted<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  window: PageWindow,
  order: KeysetOrder<T>,
  total: () => Promise<ListTotal>,
): Promise<Page<T> & { totalApproximate: () => Promise<boolean> }> {
  const idColumn = `${query.alias}.id`;
  const list = keysetListName(queryTable(query), order.column, order.direction);
  const cursor = window.after ? decodeCursor(window.after, list, order.valueType) : null;
  const comparison = order.direction === "ASC" ? ">" : "<";
  const matches = blockColumns(query.clone().orderBy().select(idColumn, "rank_id").addSelect(order.column, "sort_value")).limit(TOTAL_EXACT_LIMIT + 1);
  const longer = query.clone().select(idColumn, "rank_id");
  if (cursor) {
    longer.andWhere(`(${order.column}, ${idColumn}) ${comparison} (:countedSortValue, :countedId)`, {
      countedSortValue: cursor.sortValue,
      countedId: cursor.id,
    });
  }
  longer
    .andWhere(`(SELECT stats.rows FROM stats) > ${TOTAL_EXACT_LIMIT}`)
    .orderBy(order.column, order.direction)
    .addOrderBy(idColumn, order.direction)
    .limit(window.first + 1);
  const after = cursor ? `AND (found.sort_value, found.rank_id) ${comparison} (:countedSortValue, :countedId)` : "";
  // Each branch's condition on `stats` is a one-time filter: only one of them reads anything.
  const pageSql = `WITH ${sampleCtes(matches.getQuery())},
     listed AS (
       (SELECT found.rank_id FROM found WHERE (SELECT stats.rows FROM stats) <= ${TOTAL_EXACT_LIMIT} ${after}
         ORDER BY found.sort_value ${order.direction}, found.rank_id ${order.direction} LIMIT ${window.first + 1})
       UNION ALL (${longer.getQuery()}))
     SELECT listed.rank_id, ${STATS_COLUMNS} FROM listed CROSS JOIN stats`;
  const { entities, raw } = (await query
    .clone()
    .where("true")
    .innerJoin(`(${pageSql})`, "page", `page.rank_id = ${idColumn}`)
    .addSelect("page.search_rows", "search_rows")
    .addSelect("page.search_last", "search_last")
    .addSelect("page.search_ordered", "search_ordered")
    .addSelect("page.search_estimate", "search_estimate")
    .setParameters({ ...matches.getParameters(), ...longer.getParameters() })
    .orderBy(order.column, order.direction)
    .addOrderBy(idColumn, order.direction)
    .getRawAndEntities()) as { entities: T[]; raw: PageRow[] };
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const rows = raw.map((row) => byId.get(String(row[`${query.alias}_id`]))).filter((entity): entity is T => entity !== undefined);
  const listTotal = sampledTotal(raw[0], !cursor) ?? total;
  return {
    ...pageFromRows(rows, window, list, order.valueOf, () => listTotal().then(({ count }) => count)),
    totalApproximate: () => listTotal().then(({ approximate }) => approximate),
  };
}

/** One facet dimension: the SQL of a column, and whether it holds an array of values. */
export interface FacetDimension {
  sql: string;
  array?: boolean;
}

/** The counts of some dimensions of one list and its number of rows, and whether they were estimated from a sample. */
interface FacetBatch<TDimension extends string> {
  counts: Map<TDimension, FacetCount[]>;
  total: number;
  approximate: boolean;
}

/** The number of items of a list, and whether it is an estimate. */
export interface ListTotal {
  count: number;
  approximate: boolean;
}

/**
 * Facet counts over the rows of a filtered (and searched) query, ignoring the cursor, top `FACET_LIMIT`
 * values by count. Only the dimensions a client selects are counted, and all of them in ONE query: the
 * filtered rows are read once (a materialised CTE) and each dimension groups them.
 *
 * At most `exactLimit` + 1 rows are read. When the list is longer, the counts are those of a sample scaled to
 * the whole table: the rows read come in physical order (the bitmap scan of the search indexes, or a sequential
 * scan, returns them block by block), so those of the blocks before the last one read are every matching row
 * of that first part of the table, and each count is multiplied by (the table's blocks ÷ those blocks). The
 * estimate assumes the matches are spread evenly over the table; it is deterministic for a given table. When the
 * rows did not come in physical order (a parallel plan) or all in one block, the list is counted exactly instead.
 * The list's number of rows (`total`) is counted, or estimated, the same way.
 */
// Invariant (`in out`), so a counter of other dimensions than a `FacetsType` shows is a type error rather than a
// failed count; inferred variance would be bivariant outside the kit, whose declaration files drop private members' types.
export class FacetCounter<in out TDimension extends string> {
  private readonly results = new Map<TDimension, Promise<FacetCount[]>>();
  private approximation: Promise<boolean> | undefined;
  private totalCount: Promise<ListTotal> | undefined;
  private readonly runs: Array<Promise<FacetBatch<TDimension>>> = [];
  private pending: Array<{ dimension: TDimension | null; resolve: (batch: FacetBatch<TDimension>) => void; reject: (error: unknown) => void }> = [];

  constructor(
    private readonly query: SelectQueryBuilder<ObjectLiteral>,
    private readonly dimensions: Record<TDimension, FacetDimension>,
    private readonly exactLimit: number = FACET_EXACT_LIMIT,
  ) {
    if (!Number.isInteger(exactLimit) || exactLimit < 1) throw new Error(`FacetCounter: exactLimit must be a positive integer, not ${exactLimit}`);
  }

  /** Counts of the values of one dimension, most frequent first (ties by value). */
  count(dimension: TDimension): Promise<FacetCount[]> {
    let result = this.results.get(dimension);
    if (!result) {
      result = this.schedule(dimension).then((batch) => batch.counts.get(dimension) ?? []);
      this.results.set(dimension, result);
    }
    return result;
  }

  /** Whether the counts are estimates (the list is longer than `exactLimit`); asked alone, it reads at most `exactLimit` + 1 rows. */
  approximate(): Promise<boolean> {
    // Asked with dimensions, it shares their query; the batch it joins tells for all of them (one list, one sample).
    this.approximation ??= this.schedule(null).then((batch) => batch.approximate);
    return this.approximation;
  }

  /** The list's number of rows, exact up to `exactLimit`, else estimated from the same sample; it reads at most `exactLimit` + 1 rows. */
  total(): Promise<ListTotal> {
    this.totalCount ??= this.schedule(null).then(({ total, approximate }) => ({ count: total, approximate }));
    return this.totalCount;
  }

  private schedule(dimension: TDimension | null): Promise<FacetBatch<TDimension>> {
    return new Promise<FacetBatch<TDimension>>((resolve, reject) => {
      // GraphQL asks for sibling facet fields in one tick: collect them, then run one query.
      if (this.pending.length === 0) process.nextTick(() => void this.runPending());
      this.pending.push({ dimension, resolve, reject });
    });
  }

  private async runPending(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const dimensions = [...new Set(batch.flatMap(({ dimension }) => (dimension === null ? [] : [dimension])))];
      const result = await this.run(dimensions);
      for (const { resolve } of batch) resolve(result);
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  }

  private async run(dimensions: TDimension[]): Promise<FacetBatch<TDimension>> {
    const alias = this.query.alias;
    const selections = this.query.clone().orderBy();
    // The block of each row (its ctid's first half) and its table, for the sample's scale. CAST, not `::`: TypeORM
    // reads `::text` as the parameter `:text` when the list's filter has one (people's name filter does).
    selections.select(`CAST((CAST(CAST(${alias}.ctid AS text) AS point))[0] AS int)`, "fblock").addSelect(`${alias}.tableoid`, "ftable");
    dimensions.forEach((dimension, index) => selections.addSelect(this.dimensions[dimension].sql, `f${index}`));
    const limited = await this.countRows(selections, dimensions, this.exactLimit + 1);
    if (limited.rows <= this.exactLimit) return { counts: limited.counts, total: limited.rows, approximate: false };
    // The list holds at least the rows read, whatever the sample says.
    if (limited.inOrder && limited.lastBlock > 0) return { counts: limited.counts, total: Math.max(limited.rows, limited.estimate), approximate: true };
    const all = await this.countRows(selections, dimensions, null);
    return { counts: all.counts, total: all.rows, approximate: false };
  }

  /**
   * One counting query over at most `limit` rows (all when null): the rows read, the last block and whether
   * blocks came in order, and each dimension's counts — over every row read when they are `limit` or fewer,
   * else over the rows before the last block read, scaled to the table's size in blocks (`estimate`: those rows, scaled).
   */
  private async countRows(
    selections: SelectQueryBuilder<ObjectLiteral>,
    dimensions: TDimension[],
    limit: number | null,
  ): Promise<{ rows: number; estimate: number; lastBlock: number; inOrder: boolean; counts: Map<TDimension, FacetCount[]> }> {
    const [filtered, parameters] = selections.getQueryAndParameters();
    const exact = limit === null ? "true" : `meta.rows < ${limit}`;
    const branches = dimensions.map((dimension, index) => {
      const column = `sample.f${index}`;
      const values = this.dimensions[dimension].array
        ? `CROSS JOIN LATERAL unnest(${column}) AS v(value)`
        : `CROSS JOIN LATERAL (SELECT ${column}) AS v(value)`;
      const count = `CASE WHEN ${exact} THEN count(*) ELSE round(count(*) * meta.scale) END::int`;
      return `(SELECT ${index} AS dimension, v.value::text AS value, ${count} AS count, NULL::int, NULL::boolean, NULL::int FROM sample ${values} CROSS JOIN meta
         WHERE v.value IS NOT NULL GROUP BY 2, meta.scale, meta.rows ORDER BY 3 DESC, 2 LIMIT ${FACET_LIMIT})`;
    });
    const rows: Array<{ dimension: number; value: string | null; count: number; last: number | null; ordered: boolean | null; estimate: number | null }> =
      await this.query.connection.query(
        `WITH filtered AS MATERIALIZED (${filtered}${limit === null ? "" : ` LIMIT ${limit}`}),
         ordered AS (SELECT fblock >= lag(fblock, 1, 0) OVER () AS ordered FROM filtered),
         meta AS (
           SELECT count(*)::int AS rows, coalesce(max(fblock), 0) AS last, coalesce((SELECT bool_and(ordered) FROM ordered), true) AS ordered,
                  coalesce(pg_relation_size(max(ftable::oid)) / current_setting('block_size')::numeric / nullif(max(fblock), 0), 1) AS scale
             FROM filtered),
         sample AS (SELECT filtered.* FROM filtered CROSS JOIN meta WHERE ${exact} OR filtered.fblock < meta.last)
         SELECT -1 AS dimension, NULL AS value, rows AS count, last, ordered, (SELECT round(count(*) * meta.scale)::int FROM sample) AS estimate FROM meta
         ${branches.map((branch) => `UNION ALL ${branch}`).join(" ")}`,
        parameters,
      );
    const meta = rows.find((row) => row.dimension === -1)!;
    const counts = new Map<TDimension, FacetCount[]>(dimensions.map((dimension) => [dimension, []]));
    for (const row of rows) {
      if (row.dimension >= 0) counts.get(dimensions[row.dimension])!.push(Object.assign(new FacetCount(), { value: row.value!, count: row.count }));
    }
    // UNION ALL keeps no order across branches: sort each dimension as its branch did.
    for (const list of counts.values()) list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    return { rows: meta.count, estimate: Number(meta.estimate), lastBlock: Number(meta.last), inOrder: meta.ordered !== false, counts };
  }
}

/** The order value that ranks by relevance; every searchable list's order enum has it. */
export const RELEVANCE = "RELEVANCE";

/**
 * The order a list uses: the requested one, RELEVANCE when searching without one, else `fallback`.
 * RELEVANCE without `search` is a BAD_USER_INPUT naming `orderBy`.
 */
export function chooseOrder<TOrder extends string>(orderBy: TOrder | null | undefined, search: string | undefined, fallback: TOrder): TOrder {
  if (orderBy === RELEVANCE && !search) throw badUserInput({ field: "orderBy", message: "RELEVANCE needs a search" });
  return orderBy ?? (search ? (RELEVANCE as TOrder) : fallback);
}

/** A page of a searchable list, with the facet counts of the whole list and whether its `countTotal` is an estimate. */
export type SearchablePage<T, TDimension extends string> = Page<T> & { facets: FacetCounter<TDimension>; totalApproximate: () => Promise<boolean> };

/**
 * Pages a filtered query: searched (and ranked unless another order is asked for) when `search` is
 * given, plain keyset otherwise; facets count the same rows, cursor aside. The total is exact up to
 * `TOTAL_EXACT_LIMIT` rows and estimated beyond, as facets are (counting every match grew with the table).
 */
export async function paginateSearchable<T extends ObjectLiteral & { id: string; searchMatch?: SearchMatch | null }, TDimension extends string>(
  query: SelectQueryBuilder<T>,
  window: PageWindow,
  options: {
    table: SearchableTable;
    search: string | undefined;
    order: KeysetOrder<T> | typeof RELEVANCE;
    facets: Record<TDimension, FacetDimension>;
    /** Facets are exact up to this many rows, estimated beyond (`FACET_EXACT_LIMIT` when omitted; usually `context.settings`). */
    facetExactLimit?: number;
    /** The client asks for the total (`listSelection(info).counted`): the page and the count are read in one statement. */
    counted?: boolean;
  },
): Promise<SearchablePage<T, TDimension>> {
  const search = options.search === undefined ? null : searchSql(options.table, options.search);
  if (search) applySearch(query, search);
  const filtered = query.clone() as unknown as SelectQueryBuilder<ObjectLiteral>;
  const facets = new FacetCounter<TDimension>(filtered, options.facets, options.facetExactLimit);
  const totals = new FacetCounter<never>(filtered, {}, TOTAL_EXACT_LIMIT);
  const order = options.order === RELEVANCE ? null : options.order;
  let page: Page<T> & { totalApproximate: () => Promise<boolean> };
  if (search) page = await paginateSearch(query, window, search, order, () => totals.total());
  else if (order && options.counted && window.first > 0) page = await paginateCounted(query, window, order, () => totals.total());
  else if (order) {
    page = {
      ...(await paginate(query, window, order)),
      countTotal: () => totals.total().then((total) => total.count),
      totalApproximate: () => totals.total().then((total) => total.approximate),
    };
  } else throw badUserInput({ field: "orderBy", message: "RELEVANCE needs a search" });
  return { ...page, facets };
}
