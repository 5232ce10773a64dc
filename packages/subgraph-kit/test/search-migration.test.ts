import type { DataSource } from "typeorm";
import { defineMigration } from "../src/data/migration";
import { searchMigration, type SearchMigrationOptions } from "../src/data/search-migration";
import { migrateTestDatabase } from "../src/testing/test-database";

const CreateVenue1700000000000 = defineMigration({
  name: "CreateVenue",
  timestamp: 1700000000000,
  async up(runner) {
    await runner.query(`CREATE TABLE venue (id serial PRIMARY KEY, title jsonb NOT NULL, city text)`);
    // A row from before search existed: the search migration must fill its columns.
    await runner.query(`INSERT INTO venue (title, city) VALUES ('{"translations": [{"lang": "fr", "value": "Théâtre du Châtelet"}]}', 'Paris')`);
  },
  async down(runner) {
    await runner.query(`DROP TABLE venue`);
  },
});

const venueSearch: SearchMigrationOptions = {
  name: "AddVenueSearch",
  timestamp: 1700000000001,
  table: "venue",
  nameColumn: "title",
  // Listed out of weight order on purpose: the vector still ranks by weight.
  texts: [
    { column: "city", kind: "optional-text", weight: "D" },
    { column: "title", kind: "localized", weight: "A" },
  ],
};

let dataSource: DataSource;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ dataSource, close } = await migrateTestDatabase("kit_search", [CreateVenue1700000000000, searchMigration(venueSearch)]));
});

afterAll(() => close?.());

async function matchingIds(words: string): Promise<number[]> {
  const rows = (await dataSource.query(`SELECT id FROM venue WHERE search_vector @@ websearch_to_tsquery('kit_search.search_simple', $1) ORDER BY id`, [
    words,
  ])) as Array<{ id: number }>;
  return rows.map((row) => row.id);
}

describe("searchMigration", () => {
  it("is recorded under its name and timestamp, as a hand-written migration class would be", async () => {
    const rows = (await dataSource.query(`SELECT timestamp, name FROM migrations ORDER BY id`)) as Array<{ timestamp: string; name: string }>;
    expect(rows.map((row) => row.name)).toEqual(["CreateVenue1700000000000", "AddVenueSearch1700000000001"]);
    expect(Number(rows[1].timestamp)).toBe(1700000000001);
  });

  it("fills the search columns of rows that existed before it, accents folded", async () => {
    expect(await matchingIds("theatre chatelet")).toEqual([1]);
    const [row] = (await dataSource.query(`SELECT search_name FROM venue WHERE id = 1`)) as Array<{ search_name: string }>;
    expect(row.search_name).toBe("theatre du chatelet");
  });

  it("keeps the search columns current as rows are written", async () => {
    await dataSource.query(`INSERT INTO venue (title) VALUES ('{"translations": [{"lang": "de", "value": "Volksbühne"}]}')`);
    expect(await matchingIds("volksbuhne")).toEqual([2]);
    await dataSource.query(`UPDATE venue SET city = 'Berlin' WHERE id = 2`);
    expect(await matchingIds("berlin")).toEqual([2]);
  });

  it("weighs the texts by their weight, not their order", async () => {
    const rows = (await dataSource.query(`SELECT search_vector::text AS vector FROM venue WHERE id = 1`)) as Array<{ vector: string }>;
    expect(rows[0].vector).toBe("'chatelet':3A 'du':2A 'paris':4 'theatre':1A");
  });

  it("drops its trigger and columns when undone, and leaves the table", async () => {
    await dataSource.undoLastMigration({ transaction: "each" });
    const columns = (await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'kit_search' AND table_name = 'venue' ORDER BY ordinal_position`,
    )) as Array<{ column_name: string }>;
    expect(columns.map((column) => column.column_name)).toEqual(["id", "title", "city"]);
    const triggers = (await dataSource.query(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = 'kit_search.venue'::regclass AND NOT tgisinternal AND tgname <> 'agora_announce_write'`,
    )) as unknown[];
    expect(triggers).toEqual([]);
  });

  it.each([
    ["a table name that is not a plain identifier", { table: "venue; DROP TABLE x" }, /"venue; DROP TABLE x" is not a lower-case SQL identifier/],
    ["a name column that may be null", { nameColumn: "city" }, /nameColumn "city" must be a localized or text column/],
    ["a name column that is not among the texts", { nameColumn: "label" }, /nameColumn "label" must be a localized or text column/],
    ["a timestamp that is not 13 digits", { timestamp: 17000000 }, /the timestamp must be 13 digits/],
    ["a name ending in digits", { name: "AddVenueSearch2" }, /must be PascalCase letters and digits, ending in a letter/],
  ])("refuses %s", (_case, change, message) => {
    expect(() => searchMigration({ ...venueSearch, ...change })).toThrow(message);
  });
});
