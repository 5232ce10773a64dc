import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../../gateway/test/test-hub";

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

/** Small limits, so both are reached in a few requests. */
const PER_CLIENT = 3;
const PER_RECORD = 4;
const UNKNOWN = "0f0f0f0f-0000-4000-8000-00000000abcd";

const REPORT = "mutation($input: ReportRecordInput!) { reportRecord(input: $input) { received message } }";
const CASES = `query($state: ModerationCaseState, $network: String, $type: ReportableType, $first: Int = 20, $after: String) {
  moderationCases(state: $state, network: $network, type: $type, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id recordType recordId network state reportCount openedAt lastReportedAt resolution recordAction resolvedBy resolvedAt
      record { __typename ... on Event { id publicationState } ... on Organisation { id } ... on Resource { id } }
      reasons { reason count }
      texts(first: 10) { totalCount edges { node { reason text } } }
    } }
  }
}`;
/** The cases without their records, which come from the records' owners. */
const CASE_STATES = "{ moderationCases(first: 100) { edges { node { id recordId state reportCount openedAt lastReportedAt } } } }";
const RESOLVE = `mutation($id: ID!, $outcome: ModerationOutcome!, $note: String) {
  resolveModerationCase(id: $id, outcome: $outcome, note: $note) { id state resolution recordAction resolvedBy resolvedAt }
}`;
const EVENT = "query($id: ID!) { event(id: $id) { id publicationState rejectionReason publicationHistory(first: 5) { change actorKind actor reason } } }";

let testHub: TestHub;
let makersKey: string;
let weaversKey: string;
let moderatorKey: string;
const ids = {
  organisation: "",
  reported: "",
  limited: "",
  recordLimited: "",
  concurrent: "",
  dismissed: "",
  pending: "",
  archived: "",
  other: "",
  ownerDown: "",
};

/** Each simulated client comes from its own address (the gateway trusts X-Forwarded-For from loopback here). */
let nextClient = 1;
const newClient = () => `203.0.113.${nextClient++}`;

