import DataLoader from "dataloader";
import { type DataSource, type EntityTarget, In, type ObjectLiteral } from "typeorm";
import { isUuid, type Viewer } from "@agora-hub/runtime";
import { readableBy } from "../moderation/publication-visibility";
import { type CursorParameters, decodeCursor, type Page, type PageWindow, pageFromRows, type SortValueType } from "./pagination";

/** Reads rows of one entity by id with SQL built once, hydrating them the way TypeORM's `findBy` does. */
interface ByIdReader<T> {
  /** Reads through `dataSource` (the request's view of the one the reader was built for, whose connections it can cancel). */
  load: (dataSource: DataSource, ids: string[]) => Promise<T[]>;
  /** The entity's table, escaped (schema-qualified when known). */
  table: string;
  /** Its columns, escaped, for a SELECT list. */
  selectList: (alias: string) => string;
  /** A row holding every column under its own name, as an entity. */
  hydrate: (row: Record<string, unknown>) => T;
}

/** Column types TypeORM's PostgresDriver converts in `prepareHydratedValue`; it hands values of any other type back as pg parsed them. */
const CONVERTED_TYPES = new Set<unknown>([
  Boolean,
  Date,
  Number,
  "datetime",
  "timestamp",
  "timestamp with time zone",
  "timestamp without time zone",
  "date",
  "time",
  "vector",
  "halfvec",
  "hstore",
  "simple-array",
  "simple-json",
  "cube",
  "enum",
  "simple-enum",
]);

/** The reader behind each by-id loader, so a page of children can read its rows in the query that finds them. */
const loaderReaders = new WeakMap<DataLoader<string, unknown>, ByIdReader<ObjectLiteral>>();

// By driver: each request sees its own view of the DataSource (`dataSourceInScope`), all with the one driver.
const readers = new WeakMap<object, Map<EntityTarget<ObjectLiteral>, ByIdReader<ObjectLiteral> | null>>();

/**
 * A by-id reader for a plain entity (columns only: no relations, embeddeds, inheritance or unselected
 * columns), or null for any other, which then goes through `findBy`. The hot read path of every subgraph:
 * TypeORM's query builder re-plans the same SELECT and maps aliased columns on every batch, which costs more
 * CPU than the query itself; here the statement is built once per entity and each row is hydrated exactly as
 * TypeORM does (a new instance per row, each column through the driver's `prepareHydratedValue`, so
 * transformers and type conversions are the same).
 */
function byIdReader<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>): ByIdReader<T> | null {
  let perSource = readers.get(dataSource.driver);
  if (!perSource) readers.set(dataSource.driver, (perSource = new Map()));
  if (perSource.has(entity)) return perSource.get(entity) as ByIdReader<T> | null;
  const metadata = dataSource.getMetadata(entity);
  const plain =
    metadata.relations.length === 0 &&
    metadata.embeddeds.length === 0 &&
    metadata.childEntityMetadatas.length === 0 &&
    !metadata.discriminatorColumn &&
    metadata.tableType === "regular" &&
    metadata.primaryColumns.length === 1 &&
    metadata.primaryColumns[0].databaseName === "id" &&
    metadata.columns.every((column) => !column.isVirtual && !column.isVirtualProperty && column.isSelect && !column.relationMetadata);
  let reader: ByIdReader<T> | null = null;
  if (plain) {
    const driver = dataSource.driver;
    const columns = metadata.columns;
    const names = columns.map((column) => column.databaseName);
    const table = metadata.tablePath
      .split(".")
      .map((part) => driver.escape(part))
      .join(".");
    const sql = `SELECT ${names.map((name) => driver.escape(name)).join(", ")} FROM ${table} WHERE ${driver.escape("id")} = ANY($1)`;
    const properties = columns.map((column) => column.propertyName);
    // Columns whose value the driver hands back unchanged (no transformer, a type it does not convert) skip
    // `prepareHydratedValue`; every column of a plain entity is set as `setEntityValue` sets it, by property.
    const unchanged = columns.map((column) => driver.options.type === "postgres" && !column.transformer && !CONVERTED_TYPES.has(column.type));
    const hydrate = (row: Record<string, unknown>): T => {
      const hydrated = metadata.create(undefined, { fromDeserializer: true }) as Record<string, unknown>;
      for (let index = 0; index < columns.length; index++) {
        const value = row[names[index]];
        if (value !== undefined) hydrated[properties[index]] = unchanged[index] ? value : driver.prepareHydratedValue(value, columns[index]);
      }
      return hydrated as T;
    };
    reader = {
      table,
      selectList: (alias) => names.map((name) => `${alias}.${driver.escape(name)}`).join(", "),
      hydrate,
      load: async (source, ids) => {
        const rows: Array<Record<string, unknown>> = await source.query(sql, [ids]);
        return rows.map(hydrate);
      },
    };
  }
  perSource.set(entity as EntityTarget<ObjectLiteral>, reader as ByIdReader<ObjectLiteral> | null);
  return reader;
}

