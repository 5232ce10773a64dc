import { Client } from "pg";
import type { StartedSubgraph } from "@agora-hub/subgraph-kit";
import { DEMO_SIZES, demoId } from "@agora-hub/subgraph-kit/testing";
import { startExamplePartner } from "../../../subgraphs/partners/creative-tracks/testing/start-example-partner";
import { runCli } from "../../cli/agora";
import { CACHE_STATUS_HEADER } from "../response-cache.plugin";
import { waitFor } from "../../test/gateway-client";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../test/test-hub";

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ env: { RESPONSE_CACHE_MAX_MB: "16", MERGE_INFLIGHT_REQUESTS: "1" } });
}, 180_000);

afterAll(async () => {
  await hub?.close();
});

interface Reply {
  status: number;
  cache: string | null;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string }> };
}

async function read(query: string, options: { token?: string; noCache?: boolean; variables?: Record<string, unknown> } = {}): Promise<Reply> {
  const response = await fetch(new URL("/graphql", hub.hub.gatewayUrl), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.noCache ? { "cache-control": "no-cache" } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, cache: response.headers.get(CACHE_STATUS_HEADER), body: (await response.json()) as Reply["body"] };
}

/**
 * Statements the subgraphs ran for requests since the last reset: the erasure followers poll the people
 * subgraph's feed in the background (person_erasure, person_erasure_cursor), which is no request's work.
 */
function requestStatements(): number {
  return hub.queries.statements.filter((sql) => !sql.includes("person_erasure")).length;
}

/** Each test reads a list of its own (a distinct page size), so what one test stores never answers another's. */
const peopleQuery = (first: number) => `{ people(first: ${first}) { totalCount edges { node { id displayName city } } } }`;
type People = { people: { edges: Array<{ node: { id: string; displayName: string; city: string | null } }> } };