async function graphql(query: string, variables: Record<string, unknown>, options: { token?: string; client?: string } = {}): Promise<Answer> {
  const response = await fetch(new URL("/graphql", testHub.hub.gatewayUrl), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      "x-forwarded-for": options.client ?? "198.51.100.1",
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

async function admin(path: string, body: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await fetch(new URL(path, testHub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Record<string, any>;
}

const report = (id: string, client: string, fields: Record<string, unknown> = {}) =>
  graphql(REPORT, { input: { type: "EVENT", id, reason: "SPAM", ...fields } }, { client });

/** The one error of a refused operation, with its data null. */
function refusal(answer: Answer, code: string): { message: string; extensions: Record<string, any> } {
  expect(Object.values(answer.data ?? {})).toEqual([null]);
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0].extensions).toMatchObject({ code });
  return answer.errors![0] as { message: string; extensions: Record<string, any> };
}

async function rows(table: string): Promise<number> {
  const dataSource = testHub.hub.subgraphs.find((started) => started.name === "moderation")!.dataSource;
  const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM moderation.${table}`)) as Array<{ n: number }>;
  return row.n;
}

async function casesOf(token: string, variables: Record<string, unknown> = {}, query = CASES): Promise<Array<Record<string, any>>> {
  const answer = await graphql(query, variables, { token });
  expect(answer.errors).toBeUndefined();
  return (answer.data!.moderationCases.edges as Array<{ node: Record<string, any> }>).map((edge) => edge.node);
}

const caseAbout = async (recordId: string) => (await casesOf(TEST_ADMIN_TOKEN, {}, CASE_STATES)).find((found) => found.recordId === recordId)!;

beforeAll(async () => {
  testHub = await startTestHub({
    seed: { people: 0, organisations: 0, opportunities: 0, events: 0 },
    env: { REPORTS_PER_CLIENT_PER_HOUR: String(PER_CLIENT), REPORTS_PER_RECORD_PER_HOUR: String(PER_RECORD), TRUST_PROXY: "loopback" },
  });
  makersKey = (await admin("/admin/networks", { slug: "makers", name: "Makers", trustLevel: "TRUSTED" })).apiKey as string;
  weaversKey = (await admin("/admin/networks", { slug: "weavers", name: "Weavers" })).apiKey as string;
  moderatorKey = (await admin("/admin/moderators", { handle: "amina", name: "Amina" })).apiKey as string;

  const text = (value: string) => ({ originalLanguage: "en", translations: [{ lang: "en", value }] });
  const organisation = await graphql(
    "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id publicationState } }",
    { input: { network: "makers", name: "Makers collective", kind: "NGO", country: "PT" } },
    { token: makersKey },
  );
  ids.organisation = organisation.data!.createOrganisation.id as string;
  const event = async (title: string, token: string, network = "makers") => {
    const answer = await graphql(
      "mutation($input: CreateEventInput!) { createEvent(input: $input) { id publicationState } }",
      {
        input: {
          network,
          title: text(title),
          format: "CONFERENCE",
          startsAt: "2031-03-01T18:00:00.000Z",
          endsAt: "2031-03-01T22:00:00.000Z",
          timeZone: "Europe/Lisbon",
          attendanceMode: "ONLINE",
          onlineUrl: "https://live.example.org/makers",
          organiserIds: [ids.organisation],
        },
      },
      { token },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.createEvent as { id: string; publicationState: string };
  };
  const published = await event("Makers Night", makersKey);
  expect(published.publicationState).toBe("PUBLISHED");
  ids.reported = published.id;
  ids.limited = (await event("Makers Day", makersKey)).id;
  ids.recordLimited = (await event("Makers Afternoon", makersKey)).id;
  ids.concurrent = (await event("Makers Weekend", makersKey)).id;
  ids.dismissed = (await event("Makers Morning", makersKey)).id;
  ids.ownerDown = (await event("Makers Evening", makersKey)).id;
  ids.archived = (await event("Makers Past", makersKey)).id;
  ids.other = (await event("Makers Noon", makersKey)).id;
  // An untrusted network's event waits for review: not public, so not reportable.
  const pending = await event("Weavers Fair", weaversKey, "weavers");
  expect(pending.publicationState).toBe("PENDING_REVIEW");
  ids.pending = pending.id;
}, 120_000);

afterAll(async () => {
  await testHub?.close();
});

describe("reporting a public record", () => {
  it("lets an anonymous client report a published event, opening a case listed for the owner network only", async () => {
    const answer = await report(ids.reported, newClient(), { text: "  Mass-posted advertising, not an event.  " });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.reportRecord).toEqual({ received: true, message: expect.stringContaining("never who sent them") });

    const [opened] = await casesOf(makersKey);
    expect(opened).toMatchObject({
      recordType: "EVENT",
      recordId: ids.reported,
      network: "makers",
      state: "OPEN",
      reportCount: 1,
      resolution: null,
      resolvedBy: null,
      resolvedAt: null,
      record: { __typename: "Event", id: ids.reported, publicationState: "PUBLISHED" },
      reasons: [{ reason: "SPAM", count: 1 }],
      texts: { totalCount: 1, edges: [{ node: { reason: "SPAM", text: "Mass-posted advertising, not an event." } }] },
    });
    // Another network sees none of it, and may not ask for the makers' cases.
    expect(await casesOf(weaversKey)).toEqual([]);
    const forbidden = refusal(await graphql(CASES, { network: "makers" }, { token: weaversKey }), "FORBIDDEN");
    expect(forbidden.extensions.field).toBe("network");
    refusal(await graphql(CASES, {}), "UNAUTHENTICATED");
  });

  it("joins a second report to the open case, bumping its count and reasons", async () => {
    const before = await caseAbout(ids.reported);
    const answer = await graphql(REPORT, { input: { type: "EVENT", id: ids.reported, reason: "INACCURATE" } }, { client: newClient() });
    expect(answer.errors).toBeUndefined();
    const cases = (await casesOf(makersKey)).filter((found) => found.recordId === ids.reported);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ id: before.id, state: "OPEN", reportCount: 2, openedAt: before.openedAt });
    expect(cases[0].reasons).toEqual(
      expect.arrayContaining([
        { reason: "SPAM", count: 1 },
        { reason: "INACCURATE", count: 1 },
      ]),
    );
    expect(cases[0].texts.totalCount).toBe(1);
    expect(Date.parse(cases[0].lastReportedAt as string)).toBeGreaterThanOrEqual(Date.parse(before.lastReportedAt as string));
  });

  it("reveals no reporter anywhere: not in the case for its owner or a moderator, not in the schema, not as an address in the database", async () => {
    for (const token of [makersKey, moderatorKey, TEST_ADMIN_TOKEN]) {
      const shown = JSON.stringify(await casesOf(token));
      expect(shown).not.toMatch(/203\.0\.113|198\.51\.100|reporter|client/i);
    }
    const types = await graphql(`{ a: __type(name: "CaseReport") { fields { name } } b: __type(name: "ModerationCase") { fields { name } } }`, {});
    expect((types.data!.a.fields as Array<{ name: string }>).map(({ name }) => name).sort()).toEqual(["reason", "text"]);
    expect((types.data!.b.fields as Array<{ name: string }>).map(({ name }) => name)).not.toContain("reporters");
    const dataSource = testHub.hub.subgraphs.find((started) => started.name === "moderation")!.dataSource;
    const stored = JSON.stringify(await dataSource.query("SELECT * FROM moderation.case_report"));
    expect(stored).not.toMatch(/203\.0\.113|198\.51\.100/);
    // Once its hour has passed (moved back here), a report's reporter hash is forgotten by the next report.
    await dataSource.query("UPDATE moderation.case_report SET reported_at = now() - interval '2 hours' WHERE record_id = $1", [ids.reported]);
    expect((await report(ids.other, newClient())).errors).toBeUndefined();
    const kept = (await dataSource.query("SELECT reporter_hash FROM moderation.case_report WHERE record_id = $1", [ids.reported])) as Array<{
      reporter_hash: string | null;
    }>;
    expect(kept.length).toBe(2);
    expect(kept.every((row) => row.reporter_hash === null)).toBe(true);
  });

  it("refuses the report after REPORTS_PER_CLIENT_PER_HOUR from one client with RATE_LIMITED, recording nothing", async () => {
    const client = newClient();
    for (let index = 0; index < PER_CLIENT; index++) expect((await report(ids.limited, client)).errors).toBeUndefined();
    const before = await rows("case_report");
    const error = refusal(await report(ids.limited, client), "RATE_LIMITED");
    expect(error.extensions.limit).toBe("REPORTS_PER_CLIENT_PER_HOUR");
    expect(error.message).toContain(`at most ${PER_CLIENT} an hour`);
    expect(await rows("case_report")).toBe(before);
    // Another client may still report.
    expect((await report(ids.limited, newClient())).errors).toBeUndefined();
  });

  it("refuses reports of one record after REPORTS_PER_RECORD_PER_HOUR, whichever client sends them", async () => {
    for (let index = 0; index < PER_RECORD; index++) expect((await report(ids.recordLimited, newClient())).errors).toBeUndefined();
    expect((await caseAbout(ids.recordLimited)).reportCount).toBe(PER_RECORD);
    const before = await rows("case_report");
    const error = refusal(await report(ids.recordLimited, newClient()), "RATE_LIMITED");
    expect(error.extensions.limit).toBe("REPORTS_PER_RECORD_PER_HOUR");
    expect(await rows("case_report")).toBe(before);
  });

  it("holds the per-client limit under concurrent reports", async () => {
    const client = newClient();
    const answers = await Promise.all(Array.from({ length: PER_CLIENT + 3 }, () => report(ids.concurrent, client)));
    expect(answers.filter((answer) => answer.data?.reportRecord?.received === true)).toHaveLength(PER_CLIENT);
    expect(answers.filter((answer) => answer.errors?.[0]?.extensions?.code === "RATE_LIMITED")).toHaveLength(3);
    expect((await caseAbout(ids.concurrent)).reportCount).toBe(PER_CLIENT);
  });
});

describe("reports refused", () => {
  it("refuses a record that is not public (pending review) or unknown, naming id, exactly alike", async () => {
    const before = [await rows("case_report"), await rows("moderation_case")];
    const pending = refusal(await report(ids.pending, newClient()), "BAD_USER_INPUT");
    expect(pending.extensions.field).toBe("id");
    expect(pending.message).toBe(`Invalid input: id: no published event has the id ${ids.pending}`);
    const unknown = refusal(await report(UNKNOWN, newClient()), "BAD_USER_INPUT");
    expect(unknown.message).toBe(`Invalid input: id: no published event has the id ${UNKNOWN}`);
    // Archived by its network: still readable by id, but no longer published.
    const archived = await graphql(
      "mutation($id: ID!) { changeEventPublication(id: $id, action: ARCHIVE) { publicationState } }",
      { id: ids.archived },
      { token: makersKey },
    );
    expect(archived.data!.changeEventPublication).toEqual({ publicationState: "ARCHIVED" });
    expect(refusal(await report(ids.archived, newClient()), "BAD_USER_INPUT").message).toBe(`Invalid input: id: no published event has the id ${ids.archived}`);
    // The organisation is an organisation, not an event.
    expect(refusal(await report(ids.organisation, newClient()), "BAD_USER_INPUT").extensions.field).toBe("id");
    expect(refusal(await report("not-a-uuid", newClient()), "BAD_USER_INPUT").extensions.field).toBe("id");
    expect([await rows("case_report"), await rows("moderation_case")]).toEqual(before);
  });

  it("refuses an unknown reason, a text over 1000 characters and OTHER without a text, naming the field", async () => {
    const before = await rows("case_report");
    const badReason = await report(ids.reported, newClient(), { reason: "BORING" });
    expect(badReason.data ?? null).toBeNull();
    expect(badReason.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const long = refusal(await report(ids.reported, newClient(), { text: "x".repeat(1001) }), "BAD_USER_INPUT");
    expect(long.extensions.field).toBe("text");
    expect(long.message).toContain("at most 1000 characters");
    const other = refusal(await report(ids.reported, newClient(), { reason: "OTHER", text: "   " }), "BAD_USER_INPUT");
    expect(other.extensions.field).toBe("text");
    expect(await rows("case_report")).toBe(before);
  });

  it("accepts reports of other types: an organisation", async () => {
    const answer = await graphql(
      REPORT,
      { input: { type: "ORGANISATION", id: ids.organisation, reason: "OTHER", text: "Not a real collective." } },
      { client: newClient() },
    );
    expect(answer.errors).toBeUndefined();
    const [found] = await casesOf(makersKey, { type: "ORGANISATION" });
    expect(found).toMatchObject({ recordType: "ORGANISATION", recordId: ids.organisation, record: { __typename: "Organisation", id: ids.organisation } });
  });

  it("accepts reports of resources, asking the resources subgraph", async () => {
    const created = await graphql(
      "mutation($input: CreateResourceInput!) { createResource(input: $input) { id publicationState } }",
      {
        input: {
          network: "makers",
          kind: "TOOLKIT",
          title: { originalLanguage: "en", translations: [{ lang: "en", value: "Makers toolkit" }] },
          publicationDate: "2025-01-15",
          links: [{ url: "https://makers.example.org/toolkit.pdf", mediaType: "application/pdf" }],
        },
      },
      { token: makersKey },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createResource.id as string;
    const answer = await graphql(
      REPORT,
      { input: { type: "RESOURCE", id, reason: "INFRINGES_RIGHTS", text: "Copied from our handbook." } },
      { client: newClient() },
    );
    expect(answer.errors).toBeUndefined();
    const [found] = await casesOf(makersKey, { type: "RESOURCE" });
    expect(found).toMatchObject({ recordType: "RESOURCE", recordId: id, record: { __typename: "Resource", id } });
  });
});

describe("resolving a case", () => {
  it("refuses a network (FORBIDDEN) and anonymous clients (UNAUTHENTICATED), leaving the case open", async () => {
    const open = await caseAbout(ids.reported);
    refusal(await graphql(RESOLVE, { id: open.id, outcome: "UPHELD", note: "Spam" }, { token: makersKey }), "FORBIDDEN");
    refusal(await graphql(RESOLVE, { id: open.id, outcome: "DISMISSED" }, { token: weaversKey }), "FORBIDDEN");
    refusal(await graphql(RESOLVE, { id: open.id, outcome: "DISMISSED" }), "UNAUTHENTICATED");
    expect((await caseAbout(ids.reported)).state).toBe("OPEN");
    const noNote = refusal(await graphql(RESOLVE, { id: open.id, outcome: "UPHELD" }, { token: moderatorKey }), "BAD_USER_INPUT");
    expect(noNote.extensions.field).toBe("note");
  });

  it("upholds a case as a moderator: the event is rejected at its owner, no longer public, and its network sees why", async () => {
    const open = await caseAbout(ids.reported);
    const answer = await graphql(RESOLVE, { id: open.id, outcome: "UPHELD", note: "Advertising, not an event." }, { token: moderatorKey });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.resolveModerationCase).toMatchObject({
      id: open.id,
      state: "UPHELD",
      resolution: "Advertising, not an event.",
      recordAction: "REJECT",
      resolvedBy: "amina",
      resolvedAt: expect.any(String),
    });
    expect((await graphql(EVENT, { id: ids.reported })).data!.event).toBeNull();
    const owned = (await graphql(EVENT, { id: ids.reported }, { token: makersKey })).data!.event;
    expect(owned).toMatchObject({ publicationState: "REJECTED", rejectionReason: "Advertising, not an event." });
    expect(owned.publicationHistory[0]).toEqual({ change: "REJECTED", actorKind: "MODERATOR", actor: "amina", reason: "Advertising, not an event." });
    // The owner still lists the decided case; the record can no longer be reported; the case cannot be decided twice.
    expect((await casesOf(makersKey, { state: "UPHELD" })).map((found) => found.id)).toEqual([open.id]);
    expect(refusal(await report(ids.reported, newClient()), "BAD_USER_INPUT").extensions.field).toBe("id");
    expect(refusal(await graphql(RESOLVE, { id: open.id, outcome: "DISMISSED" }, { token: moderatorKey }), "BAD_USER_INPUT").extensions.field).toBe("id");
  });

  it("dismisses a case as the operator, leaving the record public; a new report opens a new case", async () => {
    expect((await report(ids.dismissed, newClient())).errors).toBeUndefined();
    const open = await caseAbout(ids.dismissed);
    const answer = await graphql(RESOLVE, { id: open.id, outcome: "DISMISSED", note: "An ordinary event." }, { token: TEST_ADMIN_TOKEN });
    expect(answer.data!.resolveModerationCase).toMatchObject({ state: "DISMISSED", recordAction: null, resolvedBy: "operator" });
    expect((await graphql(EVENT, { id: ids.dismissed })).data!.event).toMatchObject({ publicationState: "PUBLISHED" });
    expect((await report(ids.dismissed, newClient())).errors).toBeUndefined();
    const about = (await casesOf(makersKey)).filter((found) => found.recordId === ids.dismissed);
    expect(about.map((found) => found.state).sort()).toEqual(["DISMISSED", "OPEN"]);
  });

  it("pages through cases, at most 100 at a time", async () => {
    const all = await casesOf(TEST_ADMIN_TOKEN, { first: 100 });
    const first = await graphql(CASES, { first: 2 }, { token: TEST_ADMIN_TOKEN });
    const second = await graphql(CASES, { first: 100, after: first.data!.moderationCases.pageInfo.endCursor }, { token: TEST_ADMIN_TOKEN });
    const paged = [...first.data!.moderationCases.edges, ...second.data!.moderationCases.edges].map((edge: { node: { id: string } }) => edge.node.id);
    expect(paged).toEqual(all.map((found) => found.id));
    expect((await graphql(CASES, { first: 101 }, { token: TEST_ADMIN_TOKEN })).errors?.[0]?.extensions).toMatchObject({
      code: "PAGE_SIZE_EXCEEDED",
      limit: 100,
    });
  });
});

describe("with the record's owner down", () => {
  it("refuses a report with SERVICE_UNAVAILABLE and an upheld case stays open, nothing written", async () => {
    expect((await report(ids.ownerDown, newClient())).errors).toBeUndefined();
    const open = await caseAbout(ids.ownerDown);
    await testHub.hub.subgraphs.find((started) => started.name === "events")!.stop();
    const before = await rows("case_report");
    const unavailable = refusal(await report(ids.ownerDown, newClient()), "SERVICE_UNAVAILABLE");
    expect(unavailable.message).toContain("events subgraph is unavailable");
    expect(await rows("case_report")).toBe(before);
    const notTakenDown = refusal(await graphql(RESOLVE, { id: open.id, outcome: "UPHELD", note: "Spam" }, { token: moderatorKey }), "SERVICE_UNAVAILABLE");
    expect(notTakenDown.message).toContain("the case stays open");
    expect((await caseAbout(ids.ownerDown)).state).toBe("OPEN");
  });
});
