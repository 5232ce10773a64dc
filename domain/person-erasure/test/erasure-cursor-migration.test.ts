import type { DataSource } from "typeorm";
import { defineMigration } from "@agora-hub/subgraph-kit";
import { migrateTestDatabase } from "@agora-hub/subgraph-kit/testing";
import { readErasureCursor } from "../erasure-follower";
import { personErasureCursorMigration } from "../erasure-cursor-migration";

const CreateLink1700000000000 = defineMigration({
  name: "CreateLink",
  timestamp: 1700000000000,
  up: async (runner) => void (await runner.query(`CREATE TABLE link (id serial PRIMARY KEY, person_id uuid)`)),
  down: async (runner) => void (await runner.query(`DROP TABLE link`)),
});

const CreatePersonErasureCursor1700000000010 = personErasureCursorMigration(1700000000010, {
  up: [`CREATE INDEX link_person_id ON link (person_id)`],
  down: [`DROP INDEX link_person_id`],
});

let dataSource: DataSource;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ dataSource, close } = await migrateTestDatabase("follower", [CreateLink1700000000000, CreatePersonErasureCursor1700000000010]));
});

afterAll(() => close?.());

async function relations(): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT relname FROM pg_class WHERE relnamespace = 'follower'::regnamespace AND relname IN ('person_erasure_cursor', 'link_person_id') ORDER BY relname`,
  )) as Array<{ relname: string }>;
  return rows.map((row) => row.relname);
}

describe("personErasureCursorMigration", () => {
  it("is recorded as CreatePersonErasureCursor with the subgraph's timestamp", async () => {
    const rows = (await dataSource.query(`SELECT name FROM migrations ORDER BY id`)) as Array<{ name: string }>;
    expect(rows.map((row) => row.name)).toEqual(["CreateLink1700000000000", "CreatePersonErasureCursor1700000000010"]);
  });

  it("creates the cursor table the follower reads, and the subgraph's own extras", async () => {
    expect(await relations()).toEqual(["link_person_id", "person_erasure_cursor"]);
    expect(await readErasureCursor(dataSource)).toBeNull();
  });

  it("holds one row at most", async () => {
    await dataSource.query(`INSERT INTO person_erasure_cursor (after_cursor) VALUES ('a')`);
    await expect(dataSource.query(`INSERT INTO person_erasure_cursor (after_cursor) VALUES ('b')`)).rejects.toThrow(/duplicate key/);
    await expect(dataSource.query(`INSERT INTO person_erasure_cursor (id, after_cursor) VALUES (false, 'b')`)).rejects.toThrow(/check constraint/);
    expect(await readErasureCursor(dataSource)).toBe("a");
  });

  it("drops the extras and the table when undone", async () => {
    await dataSource.undoLastMigration({ transaction: "each" });
    expect(await relations()).toEqual([]);
  });
});
