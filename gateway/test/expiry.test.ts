import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "@agora-hub/runtime";
import { pollUntil } from "@agora-hub/subgraph-kit/testing";
import { ensureBuilt } from "../../testing/ensure-built";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "./test-hub";

/*
 * Expiry with two runners on one database: the hub's own opportunities subgraph (in this process) and a second
 * opportunities subgraph in a process of its own, as a replica would run, both every 100 ms. Opportunities are
 * archived 30 days after their deadline, events 7 days after they end (the defaults).
 */

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

const DAY = 86_400_000;
/** Opportunities written straight into the table, enough for several batches of 500 raced by both runners. */
const BULK = 1200;
const text = (value: string) => ({ originalLanguage: "en", translations: [{ lang: "en", value }] });
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

let testHub: TestHub;
let replica: ChildProcess;
let replicaLog = "";
const ids: Record<string, string> = {};

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const response = await fetch(new URL("/graphql", testHub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

async function sql<T = Record<string, any>>(subgraph: string, query: string, parameters: unknown[] = []): Promise<T[]> {
  return (await testHub.hub.subgraphs.find((started) => started.name === subgraph)!.dataSource.query(query, parameters)) as T[];
}

async function createOpportunity(name: string, dates: { opensAt: string; deadline: string | null }, extra: Record<string, unknown> = {}): Promise<void> {
  const answer = await graphql(
    "mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }",
    { input: { network: "makers", type: "RESIDENCY", title: text(`Residency ${name}`), publisherId: ids.publisher, ...dates, ...extra } },
    TEST_ADMIN_TOKEN,
  );
  expect(answer.errors).toBeUndefined();
  ids[name] = answer.data!.createOpportunity.id as string;
}

async function createEvent(name: string, endedDaysAgo: number): Promise<void> {
  const answer = await graphql(
    "mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }",
    {
      input: {
        network: "makers",
        title: text(`Forum ${name}`),
        format: "CONFERENCE",
        startsAt: daysAgo(endedDaysAgo + 1),
        endsAt: daysAgo(endedDaysAgo),
        timeZone: "Europe/Lisbon",
        attendanceMode: "ONLINE",
        onlineUrl: "https://live.example.org/makers",
        organiserIds: [ids.publisher],
      },
    },
    TEST_ADMIN_TOKEN,
  );
  expect(answer.errors).toBeUndefined();
  ids[name] = answer.data!.createEvent.id as string;
}

/** Starts a second opportunities subgraph from dist/ on the hub's database; resolves once it serves. */
async function startReplica(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(repoRoot(), "dist/subgraphs/opportunities/main.js")], {
    cwd: repoRoot(),
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      OPPORTUNITIES_PORT: "0",
      EXPIRY_INTERVAL_MS: "100",
      AGORA_ERASURE_POLL_MS: "600000",
      LOG_LEVEL: "debug",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (replicaLog += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (replicaLog += chunk.toString()));
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`the replica exited ${code}:\n${replicaLog.slice(-3000)}`))));
  await Promise.race([
    exited,
    pollUntil(
      async () => replicaLog,
      (log) => log.includes('"msg":"subgraph ready"'),
      30_000,
    ),
  ]);
  if (!replicaLog.includes('"msg":"subgraph ready"')) throw new Error(`the replica did not start:\n${replicaLog.slice(-3000)}`);
  return child;
}

