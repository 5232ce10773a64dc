import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { ensureDatabase } from "@agora-hub/runtime";

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
