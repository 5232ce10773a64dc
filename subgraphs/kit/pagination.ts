import { Max, Min } from "class-validator";
import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
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

/** Opaque cursor: base64url of `[sortValue, id]`, stable however many rows are inserted around it. */
export function encodeCursor({ sortValue, id }: CursorPosition): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString("base64url");
}

/** Decodes a cursor from a client; a malformed one is a BAD_USER_INPUT error naming `after`. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      (typeof decoded[0] === "string" || typeof decoded[0] === "number") &&
      isUuid(decoded[1])
    ) {
      return { sortValue: decoded[0], id: decoded[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput({ field: "after", message: "is not a cursor returned by this list" });
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

/** Builds a page from rows fetched with one row more than asked for. */
export function pageFromRows<T extends { id: string }>(
  rows: T[],
  window: PageWindow,
  sortValueOf: (row: T) => unknown,
  countTotal: () => Promise<number>,
): Page<T> {
  const hasNextPage = rows.length > window.first;
  const nodes = rows.slice(0, window.first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor({ sortValue: toSortValue(sortValueOf(node)), id: node.id }) }));
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
  if (window.after) {
    const { sortValue, id } = decodeCursor(window.after);
    const comparison = order.direction === "ASC" ? ">" : "<";
    query.andWhere(`(${order.column}, ${idColumn}) ${comparison} (:cursorSortValue, :cursorId)`, {
      cursorSortValue: sortValue,
      cursorId: id,
    });
  }
  const rows = window.first === 0 ? [] : await query.orderBy(order.column, order.direction).addOrderBy(idColumn, order.direction).limit(window.first + 1).getMany();
  return pageFromRows(rows, window, order.valueOf, () => countQuery.getCount());
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
