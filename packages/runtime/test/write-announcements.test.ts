import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { MigrationInterface, QueryRunner } from "typeorm";
import { ensureDatabase, openSubgraphDatabase } from "../src/database/database";
import { listenForWrites } from "../src/database/write-announcements";

const databaseName = `agora_test_${randomBytes(6).toString("hex")}`;
let url: string;

beforeAll(async () => {
  url = await ensureDatabase(process.env.DATABASE_URL!, databaseName);
});

afterAll(async () => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
});

class CreateVenue1700000000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE venue (id int PRIMARY KEY, name text)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE venue`);
  }
}

class CreateStage1700000000002 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE stage (id int PRIMARY KEY)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE stage`);
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("write announcements", () => {
  it("announce every committed write to a subgraph's tables, new tables included, and nothing rolled back", async () => {
    const first = await openSubgraphDatabase({ url, schema: "venues", entities: [], migrations: [CreateVenue1700000000001], poolSize: 2 });
    await first.destroy();
    // A later migration adds a table; the next start covers it too.
    const dataSource = await openSubgraphDatabase({
      url,
      schema: "venues",
      entities: [],
      migrations: [CreateVenue1700000000001, CreateStage1700000000002],
      poolSize: 2,
    });
    const heard: string[] = [];
    let listening = false;
    const listener = listenForWrites(url, { onWrite: (schema) => heard.push(schema), onGap: (now) => (listening = now) });
    try {
      await until(() => listening, "listening");
      await dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO venues.venue VALUES (1, 'Dar Sebastian')`);
        await manager.query(`UPDATE venues.venue SET name = 'Dar Sébastien'`);
      });
      await until(() => heard.length >= 1, "the committed insert");
      await dataSource
        .transaction(async (manager) => {
          await manager.query(`INSERT INTO venues.venue VALUES (2, 'never')`);
          throw new Error("rolled back");
        })
        .catch(() => undefined);
      await dataSource.query(`INSERT INTO venues.stage VALUES (1)`);
      await until(() => heard.length >= 2, "the stage insert");
      // One notification per committed transaction (PostgreSQL folds identical ones), none for the rollback.
      expect(heard).toEqual(["venues", "venues"]);
      const triggers = (await dataSource.query(
        `SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'venues' AND t.tgname = 'agora_announce_write' ORDER BY 1`,
      )) as Array<{ relname: string }>;
      expect(triggers.map((row) => row.relname)).toEqual(["migrations", "stage", "venue"]);
    } finally {
      await listener.close();
      await dataSource.destroy();
    }
  });

  it("reports a gap when its connection is lost, and listens again", async () => {
    const events: boolean[] = [];
    const listener = listenForWrites(url, { onWrite: () => undefined, onGap: (listening) => events.push(listening) }, { maxBackoffMs: 200 });
    try {
      await until(() => events.length >= 1, "first listen");
      const admin = new Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'agora-write-listener' AND datname = current_database()",
        );
      } finally {
        await admin.end();
      }
      await until(() => events.length >= 3, "lost and listening again");
      expect(events.slice(0, 3)).toEqual([true, false, true]);
      expect(listener.listening).toBe(true);
    } finally {
      await listener.close();
    }
  });
});