/**
 * Per-request loader of entities by id: one query per batch, answers in key order, `null` for ids that
 * are unknown or malformed (a malformed id never reaches SQL).
 */
export function createByIdLoader<T extends ObjectLiteral & { id: string }>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  /** For moderated records: the viewer, who gets null for a record they may not read (`canReadRecord`). */
  viewer?: Viewer,
): DataLoader<string, T | null> {
  const reader = byIdReader(dataSource, entity);
  const loader = new DataLoader<string, T | null>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows =
      valid.length === 0 ? [] : reader ? await reader.load(dataSource, valid) : await dataSource.getRepository(entity).findBy({ id: In(valid) } as never);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const found = ids.map((id) => byId.get(id) ?? null);
    return viewer ? readableBy(viewer, found) : found;
  });
  if (reader) loaderReaders.set(loader as DataLoader<string, unknown>, reader);
  return loader;
}

/**
 * Per-request loader of ids by a foreign key, for small bounded lists (an event's organisers): one
 * query per batch, answers in key order, ordered by `orderColumn` within each parent.
 */
export function createIdsByParentLoader(
  dataSource: DataSource,
  source: { table: string; parentColumn: string; childColumn: string; orderColumn: string; limit: number },
): DataLoader<string, string[]> {
  return new DataLoader(async (parentIds) => {
    const valid = parentIds.filter(isUuid);
    const rows: Array<{ parent_id: string; child_id: string }> =
      valid.length === 0
        ? []
        : await dataSource.query(
            `SELECT parent_id, child_id FROM (
               SELECT ${source.parentColumn} AS parent_id, ${source.childColumn} AS child_id,
                      row_number() OVER (PARTITION BY ${source.parentColumn} ORDER BY ${source.orderColumn}) AS rank
                 FROM ${source.table} WHERE ${source.parentColumn} = ANY($1)
             ) ranked WHERE rank <= $2 ORDER BY parent_id, rank`,
            [valid, source.limit],
          );
    const byParent = new Map<string, string[]>();
    for (const row of rows) {
      const children = byParent.get(row.parent_id);
      if (children) children.push(row.child_id);
      else byParent.set(row.parent_id, [row.child_id]);
    }
    return parentIds.map((id) => byParent.get(id) ?? []);
  });
}

/** Where the children of a parent live, in SQL: table (with joins), parent key and keyset order. */
export interface ChildrenSource {
  /** FROM clause, e.g. `membership m` or `event e JOIN event_organiser eo ON eo.event_id = e.id`. */
  from: string;
  /** Column holding the parent's id, e.g. `m.organisation_id`. */
  parentColumn: string;
  /** The child's id column, e.g. `m.id`. */
  idColumn: string;
  /** A non-null column ordering children of one parent, e.g. `m.created_at`. */
  sortColumn: string;
  /** The sort column's type, which every cursor's sort value is checked against. */
  sortValueType: SortValueType;
  direction: "ASC" | "DESC";
  /** A further condition on the rows, e.g. `publishedOnly("e")` for moderated children. */
  where?: string;
}

export interface ChildrenPageKey extends PageWindow {
  parentId: string;
}

/**
 * Per-request loader of one page of children for many parents at once: `Organisation.members` for a
 * page of 100 organisations costs one query (each parent's page with its total, and the rows when the
 * by-id loader's entity is plain; else the rows by id in a second), the same as for one. Keys with different page windows are grouped and each group is one batch.
 */
export function createChildrenPageLoader<T extends { id: string }>(
  dataSource: DataSource,
  source: ChildrenSource,
  byId: DataLoader<string, T | null>,
  sortValueOf: (row: T) => unknown,
): DataLoader<ChildrenPageKey, Page<T>, string> {
  const list = childrenListName(source);
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, ChildrenPageKey[]>();
      for (const key of keys) {
        const windowKey = JSON.stringify([key.first, key.after ?? null]);
        const group = groups.get(windowKey);
        if (group) group.push(key);
        else groups.set(windowKey, [key]);
      }
      const pages = new Map<ChildrenPageKey, Page<T> | Error>();
      for (const group of groups.values()) {
        // A bad cursor fails only the keys that carry it, not the other pages of the batch.
        const cursor = cursorOf(group[0].after, list, source.sortValueType);
        if (cursor instanceof Error) {
          for (const key of group) pages.set(key, cursor);
          continue;
        }
        const loaded = await loadChildrenPages(dataSource, source, list, group, cursor, byId, sortValueOf);
        group.forEach((key, index) => pages.set(key, loaded[index]));
      }
      return keys.map((key) => pages.get(key)!);
    },
    // The id is client input of any length, so it is length-prefixed; `first` is an integer, `after` comes last.
    { cacheKeyFn: (key) => `${String(key.parentId).length}:${key.parentId}:${key.first}:${key.after == null ? "-" : `+${key.after}`}` },
  );
}

