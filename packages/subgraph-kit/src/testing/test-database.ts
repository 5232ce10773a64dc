import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { ensureDatabase, openSubgraphDatabase } from "@agora-hub/runtime";
import type { MigrationClass } from "../data/migration";

/** A database created for one test file, on the server of DATABASE_URL. */
export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run tests through jest, whose global setup provides one");
  return url;
}

/** Creates a fresh, uniquely named database so that test files never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `agora_test_${randomBytes(6).toString("hex")}`;
  const url = await ensureDatabase(serverUrl(), name);
  return {
    url,
    drop: async () => {
      const client = new Client({ connectionString: serverUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A fresh database with `migrations` run in `schema`, for testing migrations; `close` disconnects and drops it. */
export async function migrateTestDatabase(schema: string, migrations: MigrationClass[]): Promise<{ dataSource: DataSource; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  const dataSource = await openSubgraphDatabase({ url: database.url, schema, entities: [], migrations }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
