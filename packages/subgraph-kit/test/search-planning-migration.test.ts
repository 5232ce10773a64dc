import type { DataSource } from "typeorm";
import { defineMigration } from "../src/data/migration";
import { searchMigration, searchPlanningMigration } from "../src/data/search-migration";
import { migrateTestDatabase } from "../src/testing/test-database";

const CreateHall1700000000000 = defineMigration({
  name: "CreateHall",
  timestamp: 1700000000000,
  async up(runner) {
    await runner.query(`CREATE TABLE hall (id serial PRIMARY KEY, title jsonb NOT NULL, tags text[] NOT NULL DEFAULT '{}')`);
    await runner.query(`CREATE INDEX hall_tags ON hall USING gin (tags)`);
  },
  async down(runner) {
    await runner.query(`DROP TABLE hall`);
  },
});

let dataSource: DataSource;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ dataSource, close } = await migrateTestDatabase("kit_search_planning", [
    CreateHall1700000000000,
    searchMigration({ name: "AddHallSearch", timestamp: 1700000000001, table: "hall", texts: [{ column: "title", kind: "localized", weight: "A" }] }),
    searchPlanningMigration({ name: "TuneHallSearch", timestamp: 1700000000002, table: "hall" }),
  ]));
});

afterAll(() => close?.());

async function indexOptions(): Promise<Record<string, string[] | null>> {
  const rows = (await dataSource.query(
    `SELECT i.relname AS name, i.reloptions AS options FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = 'kit_search_planning.hall'::regclass AND i.relam = (SELECT oid FROM pg_am WHERE amname = 'gin') ORDER BY 1`,
  )) as Array<{ name: string; options: string[] | null }>;
  return Object.fromEntries(rows.map((row) => [row.name, row.options]));
}

async function wordSimilarityCost(): Promise<number> {
  const rows = (await dataSource.query(`SELECT procost FROM pg_proc WHERE oid = 'public.word_similarity_op(text, text)'::regprocedure`)) as Array<{
    procost: number;
  }>;
  return Number(rows[0].procost);
}

describe("searchPlanningMigration", () => {
  it("keeps the pending list of every GIN index of the table short, search indexes and others alike", async () => {
    expect(await indexOptions()).toEqual({
      hall_search_name: ["gin_pending_list_limit=64"],
      hall_search_vector: ["gin_pending_list_limit=64"],
      hall_tags: ["gin_pending_list_limit=64"],
    });
  });

  it("costs word similarity above a plain comparison, so the planner answers a trigram match with the index", async () => {
    expect(await wordSimilarityCost()).toBe(100);
  });

  it("gives the indexes back their default pending list when undone", async () => {
    await dataSource.undoLastMigration({ transaction: "each" });
    expect(await indexOptions()).toEqual({ hall_search_name: null, hall_search_vector: null, hall_tags: null });
    expect(await wordSimilarityCost()).toBe(1);
  });
});