/** The name a list of children goes by in its cursors: its rows, parent and order. */
function childrenListName(source: ChildrenSource): string {
  return `${source.from} of ${source.parentColumn} by ${source.sortColumn} ${source.direction}`;
}

/** The decoded cursor of a page window, null without one, or the client error it is. */
function cursorOf(after: string | null | undefined, list: string, type: SortValueType): CursorParameters | null | Error {
  if (!after) return null;
  try {
    return decodeCursor(after, list, type);
  } catch (error) {
    return error as Error;
  }
}

async function loadChildrenPages<T extends { id: string }>(
  dataSource: DataSource,
  source: ChildrenSource,
  list: string,
  keys: ChildrenPageKey[],
  cursor: CursorParameters | null,
  byId: DataLoader<string, T | null>,
  sortValueOf: (row: T) => unknown,
): Promise<Array<Page<T>>> {
  const { first, after } = keys[0];
  const parentIds = [...new Set(keys.map((key) => key.parentId).filter(isUuid))];
  const comparison = source.direction === "ASC" ? ">" : "<";
  // With a plain entity behind `byId`, the page's rows come in the same statement (one round trip, not two).
  const reader = loaderReaders.get(byId as DataLoader<string, unknown>) as ByIdReader<T> | undefined;
  const ranked = `SELECT parent_id, id, total, rank FROM (
             SELECT counted.*, row_number() OVER (PARTITION BY parent_id ORDER BY sort_value ${source.direction}, id ${source.direction}) AS rank
               FROM (
                 SELECT ${source.parentColumn} AS parent_id, ${source.idColumn} AS id, ${source.sortColumn} AS sort_value,
                        count(*) OVER (PARTITION BY ${source.parentColumn}) AS total
                   FROM ${source.from} WHERE ${source.parentColumn} = ANY($1)${source.where ? ` AND ${source.where}` : ""}
               ) counted
              ${cursor ? `WHERE (sort_value, id) ${comparison} ($3, $4)` : ""}
           ) ranked WHERE rank <= $2`;
  const rows: Array<Record<string, unknown> & { page_parent_id: string; page_child_id: string; page_total: string }> =
    parentIds.length === 0 || first === 0
      ? []
      : await dataSource.query(
          reader
            ? `SELECT page.parent_id AS page_parent_id, page.id AS page_child_id, page.total AS page_total, ${reader.selectList("child")}
                 FROM (${ranked}) page JOIN ${reader.table} child ON child.id = page.id ORDER BY page.parent_id, page.rank`
            : `SELECT parent_id AS page_parent_id, id AS page_child_id, total AS page_total FROM (${ranked}) page ORDER BY parent_id, rank`,
          cursor ? [parentIds, first + 1, cursor.sortValue, cursor.id] : [parentIds, first + 1],
        );
  let nodes: Array<T | null | Error>;
  if (reader) {
    nodes = rows.map((row) => reader.hydrate(row));
    for (const node of nodes as T[]) byId.prime(node.id, node);
  } else {
    nodes = await byId.loadMany(rows.map((row) => row.page_child_id));
  }
  const childrenByParent = new Map<string, T[]>();
  rows.forEach((row, index) => {
    const node = nodes[index];
    if (!node || node instanceof Error) return;
    const children = childrenByParent.get(row.page_parent_id);
    if (children) children.push(node);
    else childrenByParent.set(row.page_parent_id, [node]);
  });
  const totals = new Map(rows.map((row) => [row.page_parent_id, Number(row.page_total)]));
  // Parents whose page after the cursor is empty have no row to carry their total: count them all
  // in one query, and only if a client asks for totalCount.
  const uncounted = parentIds.filter((id) => !totals.has(id));
  let missingTotals: Promise<Map<string, number>> | undefined;
  const countMissing = () => (missingTotals ??= countChildren(dataSource, source, cursor || first === 0 ? uncounted : []));
  return keys.map((key) => {
    const children = childrenByParent.get(key.parentId) ?? [];
    const total = totals.get(key.parentId);
    const countTotal = total !== undefined ? () => Promise.resolve(total) : async () => (await countMissing()).get(key.parentId) ?? 0;
    return pageFromRows(children, { first, after }, list, sortValueOf, countTotal);
  });
}

/** Counts the children of several parents in one query; parents without children are absent. */
async function countChildren(dataSource: DataSource, source: ChildrenSource, parentIds: string[]): Promise<Map<string, number>> {
  if (parentIds.length === 0) return new Map();
  const rows: Array<{ parent_id: string; count: string }> = await dataSource.query(
    `SELECT ${source.parentColumn} AS parent_id, count(*) AS count FROM ${source.from} WHERE ${source.parentColumn} = ANY($1) GROUP BY 1`,
    [parentIds],
  );
  return new Map(rows.map((row) => [row.parent_id, Number(row.count)]));
}
