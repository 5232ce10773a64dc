import type { DataSource } from "typeorm";
import { defineMigration } from "../src/data/migration";
import { publicationMigration } from "../src/moderation/publication-migration";
import { migrateTestDatabase } from "../src/testing/test-database";

// Two moderated tables of one subgraph, put under moderation by two migrations that share its history table.
const CreateTables1700000000000 = defineMigration({
  name: "CreateTables",
  timestamp: 1700000000000,
  async up(runner) {
    await runner.query(`CREATE TABLE venue (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), network text NOT NULL)`);
    await runner.query(`CREATE TABLE booking (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), network text NOT NULL)`);
  },
  async down(runner) {
    await runner.query(`DROP TABLE venue, booking`);
  },
});

let dataSource: DataSource;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ dataSource, close } = await migrateTestDatabase("kit_publication", [
    CreateTables1700000000000,
    publicationMigration({ name: "AddVenuePublication", timestamp: 1700000000001, tables: ["venue"] }),
    publicationMigration({ name: "AddBookingPublication", timestamp: 1700000000002, tables: ["booking"] }),
  ]));
});

afterAll(() => close?.());

const decide = (table: string, type: string) =>
  dataSource.query(
    `INSERT INTO publication_decision (record_type, record_id, network, change, to_state, actor_kind)
     SELECT $1, id, network, 'CREATED', 'PUBLISHED', 'OPERATOR' FROM ${table}`,
    [type],
  );
const decisionTypes = async () =>
  ((await dataSource.query(`SELECT record_type FROM publication_decision ORDER BY record_type`)) as Array<{ record_type: string }>).map(
    (row) => row.record_type,
  );
const columnsOf = async (table: string) =>
  (
    (await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'kit_publication' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    )) as Array<{ column_name: string }>
  ).map((row) => row.column_name);

describe("publicationMigration", () => {
  it("gives existing and new rows the PUBLISHED state and refuses a state that is none", async () => {
    await dataSource.query(`INSERT INTO venue (network) VALUES ('makers')`);
    await dataSource.query(`INSERT INTO booking (network) VALUES ('makers')`);
    const [row] = (await dataSource.query(`SELECT publication_state FROM venue`)) as Array<{ publication_state: string }>;
    expect(row.publication_state).toBe("PUBLISHED");
    await expect(dataSource.query(`UPDATE venue SET publication_state = 'HIDDEN'`)).rejects.toThrow(/check constraint/);
  });

  it("undone, removes only its own table's columns and decisions, keeping the other table's history", async () => {
    await decide("venue", "Venue");
    await decide("booking", "Booking");
    await dataSource.undoLastMigration({ transaction: "each" });
    expect(await columnsOf("booking")).toEqual(["id", "network"]);
    expect(await columnsOf("venue")).toContain("publication_state");
    expect(await decisionTypes()).toEqual(["Venue"]);
  });

  it("drops the shared history table with the last moderated table", async () => {
    await dataSource.undoLastMigration({ transaction: "each" });
    expect(await columnsOf("venue")).toEqual(["id", "network"]);
    const [{ exists }] = (await dataSource.query(`SELECT to_regclass('kit_publication.publication_decision') IS NOT NULL AS exists`)) as Array<{
      exists: boolean;
    }>;
    expect(exists).toBe(false);
  });
});
