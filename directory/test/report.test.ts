import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../gateway/test/test-hub";

/** "Report this" on the directory's detail pages: a form, no script, the moderation subgraph behind it. */
let testHub: TestHub;
let base: string;

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string }> };
const UNKNOWN = "0f0f0f0f-0000-4000-8000-00000000abcd";
const ids: Record<"people" | "organisations" | "opportunities" | "events" | "resources", string> = {
  people: "",
  organisations: "",
  opportunities: "",
  events: "",
  resources: "",
};

async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(new URL("/graphql", base), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as Answer;
  expect(answer.errors).toBeUndefined();
  return answer;
}

/** Each simulated visitor comes from its own address (the gateway trusts X-Forwarded-For from loopback here). */
let nextClient = 1;
const newClient = () => `203.0.113.${nextClient++}`;

/** Posts the form as a browser would, from `client`'s address. */
async function postReport(path: string, fields: Record<string, string>, client: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, base), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": client, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  testHub = await startTestHub({
    seed: { people: 0, organisations: 0, opportunities: 0, events: 0 },
    env: { REPORTS_PER_CLIENT_PER_HOUR: "2", TRUST_PROXY: "loopback" },
  });
  base = testHub.hub.gatewayUrl;
  const create = (type: string, input: Record<string, unknown>) =>
    graphql(`mutation($input: Create${type}Input!) { create${type}(input: $input) { id } }`, { input }).then(
      (answer) => answer.data![`create${type}`].id as string,
    );
  ids.organisations = await create("Organisation", { network: "agora-test", name: "Quillaventa Studio", kind: "COLLECTIVE", country: "MA" });
  ids.people = await create("Person", { network: "agora-test", displayName: "Quillaventa Member", discoverable: true });
  ids.opportunities = await create("Opportunity", {
    network: "agora-test",
    type: "RESIDENCY",
    title: { originalLanguage: "en", translations: [{ lang: "en", value: "Quillaventa residency" }] },
    publisherId: ids.organisations,
    deadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
  });
  ids.events = await create("Event", {
    network: "agora-test",
    title: { originalLanguage: "en", translations: [{ lang: "en", value: "Quillaventa open studios" }] },
    format: "EXHIBITION",
    startsAt: "2031-05-10T17:00:00.000Z",
    endsAt: "2031-05-10T20:00:00.000Z",
    timeZone: "Africa/Casablanca",
    attendanceMode: "IN_PERSON",
    venue: { name: "Dar Bellarj", city: "Marrakech", country: "MA" },
    organiserIds: [ids.organisations],
  });
  ids.resources = await create("Resource", {
    network: "agora-test",
    kind: "CASE_STUDY",
    title: { originalLanguage: "en", translations: [{ lang: "en", value: "Quillaventa case study" }] },
    publicationDate: "2024-03-12",
    links: [{ url: "https://example.org/quillaventa.pdf", mediaType: "application/pdf", language: "en" }],
  });
}, 60_000);

afterAll(async () => {
  await testHub?.close();
});

describe("directory: report this", () => {
  it("offers the form, with every reason named in the page's language, on the page of each kind of record", async () => {
    for (const [collection, id] of Object.entries(ids)) {
      const response = await fetch(new URL(`/${collection}/${id}?lang=fr`, base));
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(html).toContain(`<form method="post" action="/report/${collection}/${id}?lang=fr">`);
      expect(html).toContain('<label for="report-reason">Motif</label>');
      expect(html).toContain('<option value="INACCURATE">Faux ou périmé</option>');
      expect(html).toContain('<textarea id="report-text" name="text"');
    }
  });

  it("opens a moderation case the operator sees, with the reason and the text", async () => {
    const sent = await postReport(`/report/events/${ids.events}`, { reason: "INACCURATE", text: "The venue moved to Dar Si Said." }, newClient());
    expect(sent.status).toBe(200);
    expect(sent.html).toContain("Report received");
    expect(sent.html).toContain("Thank you: your report was received.");
    expect(sent.html).toContain(`href="/events/${ids.events}?lang=en"`);
    const cases = await graphql(
      `{ moderationCases(type: EVENT, first: 10) { edges { node { recordId reportCount reasons { reason count } texts(first: 5) { edges { node { text } } } } } } }`,
    );
    const node = cases.data!.moderationCases.edges.map((edge: { node: Record<string, any> }) => edge.node).find((n: any) => n.recordId === ids.events);
    expect(node).toMatchObject({ reportCount: 1, reasons: [{ reason: "INACCURATE", count: 1 }] });
    expect(node.texts.edges[0].node.text).toBe("The venue moved to Dar Si Said.");
  });

  it("answers a reason it does not know with a 400 page naming the reason, the form again, and nothing recorded", async () => {
    const sent = await postReport(`/report/resources/${ids.resources}`, { reason: "BORING", text: "meh" }, newClient());
    expect(sent.status).toBe(400);
    expect(sent.html).toContain("Please check the reason");
    expect(sent.html).toContain("&quot;BORING&quot; is not one of SPAM");
    expect(sent.html).toMatch(/<details class="report" open="">|<details class="report" open>/);
    expect(sent.html).toContain(">meh</textarea>");
    const cases = await graphql(`{ moderationCases(type: RESOURCE, first: 10) { totalCount } }`);
    expect(cases.data!.moderationCases.totalCount).toBe(0);
  });

  it("answers OTHER without a text with a 400 page naming the text", async () => {
    const sent = await postReport(`/report/organisations/${ids.organisations}`, { reason: "OTHER", text: "  " }, newClient());
    expect(sent.status).toBe(400);
    expect(sent.html).toContain("Please check the text");
    expect(sent.html).toContain('<option value="OTHER" selected="">');
  });

  it("holds the limit per client: the third report within the hour is a 429 page, while another client may still report", async () => {
    const client = newClient();
    for (const collection of ["people", "opportunities"] as const) {
      expect((await postReport(`/report/${collection}/${ids[collection]}`, { reason: "SPAM", text: "" }, client)).status).toBe(200);
    }
    const refused = await postReport(`/report/organisations/${ids.organisations}`, { reason: "SPAM", text: "" }, client);
    expect(refused.status).toBe(429);
    expect(refused.html).toContain("Too many reports from you in the last hour.");
    expect((await postReport(`/report/organisations/${ids.organisations}`, { reason: "SPAM", text: "" }, newClient())).status).toBe(200);
  });

  it("answers 404 for an unknown record and for an address that is not an id", async () => {
    expect((await postReport(`/report/events/${UNKNOWN}`, { reason: "SPAM", text: "" }, newClient())).status).toBe(404);
    expect((await postReport(`/report/events/not-an-id`, { reason: "SPAM", text: "" }, newClient())).status).toBe(404);
  });

  it("refuses a report posted from another site's page, and a body too large", async () => {
    const crossSite = await postReport(`/report/events/${ids.events}`, { reason: "SPAM", text: "" }, newClient(), { origin: "https://elsewhere.example" });
    expect(crossSite.status).toBe(403);
    expect(crossSite.html).toContain("could not be sent from another site");
    const huge = await postReport(`/report/events/${ids.events}`, { reason: "SPAM", text: "x".repeat(20_000) }, newClient());
    expect(huge.status).toBe(413);
    expect(huge.html).toContain("This report is too long to be sent.");
  });
});