describe("the response cache", () => {
  it("answers an anonymous read again from the stored answer, identical and without touching a subgraph", async () => {
    const first = await read(peopleQuery(3));
    expect(first).toMatchObject({ status: 200, cache: "miss" });
    expect(first.body.errors).toBeUndefined();
    hub.queries.reset();
    const second = await read(peopleQuery(3));
    expect(second).toMatchObject({ status: 200, cache: "hit" });
    expect(second.body).toEqual(first.body);
    expect(requestStatements()).toBe(0);
  });

  it("reads its own write at once: a mutation drops the answers of the subgraph it wrote to before it answers", async () => {
    const before = await read(peopleQuery(4));
    const person = (before.body.data as People).people.edges[0].node;
    expect((await read(peopleQuery(4))).cache).toBe("hit");
    const updated = await read(`mutation($id: ID!) { updatePerson(id: $id, input: { city: "Marseille-cache-1" }) { id city } }`, {
      token: TEST_ADMIN_TOKEN,
      variables: { id: person.id },
    });
    expect(updated.body.errors).toBeUndefined();
    const after = await read(peopleQuery(4));
    expect(after.cache).toBe("miss");
    expect((after.body.data as People).people.edges[0].node).toMatchObject({ id: person.id, city: "Marseille-cache-1" });
  });

  it("drops a stored answer when a write commits in the subgraph's database by any other path", async () => {
    const before = await read(peopleQuery(5));
    const person = (before.body.data as People).people.edges[0].node;
    expect((await read(peopleQuery(5))).cache).toBe("hit");
    const sql = new Client({ connectionString: hub.database.url });
    await sql.connect();
    try {
      await sql.query(`UPDATE people.person SET city = 'Tunis-cache-2' WHERE id = $1`, [person.id]);
    } finally {
      await sql.end();
    }
    const after = await waitFor(
      () => read(peopleQuery(5)),
      (reply) => (reply.body.data as People).people.edges[0].node.city === "Tunis-cache-2",
    );
    expect((after.body.data as People).people.edges[0].node.city).toBe("Tunis-cache-2");
  });

  it("keeps the answers of keyed viewers out of the store", async () => {
    const first = await read(peopleQuery(6), { token: TEST_ADMIN_TOKEN });
    expect(first.cache).toBe("bypass");
    hub.queries.reset();
    const second = await read(peopleQuery(6), { token: TEST_ADMIN_TOKEN });
    expect(second.cache).toBe("bypass");
    expect(requestStatements()).toBeGreaterThan(0);
  });

  it("honours a client's Cache-Control: no-cache", async () => {
    await read(peopleQuery(7));
    expect((await read(peopleQuery(7))).cache).toBe("hit");
    expect((await read(peopleQuery(7), { noCache: true })).cache).toBe("bypass");
  });

  it("runs identical reads in flight at once only once, and gives each the same answer", async () => {
    const query = `{ people(first: 8) { edges { node { id displayName memberships(first: 3) { edges { node { organisation { id name } } } } } } } }`;
    hub.queries.reset();
    const alone = await read(query, { noCache: true });
    const statementsOfOne = requestStatements();
    expect(statementsOfOne).toBeGreaterThan(0);
    // The people table locked, so the first request stays in flight until every other one has arrived.
    const lock = new Client({ connectionString: hub.database.url });
    await lock.connect();
    let replies: Reply[];
    try {
      await lock.query("BEGIN");
      await lock.query("LOCK TABLE people.person IN ACCESS EXCLUSIVE MODE");
      hub.queries.reset();
      const pending = Array.from({ length: 12 }, () => read(query, { noCache: true }));
      await waitFor(
        async () => hub.hub.gateway.openRequests(),
        (open) => open >= 12,
      );
      await lock.query("COMMIT");
      replies = await Promise.all(pending);
    } finally {
      await lock.end();
    }
    for (const reply of replies) expect(reply.body).toEqual(alone.body);
    const ran = replies.filter((reply) => reply.cache !== "shared").length;
    expect(ran).toBeLessThan(replies.length);
    // Those that ran on their own may still have shared identical subgraph calls with each other.
    expect(requestStatements()).toBeLessThanOrEqual(ran * statementsOfOne);
  });

  it("stops serving stored answers while it cannot hear writes, and serves them again once it hears them", async () => {
    await read(peopleQuery(9));
    expect((await read(peopleQuery(9))).cache).toBe("hit");
    const sql = new Client({ connectionString: hub.database.url });
    await sql.connect();
    try {
      const killed = await sql.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'agora-write-listener' AND datname = current_database()",
      );
      expect(killed.rowCount).toBeGreaterThan(0);
    } finally {
      await sql.end();
    }
    // Whatever it stored was forgotten with the connection; once listening again it stores and serves anew.
    const back = await waitFor(
      async () => {
        await read(peopleQuery(9));
        return read(peopleQuery(9));
      },
      (reply) => reply.cache === "hit",
    );
    expect(back.cache).toBe("hit");
  });
});

describe("the response cache and partner subgraphs", () => {
  let partner: StartedSubgraph | undefined;

  afterAll(async () => {
    await partner?.stop();
  });

  it("never stores an answer that read a partner's subgraph, whose writes the hub cannot hear", async () => {
    partner = await startExamplePartner({ databaseUrl: hub.database.url, gatewayUrl: hub.hub.gatewayUrl, seed: DEMO_SIZES });
    const cli = (token: string, ...args: string[]) => {
      const out: string[] = [];
      return runCli(["--gateway", hub.hub.gatewayUrl, "--token", token, ...args], { out: (line) => out.push(line), err: () => {} }).then((code) => ({
        code,
        out,
      }));
    };
    const network = await cli(TEST_ADMIN_TOKEN, "network", "add", "--slug", "creative-tracks", "--name", "Creative Tracks");
    expect(network.code).toBe(0);
    expect((await cli(network.out.at(-1)!, "subgraph", "publish", "--name", "creative-tracks", "--url", partner.url)).code).toBe(0);

    const mixed = `{ person(id: "${demoId("person", 0)}") { displayName creativeTracksProfile { followersCount } } }`;
    await waitFor(
      () => read(mixed),
      (reply) => !reply.body.errors && reply.body.data?.person !== undefined,
      30_000,
    );
    const again = await read(mixed);
    expect(again.body.errors).toBeUndefined();
    expect(again.cache).toBe("miss");
    // The hub's own fields alone are still stored.
    await read(`{ person(id: "${demoId("person", 0)}") { displayName } }`);
    expect((await read(`{ person(id: "${demoId("person", 0)}") { displayName } }`)).cache).toBe("hit");
  }, 90_000);
});
