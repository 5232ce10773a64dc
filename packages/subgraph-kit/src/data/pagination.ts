import { Max, Min } from "class-validator";
import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import { createHash } from "node:crypto";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badUserInput } from "../input/errors";
import { isUuid } from "@agora-hub/runtime";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Relay page arguments shared by every list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 0 to ${MAX_PAGE_SIZE}.` })
  @Min(0, { message: "must not be negative" })
  @Max(MAX_PAGE_SIZE, { message: `must be at most ${MAX_PAGE_SIZE}` })
  first!: number;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the previous page (`pageInfo.endCursor`)." })
  after?: string | null;
}

/** The page window a loader or query needs: validated size plus an optional cursor. */
export interface PageWindow {
  first: number;
  after?: string | null;
}

@Directive("@shareable")
@ObjectType({ description: "Where a page sits in its list (Relay)." })
export class PageInfo {
  @Field({ description: "True when more items follow this page." })
  hasNextPage!: boolean;

  @Field({ description: "True when this page was requested after a cursor." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export type SortValue = string | number;

/**
 * The type of an order's sort values, declared with the order: a cursor is client input, so its sort
 * value is checked against this type before it becomes an SQL parameter.
 * - `timestamp`: a `timestamptz` column; cursors carry it as `Date.toISOString()`.
 * - `text`: a `text` column of names, at most {@link MAX_TEXT_SORT_VALUE_LENGTH} UTF-16 code units.
 * - `bigint`: an `int8` column; cursors carry it as a decimal string (as pg reads it).
 * - `number`: a finite number, e.g. a relevance score compared as `numeric`.
 */
export type SortValueType = "timestamp" | "text" | "bigint" | "number";

/** A sort value ready to be an SQL parameter of its column's type. */
export type SortParameter = string | number;

/** Position of an item in a keyset-ordered list: its sort value and its id (the tie-breaker). */
export interface CursorPosition {
  sortValue: SortValue;
  id: string;
}

/** A decoded cursor: its id, and its sort value checked and written for SQL (a timestamp as PostgreSQL reads it). */
export interface CursorParameters {
  sortValue: SortParameter;
  id: string;
}

/**
 * Longest text sort value, in UTF-16 code units: names are at most 200 characters, and the input check
 * counts a surrogate pair followed by a variation selector (an emoji) as one, so 3 × 200.
 */
export const MAX_TEXT_SORT_VALUE_LENGTH = 600;

/**
 * Longest cursor accepted, checked before decoding: 4 KiB holds any cursor the hub makes (the largest, a
 * 200-character name of escaped control characters each with a variation selector, takes under 2.5 KiB),
 * and nothing much larger reaches the decoder.
 */
export const MAX_CURSOR_LENGTH = 4096;

/** Characters of the cursor's check: 72 bits of SHA-256 in base64url. */
const CHECK_LENGTH = 12;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** What `Date.toISOString()` writes: 4-digit years, or signed 6-digit ones outside 0000–9999. */
const ISO_TIMESTAMP = /^(?:\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** PostgreSQL's earliest timestamp year is 4713 BC, year -4712 in JavaScript's reckoning (1 BC is year 0). */
const MIN_TIMESTAMP_YEAR = -4712;
/** NUL, which PostgreSQL text cannot hold, and lone surrogates, which are no character (paired ones are one code point under `u`). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this must find
const UNSTORABLE_TEXT = /[\u0000\p{Cs}]/u;
const BIGINT = /^(?:0|-?[1-9]\d{0,18})$/;
const INT8_MIN = -(2n ** 63n);
const INT8_MAX = 2n ** 63n - 1n;

/**
 * Checks a cursor's sort value against the type of its order and converts it to an SQL parameter; null
 * when it is not a value of that type. Whatever a cursor holds, only a value PostgreSQL reads as the
 * column's type gets through: a crafted cursor is a client error, never an SQL one.
 */
export function sortParameter(value: unknown, type: SortValueType): SortParameter | null {
  switch (type) {
    case "timestamp": {
      if (typeof value !== "string" || !ISO_TIMESTAMP.test(value)) return null;
      const date = new Date(value);
      // The round trip refuses impossible dates ("2026-02-30…"), which Date would roll over.
      if (Number.isNaN(date.getTime()) || date.toISOString() !== value || date.getUTCFullYear() < MIN_TIMESTAMP_YEAR) return null;
      return postgresTimestamp(date);
    }
    case "text":
      return typeof value === "string" && value.length <= MAX_TEXT_SORT_VALUE_LENGTH && !UNSTORABLE_TEXT.test(value) ? value : null;
    case "bigint":
      if (typeof value !== "string" || !BIGINT.test(value)) return null;
      return BigInt(value) >= INT8_MIN && BigInt(value) <= INT8_MAX ? value : null;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : null;
  }
}

/**
 * A timestamp as PostgreSQL reads it, in UTC: it has no year 0 nor signed years (JavaScript's year 0 is
 * 1 BC), and pg's own conversion of Dates works in local time, whose historic offsets it truncates.
 */
function postgresTimestamp(date: Date): string {
  const year = date.getUTCFullYear();
  const monthToMillisecond = date
    .toISOString()
    .replace(/^[+-]?\d+/, "")
    .slice(0, -1);
  return `${String(year < 1 ? 1 - year : year).padStart(4, "0")}${monthToMillisecond}+00:00${year < 1 ? " BC" : ""}`;
}

/** Binds a position to its list: a cursor only decodes for the list (table and order) that made it. */
function cursorCheck(list: string, sortValue: SortValue, id: string): string {
  return createHash("sha256")
    .update(JSON.stringify([list, sortValue, id]))
    .digest("base64url")
    .slice(0, CHECK_LENGTH);
}

/**
 * Opaque cursor: base64url of `[sortValue, id, check]`, stable however many rows are inserted around
 * it. `list` names the list and its order (see {@link keysetListName}); the check ties the cursor to
 * it, so a cursor of another list or order, or an edited one, is refused. The check has no secret: it
 * catches mistakes, while {@link decodeCursor}'s type checks make even a forged cursor harmless.
 */
export function encodeCursor({ sortValue, id }: CursorPosition, list: string): string {
  return Buffer.from(JSON.stringify([sortValue, id, cursorCheck(list, sortValue, id)])).toString("base64url");
}

/**
 * Decodes a client's cursor for `list`, whose sort values are of type `type`: a cursor too long, malformed,
 * of another list or order, or holding a value not of that type is a BAD_USER_INPUT naming `after`.
 */
export function decodeCursor(cursor: string, list: string, type: SortValueType): CursorParameters {
  if (cursor.length > MAX_CURSOR_LENGTH) throw notACursor(`it is longer than ${MAX_CURSOR_LENGTH} characters`);
  let decoded: unknown;
  try {
    // Buffer skips characters outside the alphabet: refuse them instead of decoding around them.
    decoded = BASE64URL.test(cursor) ? JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) : undefined;
  } catch {
    decoded = undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || !isUuid(decoded[1]) || typeof decoded[2] !== "string") throw notACursor();
  const [sortValue, id, check] = decoded as [unknown, string, string];
  if (typeof sortValue !== "string" && typeof sortValue !== "number") throw notACursor();
  if (check !== cursorCheck(list, sortValue, id)) {
    throw badUserInput({ field: "after", message: "is a cursor of another list or order: pass a cursor this list returned with the same orderBy" });
  }
  // The check has no secret: only this makes a forged cursor harmless.
  const parameter = sortParameter(sortValue, type);
  if (parameter === null) throw notACursor(`its sort value is not a ${type}`);
  return { sortValue: parameter, id };
}

function notACursor(reason?: string) {
  return badUserInput({ field: "after", message: `is not a cursor returned by this list${reason ? ` (${reason})` : ""}` });
}

/**
 * The name a keyset list goes by in its cursors: its table and order, e.g. `people.person by
 * person.display_name ASC`. Lists of the same table and order share cursors (a position in that order
 * means the same in both); any other list refuses them.
 */
export function keysetListName(table: string, orderColumn: string, direction: "ASC" | "DESC"): string {
  return `${table} by ${orderColumn} ${direction}`;
}

/** The table a query builder reads, schema-qualified when known (its alias otherwise). */
export function queryTable<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): string {
  const main = query.expressionMap.mainAlias;
  return main?.hasMetadata ? main.metadata.tablePath : query.alias;
}

/** A plain page, before it is wrapped in its GraphQL connection type. */
export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  /** Counted lazily: the count query runs only when a client selects `totalCount`. */
  countTotal: () => Promise<number>;
}

/** Turns sort values read from the database into cursor values (dates become ISO strings). */
export function toSortValue(value: unknown): SortValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "string") return value;
  return String(value);
}

/** An edge whose cursor is encoded on first read (what it needs is kept, not a closure: there is one per item). */
class LazyCursorEdge<T extends { id: string }> {
  private encoded: string | undefined;

  constructor(
    readonly node: T,
    private readonly list: string,
    private readonly sortValueOf: (row: T) => unknown,
  ) {}

  get cursor(): string {
    return (this.encoded ??= encodeCursor({ sortValue: toSortValue(this.sortValueOf(this.node)), id: this.node.id }, this.list));
  }
}

/** A page's PageInfo whose cursors are its first and last edges', read (so encoded) only when selected. */
class LazyPageInfo extends PageInfo {
  // Private, so the object's own properties are PageInfo's alone.
  readonly #edges: ReadonlyArray<{ cursor: string }>;

  constructor(hasNextPage: boolean, hasPreviousPage: boolean, edges: ReadonlyArray<{ cursor: string }>) {
    super();
    this.hasNextPage = hasNextPage;
    this.hasPreviousPage = hasPreviousPage;
    this.#edges = edges;
  }

  // @ts-expect-error PageInfo declares these as fields; here they are read-only accessors on the prototype.
  get startCursor(): string | null {
    return this.#edges[0]?.cursor ?? null;
  }

  // @ts-expect-error as startCursor
  get endCursor(): string | null {
    return this.#edges.at(-1)?.cursor ?? null;
  }
}

/** Builds a page of list `list` (its cursors' name) from rows fetched with one row more than asked for. */
export function pageFromRows<T extends { id: string }>(
  rows: T[],
  window: PageWindow,
  list: string,
  sortValueOf: (row: T) => unknown,
  countTotal: () => Promise<number>,
): Page<T> {
  const hasNextPage = rows.length > window.first;
  const nodes = rows.length > window.first ? rows.slice(0, window.first) : rows;
  // Cursors are encoded (a hash each) only when a client selects them, once each: most queries never do.
  const edges = nodes.map((node) => new LazyCursorEdge(node, list, sortValueOf));
  const pageInfo: PageInfo = new LazyPageInfo(hasNextPage, Boolean(window.after), edges);
  return {
    edges,
    pageInfo,
    countTotal,
  };
}

/** How a list is ordered: a non-null column (SQL, with its alias), its direction and value type; the id breaks ties. */
export interface KeysetOrder<T> {
  column: string;
  direction: "ASC" | "DESC";
  /** The column's type, which every cursor's sort value is checked against. */
  valueType: SortValueType;
  valueOf: (row: T) => unknown;
}

/**
 * Runs a keyset-paginated query: ordered by `order` then id, filtered after the cursor, one row over
 * the page size to know whether another page follows. The filters already on `query` also drive the count.
 */
export async function paginate<T extends { id: string }>(query: SelectQueryBuilder<T>, window: PageWindow, order: KeysetOrder<T>): Promise<Page<T>> {
  const countQuery = query.clone();
  const idColumn = `${query.alias}.id`;
  const list = keysetListName(queryTable(query), order.column, order.direction);
  if (window.after) {
    const { sortValue, id } = decodeCursor(window.after, list, order.valueType);
    const comparison = order.direction === "ASC" ? ">" : "<";
    query.andWhere(`(${order.column}, ${idColumn}) ${comparison} (:cursorSortValue, :cursorId)`, {
      cursorSortValue: sortValue,
      cursorId: id,
    });
  }
  const rows =
    window.first === 0
      ? []
      : await query
          .orderBy(order.column, order.direction)
          .addOrderBy(idColumn, order.direction)
          .limit(window.first + 1)
          .getMany();
  return pageFromRows(rows, window, list, order.valueOf, () => countQuery.getCount());
}

/**
 * Declares the GraphQL connection type for a node type; the concrete class must be decorated with
 * `@ObjectType()` and named `<Node>Connection`.
 */
export function ConnectionType<TNode extends object>(nodeType: ClassType<TNode>, nodeName: string) {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} in a page, with its cursor.` })
  class Edge {
    /** Where the cursor comes from (encoded on first read); not a GraphQL field. */
    readonly source: { readonly cursor: string; readonly node: TNode };

    constructor(source: { readonly cursor: string; readonly node: TNode }) {
      this.source = source;
      this.node = source.node;
    }

    @Field(() => String, { description: "Pass as `after` to get the items that follow this one." })
    get cursor(): string {
      return this.source.cursor;
    }

    @Field(() => nodeType)
    node: TNode;
  }

  @ObjectType()
  abstract class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    /** Counts the whole list on demand (not a GraphQL field: `totalCount` is). */
    readonly countTotal: () => Promise<number>;

    constructor(page: Page<TNode>) {
      this.edges = page.edges.map((edge) => new Edge(edge));
      this.pageInfo = page.pageInfo;
      this.countTotal = page.countTotal;
    }

    @Field(() => Int, { description: "How many items the whole list holds with the same filters." })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  return Connection;
}
