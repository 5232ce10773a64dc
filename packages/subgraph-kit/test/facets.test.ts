import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { FACET_LIMIT, FacetCounter } from "../src/data/search";
import { Note, type NoteDatabase, openNoteDatabase } from "./note.fixture";

let db: NoteDatabase;

beforeAll(async () => {
  db = await openNoteDatabase();
});
afterAll(() => db.close());
beforeEach(() => db.dataSource.query("TRUNCATE note"));

const DIMENSIONS = { tag: { sql: "note.tags", array: true }, title: { sql: "note.title" }, parent: { sql: "note.parent_id" } };

/** A facet counter over the notes `where` keeps (all of them unless given). */
function facets(where?: string): FacetCounter<keyof typeof DIMENSIONS> {
  const query = db.dataSource.getRepository(Note).createQueryBuilder("note");
  if (where) query.where(where);
  return new FacetCounter(query as unknown as SelectQueryBuilder<ObjectLiteral>, DIMENSIONS);
}

const counts = (list: Array<{ value: string; count: number }>) => list.map(({ value, count }) => [value, count]);

describe("FacetCounter", () => {
  it("counts the values of a dimension, most frequent first, ties by value, leaving nulls out", async () => {
    await db.insert(["b", "a", "c", "a", "b", "a"].map((title) => ({ title })));
    expect(counts(await facets().count("title"))).toEqual([
      ["a", 3],
      ["b", 2],
      ["c", 1],
    ]);
    // Every note has a null parent: nothing to count.
    expect(await facets().count("parent")).toEqual([]);
  });

  it("counts each element of an array dimension", async () => {
    await db.insert([
      { title: "x", tags: ["dance", "film"] },
      { title: "y", tags: ["film"] },
      { title: "z", tags: [] },
    ]);
    expect(counts(await facets().count("tag"))).toEqual([
      ["film", 2],
      ["dance", 1],
    ]);
  });

  it("counts every dimension asked for in one tick with one query, and each once", async () => {
    await db.insert([
      { title: "x", tags: ["dance"] },
      { title: "y", tags: ["dance", "film"] },
    ]);
    const counter = facets();
    db.queries.reset();
    const [tags, titles, again] = await Promise.all([counter.count("tag"), counter.count("title"), counter.count("tag")]);
    expect(db.queries.count).toBe(1);
    expect(counts(tags)).toEqual([
      ["dance", 2],
      ["film", 1],
    ]);
    expect(counts(titles)).toEqual([
      ["x", 1],
      ["y", 1],
    ]);
    expect(again).toBe(tags);
    await counter.count("title");
    expect(db.queries.count).toBe(1);
  });

  it("counts only the rows of the filtered query", async () => {
    await db.insert([
      { title: "kept", tags: ["dance"] },
      { title: "dropped", tags: ["dance", "film"] },
    ]);
    expect(counts(await facets("note.title = 'kept'").count("tag"))).toEqual([["dance", 1]]);
  });

  it(`lists the ${FACET_LIMIT} most frequent values only`, async () => {
    await db.insert(
      Array.from({ length: FACET_LIMIT + 10 }, (_, index) => ({
        title: `t${String(index).padStart(2, "0")}`,
        tags: index < 3 ? ["common", "rare"] : ["common"],
      })),
    );
    const tags = await facets().count("title");
    expect(tags).toHaveLength(FACET_LIMIT);
    expect(counts(await facets().count("tag"))).toEqual([
      ["common", FACET_LIMIT + 10],
      ["rare", 3],
    ]);
  });

  it("rejects every dimension of a batch when its query fails", async () => {
    const counter = new FacetCounter(db.dataSource.getRepository(Note).createQueryBuilder("note") as unknown as SelectQueryBuilder<ObjectLiteral>, {
      broken: { sql: "note.no_such_column" },
      title: { sql: "note.title" },
    });
    const results = await Promise.allSettled([counter.count("broken"), counter.count("title")]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
  });
});