beforeAll(async () => {
  await ensureBuilt();
  // ALERT_SOURCES=none: the EXPIRED rows the test reads stay in the outbox (no alerts worker claims them).
  testHub = await startTestHub({
    seed: { people: 0, organisations: 0, opportunities: 0, events: 0 },
    env: { EXPIRY_INTERVAL_MS: "100", ALERT_SOURCES: "none" },
  });
  const network = await fetch(new URL("/admin/networks", testHub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify({ slug: "makers", name: "Makers" }),
  });
  expect(network.status).toBe(201);
  const organisation = await graphql(
    "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }",
    { input: { network: "makers", name: "Makers collective", kind: "NGO", country: "PT" } },
    TEST_ADMIN_TOKEN,
  );
  ids.publisher = organisation.data!.createOrganisation.id as string;
  replica = await startReplica(testHub.database.url);

  // Past their window (30 days after the deadline): a published grant-like offer, a published course, a review-queue entry.
  await createOpportunity("longGone", { opensAt: daysAgo(90), deadline: daysAgo(40) });
  await createOpportunity("course", { opensAt: daysAgo(90), deadline: daysAgo(31) }, { type: "TRAINING_COURSE" });
  // Inside the window: closed 5 days ago, so CLOSED but still listed; open; rolling without a deadline.
  await createOpportunity("recentlyClosed", { opensAt: daysAgo(60), deadline: daysAgo(5) });
  await createOpportunity("open", { opensAt: daysAgo(10), deadline: new Date(Date.now() + 20 * DAY).toISOString() });
  await createOpportunity("rolling", { opensAt: daysAgo(400), deadline: null });
  // A draft stays its network's, however old.
  await createOpportunity("oldDraft", { opensAt: daysAgo(90), deadline: daysAgo(40) }, { draft: true });
  // A review-queue entry and a rejected record past their window: the first expires, the second stays its network's.
  for (const [name, state] of [
    ["queued", "PENDING_REVIEW"],
    ["rejected", "REJECTED"],
  ]) {
    await createOpportunity(name, { opensAt: daysAgo(10), deadline: new Date(Date.now() + 20 * DAY).toISOString() });
    await sql(
      "opportunities",
      "UPDATE opportunity SET publication_state = $2, opens_at = now() - interval '90 days', deadline = now() - interval '45 days' WHERE id = $1",
      [ids[name], state],
    );
  }
  await createEvent("eventOver", 10);
  await createEvent("eventJustOver", 2);
  // Many more past their window at once, for both runners to race over several batches.
  await sql(
    "opportunities",
    `INSERT INTO opportunity (network, type, title, publisher_id, opens_at, deadline)
     SELECT 'bulk', type, title, publisher_id, opens_at, deadline - (n || ' minutes')::interval FROM opportunity, generate_series(1, $1) AS n WHERE id = $2`,
    [BULK, ids.longGone],
  );
  await pollUntil(
    () =>
      sql<{ left: number }>(
        "opportunities",
        "SELECT count(*)::int AS left FROM opportunity WHERE deadline < now() - interval '30 days' AND publication_state IN ('PUBLISHED', 'PENDING_REVIEW')",
      ),
    ([row]) => row.left === 0,
    30_000,
  );
  await pollUntil(
    () => sql<{ state: string }>("events", "SELECT publication_state AS state FROM event WHERE id = $1", [ids.eventOver]),
    ([row]) => row.state === "ARCHIVED",
    15_000,
  );
}, 120_000);

afterAll(async () => {
  if (replica && replica.exitCode === null) {
    const exited = new Promise((resolve) => replica.once("exit", resolve));
    replica.kill("SIGTERM");
    await exited;
  }
  await testHub?.close();
});

const HISTORY = "publicationHistory(first: 5) { change fromState toState actorKind actor }";

