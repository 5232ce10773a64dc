import { type KeysetOrder, paginate, type PageWindow, type SortValueType } from "../src/data/pagination";
import { EXTREME_SORT_VALUES, forgeCursor, sortValueCases } from "../src/testing";
import { Note, type NoteDatabase, openNoteDatabase } from "./note.fixture";

let db: NoteDatabase;

beforeAll(async () => {
  db = await openNoteDatabase();
});
afterAll(() => db.close());
beforeEach(() => db.dataSource.query("TRUNCATE note"));

const BY_TITLE: KeysetOrder<Note> = { column: "note.title", direction: "ASC", valueType: "text", valueOf: (note) => note.title };
const NEWEST: KeysetOrder<Note> = { column: "note.created_at", direction: "DESC", valueType: "timestamp", valueOf: (note) => note.createdAt };
const BY_RANK: KeysetOrder<Note> = { column: "note.rank", direction: "ASC", valueType: "bigint", valueOf: (note) => note.rank };

const page = (window: PageWindow, order: KeysetOrder<Note> = BY_TITLE) => paginate(db.dataSource.getRepository(Note).createQueryBuilder("note"), window, order);

/** Every page of a list, `first` at a time, with the ids in the order they came. */
async function walk(order: KeysetOrder<Note>, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const current: Awaited<ReturnType<typeof page>> = await page({ first, after }, order);
    ids.push(...current.edges.map((edge) => edge.node.id));
    if (!current.pageInfo.hasNextPage) return ids;
    after = current.pageInfo.endCursor;
  }
  throw new Error("the list did not end");
}

const afterError = (message: RegExp) => ({
  message: expect.stringMatching(message),
  extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "after" }),
});

describe("paginate", () => {
  it("walks the list in keyset order, ties broken by id, without repeats or gaps", async () => {
    const notes = await db.insert(["b", "a", "b", "c", "b", "a", "c"].map((title) => ({ title })));
    const expected = [...notes].sort((x, y) => (x.title === y.title ? (x.id < y.id ? -1 : 1) : x.title < y.title ? -1 : 1)).map((note) => note.id);
    expect(await walk(BY_TITLE, 2)).toEqual(expected);
    expect(await walk(BY_TITLE, 1)).toEqual(expected);
  });

  it("pages rows sharing one timestamp in descending order by id", async () => {
    // One INSERT: every row gets the same created_at.
    const notes = await db.insert(Array.from({ length: 5 }, (_, index) => ({ title: `n${index}` })));
    expect(new Set(notes.map((note) => note.createdAt.getTime())).size).toBe(1);
    expect(await walk(NEWEST, 2)).toEqual(
      notes
        .map((note) => note.id)
        .sort()
        .reverse(),
    );
  });

  it("keeps a cursor's place when rows are inserted before it", async () => {
    await db.insert(["b", "c", "d", "e"].map((title) => ({ title })));
    const first = await page({ first: 2 });
    await db.insert([{ title: "a" }]);
    const next = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(next.edges.map((edge) => edge.node.title)).toEqual(["d", "e"]);
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("counts the filtered list only when asked, ignoring the cursor", async () => {
    await db.insert(["a", "b", "c"].map((title) => ({ title })));
    const first = await page({ first: 1 });
    db.queries.reset();
    const next = await page({ first: 1, after: first.pageInfo.endCursor });
    expect(db.queries.count).toBe(1);
    expect(await next.countTotal()).toBe(3);
    expect(db.queries.count).toBe(2);
  });

  it("answers first: 0 with no rows and no query for them", async () => {
    await db.insert([{ title: "a" }]);
    db.queries.reset();
    const empty = await page({ first: 0 });
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null, endCursor: null });
    expect(db.queries.count).toBe(0);
  });

  it.each([
    ["the same column in the other direction", { ...BY_TITLE, direction: "DESC" as const }],
    ["another order", NEWEST],
  ])("refuses a cursor used with %s, naming after", async (_label, order) => {
    await db.insert(["a", "b"].map((title) => ({ title })));
    const { pageInfo } = await page({ first: 1 });
    await expect(page({ first: 1, after: pageInfo.endCursor }, order)).rejects.toMatchObject(afterError(/another list or order/));
  });

  it("refuses a cursor of another table ordered by a column of the same name", async () => {
    await db.insert([{ title: "a" }, { title: "b" }]);
    // The list name holds the table: a cursor made for another table fits no list of `kit_notes.note`.
    await expect(page({ first: 1, after: forgeCursor("kit_notes.other by note.title ASC", "a") })).rejects.toMatchObject(afterError(/another list or order/));
  });

  it("reads an empty after as no cursor: the first page", async () => {
    await db.insert([{ title: "a" }]);
    expect((await page({ first: 1, after: "" })).pageInfo).toMatchObject({ hasPreviousPage: false, startCursor: expect.any(String) });
  });

  it.each([
    ["base64 of no cursor", "bm90IGEgY3Vyc29y"],
    ["characters outside base64url", "!!!"],
    ["a cursor longer than any the kit makes", "x".repeat(5000)],
  ])("refuses %s, naming after, before any SQL", async (_label, cursor) => {
    db.queries.reset();
    await expect(page({ first: 1, after: cursor })).rejects.toMatchObject(afterError(/is not a cursor returned by this list/));
    expect(db.queries.count).toBe(0);
  });

  const ORDERS: Partial<Record<SortValueType, KeysetOrder<Note>>> = { text: BY_TITLE, timestamp: NEWEST, bigint: BY_RANK };
  it.each(sortValueCases(EXTREME_SORT_VALUES).filter(([type]) => type in ORDERS))(
    "takes a forged %s cursor holding the extreme %s as a mere position, which PostgreSQL reads as its column's type",
    async (type, _label, value) => {
      await db.insert([{ title: "a", rank: "5" }]);
      const order = ORDERS[type]!;
      const result = await page({ first: 5, after: forgeCursor(`kit_notes.note by ${order.column} ${order.direction}`, value) }, order);
      expect(result.edges.length).toBeLessThanOrEqual(1);
    },
  );
});
