import { Client } from "pg";
import { postGraphQL } from "./gateway-client";
import { startTestHub, type TestHub } from "./test-hub";

let testHub: TestHub;
let db: Client;

beforeAll(async () => {
  testHub = await startTestHub();
  db = new Client({ connectionString: testHub.database.url });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await testHub?.close();
});

/** Text that would change a query's meaning if it ever reached SQL unparameterised or unescaped. */
const HOSTILE_TEXTS = [
  "' OR '1'='1",
  "'; DROP TABLE people.person; --",
  '"; DELETE FROM organisations.organisation; --',
  "%",
  "_",
  "\\",
  "$1",
  "a' UNION SELECT contact_email FROM people.person --",
  ":text",
  "(",
  "!&|<->",
];

const LITERAL_ONLY = new Set(["' OR '1'='1", "%", "_", "\\", "$1", ":text"]);

const LISTS = ["people", "organisations", "opportunities", "events"] as const;

async function rowCounts(): Promise<number[]> {
  const { rows } = await db.query(`SELECT
    (SELECT count(*) FROM people.person)::int AS people,
    (SELECT count(*) FROM organisations.organisation)::int AS organisations,
    (SELECT count(*) FROM opportunities.opportunity)::int AS opportunities,
    (SELECT count(*) FROM events.event)::int AS events`);
  return Object.values(rows[0]) as number[];
}

describe("SQL metacharacters in every text filter and search", () => {
  it.each(LISTS.flatMap((list) => HOSTILE_TEXTS.map((text) => [list, text] as const)))(
    "%s: %j matches literally, or nothing, and changes nothing",
    async (list, text) => {
      const before = await rowCounts();
      const answer = await postGraphQL<Record<string, { totalCount: number }>>(
        testHub.hub.gatewayUrl,
        `query($text: String!) { byText: ${list}(first: 5, filter: { text: $text }) { totalCount } bySearch: ${list}(first: 5, search: $text) { totalCount } }`,
        { text },
      );
      // A text that is not a usable search (only punctuation) may be refused as BAD_USER_INPUT; never an internal error.
      for (const error of answer.errors ?? []) expect(error.extensions?.code).toBe("BAD_USER_INPUT");
      // No demo name holds these characters: matched literally, they find nothing (a LIKE wildcard would find all).
      if (!answer.errors && LITERAL_ONLY.has(text)) expect(answer.data!.byText.totalCount).toBe(0);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it("matches a percent sign in a name literally", async () => {
    const answer = await postGraphQL<{ all: { totalCount: number }; percent: { totalCount: number } }>(
      testHub.hub.gatewayUrl,
      `{ all: organisations(first: 1) { totalCount } percent: organisations(first: 1, filter: { text: "%" }) { totalCount } }`,
    );
    expect(answer.data!.all.totalCount).toBeGreaterThan(0);
    expect(answer.data!.percent.totalCount).toBe(0);
  });
});
