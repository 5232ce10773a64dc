import { bulkInsert } from "../src/data/bulk-insert";
import { Note, type NoteDatabase, openNoteDatabase } from "./note.fixture";

let db: NoteDatabase;

beforeAll(async () => {
  db = await openNoteDatabase();
});
afterAll(() => db.close());
beforeEach(() => db.dataSource.query("TRUNCATE note"));

const note = (fields: Partial<Note> & { title: string }): Note => Object.assign(new Note(), { tags: [], rank: "0", data: null, parentId: null, ...fields });
const inserts = () => db.queries.statements.filter((statement) => statement.startsWith("INSERT"));

describe("bulkInsert", () => {
  it("writes every row with one INSERT per chunk", async () => {
    db.queries.reset();
    await bulkInsert(
      db.dataSource.manager,
      Note,
      Array.from({ length: 7 }, (_, index) => note({ title: `n${index}` })),
      3,
    );
    expect(inserts()).toHaveLength(3);
    const [{ count }] = await db.dataSource.query("SELECT count(*)::int AS count FROM note");
    expect(count).toBe(7);
  });

  it("sends nothing for no rows", async () => {
    db.queries.reset();
    await bulkInsert(db.dataSource.manager, Note, []);
    expect(db.queries.count).toBe(0);
  });

  it("keeps arrays, nested jsonb, int8 and nulls as given, and lets the database default what no row sets", async () => {
    const data = { nested: [[1, 2], ["a"]], text: "Zoë 😀" };
    await bulkInsert(db.dataSource.manager, Note, [
      note({ title: "full", tags: ["dance", 'film, "quoted"'], rank: "9223372036854775807", data }),
      note({ title: "empty", tags: [], rank: "-1", data: null }),
    ]);
    const rows = await db.dataSource.getRepository(Note).find({ order: { title: "DESC" } });
    expect(rows.map(({ title, tags, rank, data: value, parentId }) => ({ title, tags, rank, data: value, parentId }))).toEqual([
      { title: "full", tags: ["dance", 'film, "quoted"'], rank: "9223372036854775807", data, parentId: null },
      { title: "empty", tags: [], rank: "-1", data: null, parentId: null },
    ]);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    }
  });

  it("keeps a creation time a row sets and gives now() to the rows of its chunk that leave it out", async () => {
    const createdAt = new Date("2020-02-02T02:02:02.020Z");
    await bulkInsert(db.dataSource.manager, Note, [note({ title: "old", createdAt }), note({ title: "new" })]);
    const rows = await db.dataSource.getRepository(Note).find({ order: { title: "DESC" } });
    expect(rows[0].createdAt.toISOString()).toBe(createdAt.toISOString());
    expect(Math.abs(rows[1].createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("writes all of a chunk or none of it", async () => {
    await expect(bulkInsert(db.dataSource.manager, Note, [note({ title: "fine" }), note({ title: null as unknown as string })])).rejects.toThrow(/null value/);
    const [{ count }] = await db.dataSource.query("SELECT count(*)::int AS count FROM note");
    expect(count).toBe(0);
  });
});