describe("expiry with two runners on one database", () => {
  it("archives exactly the opportunities past their window, each with one EXPIRED decision, none twice", async () => {
    const rows = await sql<{ id: string; state: string }>("opportunities", "SELECT id, publication_state AS state FROM opportunity");
    const archived = rows.filter((row) => row.state === "ARCHIVED").map((row) => row.id);
    expect(archived).toHaveLength(BULK + 3);
    expect(archived).toEqual(expect.arrayContaining([ids.longGone, ids.course, ids.queued]));
    const decisions = await sql<{ record_id: string; n: number }>(
      "opportunities",
      "SELECT record_id, count(*)::int AS n FROM publication_decision WHERE change = 'EXPIRED' GROUP BY record_id",
    );
    expect(decisions).toHaveLength(BULK + 3);
    expect(decisions.every((decision) => decision.n === 1)).toBe(true);
    expect(new Set(decisions.map((decision) => decision.record_id))).toEqual(new Set(archived));
    // And one EXPIRED row each in the change feed, hidden.
    const changes = await sql<{ record_id: string; n: number; hidden: boolean }>(
      "opportunities",
      "SELECT record_id, count(*)::int AS n, bool_and(NOT public AND document IS NULL) AS hidden FROM record_change WHERE kind = 'EXPIRED' GROUP BY record_id",
    );
    expect(changes).toHaveLength(BULK + 3);
    expect(changes.every((change) => change.n === 1 && change.hidden)).toBe(true);
    expect(new Set(changes.map((change) => change.record_id))).toEqual(new Set(archived));
    // The replica ran the job too (it logs each run, or that the other runner held the lock).
    expect(replicaLog).toMatch(/"msg":"expiry: (archived records past their window|another replica is running it)"/);
  });

  it("leaves records inside their window, rolling calls, drafts and rejected records as they were", async () => {
    const rows = await sql<{ id: string; state: string }>("opportunities", "SELECT id, publication_state AS state FROM opportunity WHERE id = ANY($1)", [
      [ids.recentlyClosed, ids.open, ids.rolling, ids.oldDraft, ids.rejected],
    ]);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.state]))).toEqual({
      [ids.recentlyClosed]: "PUBLISHED",
      [ids.open]: "PUBLISHED",
      [ids.rolling]: "PUBLISHED",
      [ids.oldDraft]: "DRAFT",
      [ids.rejected]: "REJECTED",
    });
  });

  it("lists an opportunity past its deadline but inside the window as CLOSED, and hides archived ones from default lists", async () => {
    const answer = await graphql("{ opportunities(first: 20) { totalCount edges { node { id status publicationState } } } }");
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data!.opportunities.edges.map((edge: { node: unknown }) => edge.node);
    expect(answer.data!.opportunities.totalCount).toBe(3);
    expect(nodes).toEqual(
      expect.arrayContaining([
        { id: ids.recentlyClosed, status: "CLOSED", publicationState: "PUBLISHED" },
        { id: ids.open, status: "OPEN", publicationState: "PUBLISHED" },
        { id: ids.rolling, status: "OPEN", publicationState: "PUBLISHED" },
      ]),
    );
  });

  it("lists archived opportunities to the operator with includeArchived", async () => {
    const answer = await graphql(
      '{ opportunities(first: 20, includeArchived: true, filter: { networks: ["makers"] }) { totalCount edges { node { id publicationState } } } }',
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(answer.errors).toBeUndefined();
    const states = Object.fromEntries(
      answer.data!.opportunities.edges.map((edge: { node: { id: string; publicationState: string } }) => [edge.node.id, edge.node.publicationState]),
    );
    expect(states).toEqual({
      [ids.longGone]: "ARCHIVED",
      [ids.course]: "ARCHIVED",
      [ids.queued]: "ARCHIVED",
      [ids.recentlyClosed]: "PUBLISHED",
      [ids.open]: "PUBLISHED",
      [ids.rolling]: "PUBLISHED",
    });
    const bulk = await graphql('{ opportunities(first: 1, includeArchived: true, filter: { networks: ["bulk"] }) { totalCount } }', {}, TEST_ADMIN_TOKEN);
    expect(bulk.data!.opportunities.totalCount).toBeGreaterThanOrEqual(500);
  });

  it("resolves an archived opportunity by id for anyone, with its state, its expiry in the history and JSON-LD saying so", async () => {
    const answer = await graphql("query($id: ID!) { opportunity(id: $id) { id status publicationState jsonLd } }", { id: ids.course });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.opportunity).toMatchObject({ id: ids.course, status: "CLOSED", publicationState: "ARCHIVED" });
    expect(answer.data!.opportunity.jsonLd).toMatchObject({
      "@type": "Course",
      creativeWorkStatus: "Archived",
      additionalProperty: { "@type": "PropertyValue", propertyID: "publicationState", value: "ARCHIVED" },
    });
    const offer = await graphql("query($id: ID!) { opportunity(id: $id) { jsonLd } }", { id: ids.longGone });
    expect(offer.data!.opportunity.jsonLd).toMatchObject({ "@type": "Offer", additionalProperty: { propertyID: "publicationState", value: "ARCHIVED" } });
    expect(offer.data!.opportunity.jsonLd.creativeWorkStatus).toBeUndefined();
    const history = await graphql(`query($id: ID!) { opportunity(id: $id) { ${HISTORY} } }`, { id: ids.course }, TEST_ADMIN_TOKEN);
    expect(history.data!.opportunity.publicationHistory[0]).toEqual({
      change: "EXPIRED",
      fromState: "PUBLISHED",
      toState: "ARCHIVED",
      actorKind: "HUB",
      actor: "expiry",
    });
  });

  it("records the state an expired review-queue entry left", async () => {
    const history = await graphql(`query($id: ID!) { opportunity(id: $id) { ${HISTORY} } }`, { id: ids.queued }, TEST_ADMIN_TOKEN);
    expect(history.data!.opportunity.publicationHistory[0]).toMatchObject({ change: "EXPIRED", fromState: "PENDING_REVIEW", toState: "ARCHIVED" });
  });

  it("says nothing archived in the JSON-LD of a record that is not", async () => {
    const answer = await graphql("query($id: ID!) { opportunity(id: $id) { jsonLd } }", { id: ids.recentlyClosed });
    expect(answer.data!.opportunity.jsonLd.additionalProperty).toBeUndefined();
  });

  it("archives events 7 days after they end, not before, and their JSON-LD says so", async () => {
    const listed = await graphql("{ events(first: 10) { edges { node { id publicationState } } } }");
    expect(listed.data!.events.edges.map((edge: { node: unknown }) => edge.node)).toEqual([{ id: ids.eventJustOver, publicationState: "PUBLISHED" }]);
    const archived = await graphql(`query($id: ID!) { event(id: $id) { publicationState jsonLd ${HISTORY} } }`, { id: ids.eventOver }, TEST_ADMIN_TOKEN);
    expect(archived.errors).toBeUndefined();
    expect(archived.data!.event.publicationState).toBe("ARCHIVED");
    expect(archived.data!.event.jsonLd.additionalProperty).toEqual({
      "@type": "PropertyValue",
      propertyID: "publicationState",
      name: "Publication state",
      value: "ARCHIVED",
    });
    expect(archived.data!.event.publicationHistory.filter((decision: { change: string }) => decision.change === "EXPIRED")).toHaveLength(1);
    const withArchived = await graphql("{ events(first: 10, includeArchived: true) { edges { node { id } } } }", {}, TEST_ADMIN_TOKEN);
    expect(new Set(withArchived.data!.events.edges.map((edge: { node: { id: string } }) => edge.node.id))).toEqual(new Set([ids.eventOver, ids.eventJustOver]));
  });

  it("archives a restored record still past its window again on the next run", async () => {
    const restored = await graphql(
      "mutation($id: ID!) { changeEventPublication(id: $id, action: RESTORE) { publicationState } }",
      { id: ids.eventOver },
      TEST_ADMIN_TOKEN,
    );
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.changeEventPublication.publicationState).toBe("PUBLISHED");
    const [row] = await pollUntil(
      () => sql<{ state: string }>("events", "SELECT publication_state AS state FROM event WHERE id = $1", [ids.eventOver]),
      ([found]) => found.state === "ARCHIVED",
      15_000,
    );
    expect(row.state).toBe("ARCHIVED");
    const history = await graphql(`query($id: ID!) { event(id: $id) { ${HISTORY} } }`, { id: ids.eventOver }, TEST_ADMIN_TOKEN);
    expect(history.data!.event.publicationHistory.map((decision: { change: string }) => decision.change)).toEqual([
      "EXPIRED",
      "RESTORED",
      "EXPIRED",
      "CREATED",
    ]);
  });
});
