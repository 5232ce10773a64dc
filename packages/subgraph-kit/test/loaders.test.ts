import { createByIdLoader, createChildrenPageLoader, createIdsByParentLoader, type ChildrenSource } from "../src/data/loaders";
import { Note, type NoteDatabase, openNoteDatabase } from "./note.fixture";

let db: NoteDatabase;

beforeAll(async () => {
  db = await openNoteDatabase();
});
afterAll(() => db.close());
beforeEach(() => db.dataSource.query("TRUNCATE note"));

const UNKNOWN = "6f1c1f6e-0000-4000-8000-000000000000";
const minutesAgo = (minutes: number) => new Date(Date.UTC(2026, 0, 1) - minutes * 60_000);

describe("createByIdLoader", () => {
  it("answers one value per key, in key order, null for unknown and malformed ids, with one query", async () => {
    const [a, b] = await db.insert([{ title: "a" }, { title: "b" }]);
    const loader = createByIdLoader(db.dataSource, Note);
    db.queries.reset();
    const answers = await loader.loadMany([b.id, UNKNOWN, a.id, "not-a-uuid", b.id]);
    expect(answers.map((note) => (note instanceof Error ? note : (note?.title ?? null)))).toEqual(["b", null, "a", null, "b"]);
    expect(db.queries.count).toBe(1);
  });

  it("hydrates each note exactly as TypeORM's findBy does: same class, same values of every column type", async () => {
    const [a, b] = await db.insert([
      { title: "a", tags: ["x", "y"], rank: "9007199254740993", data: { nested: [1, "two"] }, parentId: UNKNOWN },
      { title: "b", tags: [], data: null },
    ]);
    const loaded = await createByIdLoader(db.dataSource, Note).loadMany([a.id, b.id]);
    const found = await db.dataSource.getRepository(Note).findBy([{ id: a.id }, { id: b.id }]);
    const byId = new Map(found.map((note) => [note.id, note]));
    expect(loaded.every((note) => note instanceof Note)).toBe(true);
    expect(loaded).toEqual([byId.get(a.id), byId.get(b.id)]);
  });

  it("sends no SQL when no key is a UUID", async () => {
    const loader = createByIdLoader(db.dataSource, Note);
    db.queries.reset();
    expect(await loader.loadMany(["1", "'; DROP TABLE note; --"])).toEqual([null, null]);
    expect(db.queries.count).toBe(0);
  });
});

describe("createIdsByParentLoader", () => {
  it("answers each parent's child ids in order, at most `limit`, [] for parents without children, with one query", async () => {
    const [first, second, empty] = await db.insert([{ title: "parent 1" }, { title: "parent 2" }, { title: "parent 3" }]);
    const children = await db.insert([
      { title: "c", parentId: first.id },
      { title: "a", parentId: first.id },
      { title: "b", parentId: first.id },
      { title: "z", parentId: second.id },
    ]);
    const byTitle = new Map(children.map((child) => [child.title, child.id]));
    const loader = createIdsByParentLoader(db.dataSource, { table: "note", parentColumn: "parent_id", childColumn: "id", orderColumn: "title", limit: 2 });
    db.queries.reset();
    expect(await Promise.all([second.id, empty.id, first.id, "nope"].map((id) => loader.load(id)))).toEqual([
      [byTitle.get("z")],
      [],
      [byTitle.get("a"), byTitle.get("b")],
      [],
    ]);
    expect(db.queries.count).toBe(1);
  });
});

describe("createChildrenPageLoader", () => {
  const source: ChildrenSource = {
    from: "note",
    parentColumn: "parent_id",
    idColumn: "id",
    sortColumn: "created_at",
    sortValueType: "timestamp",
    direction: "DESC",
  };
  const loaders = () => {
    const byId = createByIdLoader(db.dataSource, Note);
    return createChildrenPageLoader(db.dataSource, source, byId, (note) => note.createdAt);
  };
  let parents: Note[];

  beforeEach(async () => {
    parents = await db.insert([{ title: "parent 1" }, { title: "parent 2" }, { title: "parent 3" }]);
    // Parent 1 has five children, newest first c0…c4; parent 2 one; parent 3 none.
    await db.insert([
      ...Array.from({ length: 5 }, (_, index) => ({ title: `c${index}`, parentId: parents[0].id, createdAt: minutesAgo(index) })),
      { title: "only", parentId: parents[1].id, createdAt: minutesAgo(1) },
    ]);
  });

  const titles = (page: { edges: Array<{ node: Note }> }) => page.edges.map((edge) => edge.node.title);

  it("pages the children of many parents with one query, however many parents", async () => {
    const loader = loaders();
    db.queries.reset();
    const pages = await Promise.all(parents.map((parent) => loader.load({ parentId: parent.id, first: 2 })));
    expect(pages.map(titles)).toEqual([["c0", "c1"], ["only"], []]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, false, false]);
    expect(db.queries.count).toBe(1);
    expect(await Promise.all(pages.map((page) => page.countTotal()))).toEqual([5, 1, 0]);
  });

  it("continues after a page's end cursor without repeats or gaps", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<ReturnType<typeof loaders>["load"]>> = await loaders().load({ parentId: parents[0].id, first: 2, after });
      seen.push(...titles(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(["c0", "c1", "c2", "c3", "c4"]);
  });

  it("fails only the keys whose cursor is bad, with BAD_USER_INPUT naming after", async () => {
    const loader = loaders();
    const [bad, good] = await Promise.allSettled([
      loader.load({ parentId: parents[0].id, first: 2, after: "bm90IGEgY3Vyc29y" }),
      loader.load({ parentId: parents[1].id, first: 2 }),
    ]);
    expect(bad).toMatchObject({ status: "rejected", reason: { extensions: { code: "BAD_USER_INPUT", field: "after" } } });
    expect(good.status === "fulfilled" && titles(good.value)).toEqual(["only"]);
  });

  it("refuses a cursor of another list of children", async () => {
    const byTitle = createChildrenPageLoader(
      db.dataSource,
      { ...source, sortColumn: "title", sortValueType: "text", direction: "ASC" },
      createByIdLoader(db.dataSource, Note),
      (note) => note.title,
    );
    const { pageInfo } = await byTitle.load({ parentId: parents[0].id, first: 1 });
    await expect(loaders().load({ parentId: parents[0].id, first: 1, after: pageInfo.endCursor })).rejects.toMatchObject({
      message: expect.stringMatching(/another list or order/),
      extensions: { code: "BAD_USER_INPUT", field: "after" },
    });
  });

  it("answers an empty page for first: 0 without reading the children, and still counts them", async () => {
    const loader = loaders();
    db.queries.reset();
    const page = await loader.load({ parentId: parents[0].id, first: 0 });
    expect(page.edges).toEqual([]);
    expect(db.queries.count).toBe(0);
    expect(await page.countTotal()).toBe(5);
  });
});
