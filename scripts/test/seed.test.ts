import { spawn } from "node:child_process";
import path from "node:path";
import { Client } from "pg";
import { repoRoot } from "@agora-hub/runtime";
import { ensureBuilt } from "../../testing/ensure-built";
import { createTestDatabase, type TestDatabase } from "@agora-hub/subgraph-kit/testing";

let database: TestDatabase;
let client: Client;

beforeAll(async () => {
  await ensureBuilt();
  database = await createTestDatabase();
  client = new Client({ connectionString: database.url });
  await client.connect();
}, 180_000);

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

/** Runs `npm run seed`'s script on this file's database; its exit code and output. */
async function seed(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot(), "dist/scripts/seed.js"), ...args], {
    cwd: repoRoot(),
    env: { PATH: process.env.PATH, DATABASE_URL: database.url, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, output };
}

async function counts(): Promise<Record<string, number>> {
  const { rows } = await client.query<{ people: number; organisations: number; opportunities: number; events: number }>(
    `SELECT (SELECT count(*) FROM people.person)::int AS people, (SELECT count(*) FROM organisations.organisation)::int AS organisations,
            (SELECT count(*) FROM opportunities.opportunity)::int AS opportunities, (SELECT count(*) FROM events.event)::int AS events`,
  );
  return rows[0];
}

/** Seeds the first set unless the database already holds records. */
async function holdsRecords(): Promise<void> {
  expect(await seed([...FIRST, "--if-empty"])).toMatchObject({ code: 0 });
  expect((await counts()).people).toBeGreaterThan(0);
}

const FIRST = ["--people", "6", "--organisations", "4", "--opportunities", "3", "--events", "2"];
const SECOND = ["--people", "9", "--organisations", "5", "--opportunities", "4", "--events", "3"];

describe("npm run seed", () => {
  it("with --reset replaces every core subgraph's records, the search subgraph (no tables) included", async () => {
    expect(await seed([...FIRST, "--reset"])).toMatchObject({ code: 0 });
    expect(await counts()).toEqual({ people: 6, organisations: 4, opportunities: 3, events: 2 });
    const reset = await seed([...SECOND, "--reset"]);
    expect(reset).toMatchObject({ code: 0 });
    expect(reset.output).not.toMatch(/search \(/); // nothing planned for a subgraph without tables
    expect(await counts()).toEqual({ people: 9, organisations: 5, opportunities: 4, events: 3 });
  }, 120_000);

  it("refuses bad arguments with exit code 2 before touching the data", async () => {
    const before = await counts();
    expect(await seed(["--people=1.5", "--reset"])).toMatchObject({ code: 2, output: expect.stringContaining("--people must be a whole number") });
    expect(await seed(["--reset", "--if-empty"])).toMatchObject({ code: 2, output: expect.stringContaining("contradict") });
    expect(await seed(["--reset", "--peeple", "3"])).toMatchObject({ code: 2 });
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("refuses to seed over existing records without --reset, writing nothing", async () => {
    await holdsRecords();
    const before = await counts();
    expect(await seed(FIRST)).toMatchObject({ code: 1, output: expect.stringContaining("Pass --reset") });
    expect(await seed([...FIRST, "--if-empty"])).toMatchObject({ code: 0 });
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("deletes nothing at all when one subgraph's tables cannot be emptied", async () => {
    await holdsRecords();
    const before = await counts();
    // A reader holding the events table: the reset's TRUNCATE cannot get its lock and times out.
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE events.event IN ACCESS SHARE MODE");
      const failed = await seed([...SECOND, "--reset"], { DB_STATEMENT_TIMEOUT_MS: "1000" });
      expect(failed.code).toBe(1);
      expect(failed.output).toMatch(/statement timeout/);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    expect(await counts()).toEqual(before);
  }, 120_000);
});
