import { Max, Min } from "class-validator";
import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import { createHash } from "node:crypto";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badUserInput } from "./errors";
import { isUuid } from "./ids";

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

/** Position of an item in a keyset-ordered list: its sort value and its id (the tie-breaker). */
export interface CursorPosition {
  sortValue: SortValue;
  id: string;
}

/** Characters of the cursor's check: 72 bits of SHA-256 in base64url. */
const CHECK_LENGTH = 12;

/** Binds a position to its list: a cursor only decodes for the list (table and order) that made it. */
function cursorCheck(list: string, sortValue: SortValue, id: string): string {
  return createHash("sha256").update(JSON.stringify([list, sortValue, id])).digest("base64url").slice(0, CHECK_LENGTH);
}

/**
 * Opaque cursor: base64url of `[sortValue, id, check]`, stable however many rows are inserted around
 * it. `list` names the list and its order (see {@link keysetListName}); the check ties the cursor to
 * it, so a cursor of another list or order, or an edited one, is refused instead of reaching SQL with
 * a value of the wrong type.
 */
export function encodeCursor({ sortValue, id }: CursorPosition, list: string): string {
  return Buffer.from(JSON.stringify([sortValue, id, cursorCheck(list, sortValue, id)])).toString("base64url");
}

/** Decodes a client's cursor for `list`; a malformed one, or one of another list or order, is a BAD_USER_INPUT naming `after`. */
export function decodeCursor(cursor: string, list: string): CursorPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 3 &&
    (typeof decoded[0] === "string" || (typeof decoded[0] === "number" && Number.isFinite(decoded[0]))) &&
    isUuid(decoded[1]) &&
    typeof decoded[2] === "string"
  ) {
    const [sortValue, id, check] = decoded as [SortValue, string, string];
    if (check === cursorCheck(list, sortValue, id)) return { sortValue, id };
    throw badUserInput({ field: "after", message: "is a cursor of another list or order: pass a cursor this list returned with the same orderBy" });
  }
  throw badUserInput({ field: "after", message: "is not a cursor returned by this list" });
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

/** Builds a page of list `list` (its cursors' name) from rows fetched with one row more than asked for. */
export function pageFromRows<T extends { id: string }>(
  rows: T[],
  window: PageWindow,
  list: string,
  sortValueOf: (row: T) => unknown,
  countTotal: () => Promise<number>,
): Page<T> {
  const hasNextPage = rows.length > window.first;
  const nodes = rows.slice(0, window.first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor({ sortValue: toSortValue(sortValueOf(node)), id: node.id }, list) }));
  return {
    edges,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage,
      hasPreviousPage: Boolean(window.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
    countTotal,
  };
}

/** How a list is ordered: a non-null column (SQL, with its alias) and its direction; the id breaks ties. */
export interface KeysetOrder<T> {
  column: string;
  direction: "ASC" | "DESC";
  valueOf: (row: T) => unknown;
}

/**
 * Runs a keyset-paginated query: ordered by `order` then id, filtered after the cursor, one row over
 * the page size to know whether another page follows. The filters already on `query` also drive the count.
 */
export async function paginate<T extends { id: string }>(
  query: SelectQueryBuilder<T>,
  window: PageWindow,
  order: KeysetOrder<T>,
): Promise<Page<T>> {
  const countQuery = query.clone();
  const idColumn = `${query.alias}.id`;
  const list = keysetListName(queryTable(query), order.column, order.direction);
  if (window.after) {
    const { sortValue, id } = decodeCursor(window.after, list);
    const comparison = order.direction === "ASC" ? ">" : "<";
    query.andWhere(`(${order.column}, ${idColumn}) ${comparison} (:cursorSortValue, :cursorId)`, {
      cursorSortValue: sortValue,
      cursorId: id,
    });
  }
  const rows = window.first === 0 ? [] : await query.orderBy(order.column, order.direction).addOrderBy(idColumn, order.direction).limit(window.first + 1).getMany();
  return pageFromRows(rows, window, list, order.valueOf, () => countQuery.getCount());
}

/**
 * Declares the GraphQL connection type for a node type; the concrete class must be decorated with
 * `@ObjectType()` and named `<Node>Connection`.
 */
export function ConnectionType<TNode extends object>(nodeType: ClassType<TNode>, nodeName: string) {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} in a page, with its cursor.` })
  class Edge {
    @Field({ description: "Pass as `after` to get the items that follow this one." })
    cursor!: string;

    @Field(() => nodeType)
    node!: TNode;
  }

  @ObjectType()
  abstract class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    private readonly countTotal: () => Promise<number>;

    constructor(page: Page<TNode>) {
      this.edges = page.edges.map((edge) => Object.assign(new Edge(), edge));
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
