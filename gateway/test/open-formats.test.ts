import ICAL from "ical.js";
import { freePort } from "@agora-hub/runtime";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "./test-hub";

/** Open formats end to end: Accept-Language, JSON-LD pages and iCalendar feeds through the gateway. */
let testHub: TestHub;
let base: string;

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

async function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(new URL("/graphql", base), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

const asOperator = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
/** AGORA_PUBLIC_URL is unset, so every `@id` and calendar URL follows the gateway's port (set in beforeAll). */
let HUB_URL: string;
const TRICKY_TITLE = "Forum; music, dance & film: a very long title that needs folding because it goes on and on past seventy-five octets";

let eventId: string;
let organisationId: string;

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(path, base), { headers });
}

function eventsOf(text: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
}

beforeAll(async () => {
  const gatewayPort = await freePort();
  HUB_URL = `http://localhost:${gatewayPort}`;
  testHub = await startTestHub({ gatewayPort });
  base = testHub.hub.gatewayUrl;
  const organisations = await graphql("{ organisations(first: 1) { edges { node { id } } } }");
  organisationId = organisations.data!.organisations.edges[0].node.id;
  const created = await graphql(
    "mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }",
    {
      input: {
        network: "agora-test",
        title: {
          originalLanguage: "en",
          translations: [
            { lang: "en", value: TRICKY_TITLE },
            { lang: "fr", value: "Forum des arts", machineTranslated: true },
          ],
        },
        format: "FORUM",
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        timeZone: "Africa/Tunis",
        attendanceMode: "MIXED",
        venue: { name: "Dar Sebastian", city: "Hammamet", country: "TN", latitude: 36.4, longitude: 10.6 },
        onlineUrl: "https://example.org/live",
        languages: ["en", "fr"],
        organiserIds: [organisationId],
      },
    },
    asOperator,
  );
  expect(created.errors).toBeUndefined();
  eventId = created.data!.createEvent.id;
}, 60_000);

afterAll(async () => {
  await testHub?.close();
});

describe("Accept-Language", () => {
  const TITLE = "query($id: ID!) { event(id: $id) { title { text textLanguage } } }";

  it("answers in the original language when neither lang nor Accept-Language is given", async () => {
    const answer = await graphql(TITLE, { id: eventId });
    expect(answer.data!.event.title).toEqual({ text: TRICKY_TITLE, textLanguage: "en" });
  });

  it("answers in the first held language of Accept-Language, trying a regional tag's base language", async () => {
    const answer = await graphql(TITLE, { id: eventId }, { "accept-language": "de;q=1, fr-CA;q=0.9, en;q=0.5" });
    expect(answer.data!.event.title).toEqual({ text: "Forum des arts", textLanguage: "fr" });
  });

  it("ignores unknown and malformed tags and zero-quality ones", async () => {
    const answer = await graphql(TITLE, { id: eventId }, { "accept-language": "xx-YY, !!, fr;q=0, *" });
    expect(answer.data!.event.title.textLanguage).toBe("en");
  });

  it("lets an explicit lang argument win over Accept-Language", async () => {
    const answer = await graphql('query($id: ID!) { event(id: $id) { title { text(lang: "en") } } }', { id: eventId }, { "accept-language": "fr" });
    expect(answer.data!.event.title.text).toBe(TRICKY_TITLE);
  });

  it("refuses an unknown lang tag with a clear BAD_USER_INPUT error", async () => {
    const answer = await graphql('query($id: ID!) { event(id: $id) { title { text(lang: "klingon-xx") } } }', { id: eventId });
    expect(answer.errors?.[0].message).toMatch(/"klingon-xx" is not a supported BCP 47 language tag/);
    expect(answer.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});

describe("JSON-LD", () => {
  it("describes a person as schema.org Person without contact data", async () => {
    const answer = await graphql("{ people(first: 5) { edges { node { id jsonLd } } } }");
    for (const { node } of answer.data!.people.edges) {
      expect(node.jsonLd).toMatchObject({ "@context": "https://schema.org", "@type": "Person", "@id": `${HUB_URL}/people/${node.id}` });
      expect(typeof node.jsonLd.name).toBe("string");
      expect(JSON.stringify(node.jsonLd)).not.toMatch(/email|mailto:/i);
    }
  });

  it("describes organisations as Organization or a subtype, with the hub kind as additionalType", async () => {
    const answer = await graphql("{ organisations(first: 20) { edges { node { id kind jsonLd } } } }");
    for (const { node } of answer.data!.organisations.edges) {
      expect(["Organization", "NGO", "GovernmentOrganization", "Corporation", "EducationalOrganization", "ResearchOrganization"]).toContain(
        node.jsonLd["@type"],
      );
      expect(node.jsonLd["@id"]).toBe(`${HUB_URL}/organisations/${node.id}`);
      expect(node.jsonLd.additionalType).toBe(`${HUB_URL}/vocabularies/organisation-kinds#${node.kind}`);
      expect(node.jsonLd.address["@type"]).toBe("PostalAddress");
    }
  });

  it("describes opportunities as MonetaryGrant, JobPosting, Course or Offer by type, publishers as @id links", async () => {
    const answer = await graphql("{ opportunities(first: 50) { edges { node { id type jsonLd } } } }");
    const expected: Record<string, string> = {
      GRANT: "MonetaryGrant",
      MOBILITY_GRANT: "MonetaryGrant",
      JOB: "JobPosting",
      TRAINING_COURSE: "Course",
      RESIDENCY: "Offer",
    };
    const seen = new Set<string>();
    for (const { node } of answer.data!.opportunities.edges) {
      const { jsonLd } = node;
      seen.add(jsonLd["@type"]);
      if (expected[node.type]) expect(jsonLd["@type"]).toBe(expected[node.type]);
      expect(jsonLd.name[0]).toEqual({ "@value": expect.any(String), "@language": expect.any(String) });
      const publisher = jsonLd.funder ?? jsonLd.hiringOrganization ?? jsonLd.provider ?? jsonLd.offeredBy;
      expect(Object.keys(publisher)).toEqual(["@id"]);
      expect(publisher["@id"]).toMatch(new RegExp(`^${HUB_URL}/organisations/[0-9a-f-]{36}$`));
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it("describes an event with dates, attendance mode, place with geo, virtual location and organiser links", async () => {
    const answer = await graphql("query($id: ID!) { event(id: $id) { jsonLd } }", { id: eventId });
    const jsonLd = answer.data!.event.jsonLd;
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      "@id": `${HUB_URL}/events/${eventId}`,
      eventAttendanceMode: "https://schema.org/MixedEventAttendanceMode",
      organizer: [{ "@id": `${HUB_URL}/organisations/${organisationId}` }],
      inLanguage: ["en", "fr"],
      name: [
        { "@value": TRICKY_TITLE, "@language": "en" },
        { "@value": "Forum des arts", "@language": "fr" },
      ],
    });
    expect(new Date(jsonLd.startDate).toISOString()).toBe(jsonLd.startDate);
    expect(jsonLd.location).toEqual([
      expect.objectContaining({ "@type": "Place", geo: { "@type": "GeoCoordinates", latitude: 36.4, longitude: 10.6 } }),
      { "@type": "VirtualLocation", url: "https://example.org/live" },
    ]);
  });
});

describe("JSON-LD pages", () => {
  it("serves an entity as application/ld+json", async () => {
    const response = await get(`/events/${eventId}.jsonld`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    expect(((await response.json()) as Record<string, unknown>)["@id"]).toBe(`${HUB_URL}/events/${eventId}`);
    const organisation = await get(`/organisations/${organisationId}.jsonld`);
    expect(organisation.status).toBe(200);
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    expect((await get("/people/00000000-0000-4000-8000-000000000000.jsonld")).status).toBe(404);
    const malformed = await get("/opportunities/not-an-id.jsonld");
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toMatch(/not a valid id/);
  });

  it("answers 404 for a person hidden from the public directory", async () => {
    const created = await graphql(
      "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }",
      { input: { network: "agora-test", displayName: "Hidden Person", discoverable: false } },
      asOperator,
    );
    expect(created.errors).toBeUndefined();
    expect((await get(`/people/${created.data!.createPerson.id}.jsonld`)).status).toBe(404);
  });
});

describe("iCalendar feeds", () => {
  it("serves upcoming events as a valid RFC 5545 calendar", async () => {
    const response = await get("/feeds/events.ics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const events = eventsOf(text);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      for (const property of ["uid", "dtstamp", "dtstart", "summary"]) expect(event.hasProperty(property)).toBe(true);
      expect(event.getFirstPropertyValue("dtstart")!.toString()).toMatch(/Z$/);
    }
  });

  it("escapes commas and semicolons and folds long titles", async () => {
    const text = await (await get("/feeds/events.ics?formats=FORUM&networks=agora-test")).text();
    expect(text).toContain("SUMMARY:Forum\\; music\\, dance & film");
    expect(text).toMatch(/\r\n /);
    const [event] = eventsOf(text);
    expect(event.getFirstPropertyValue("summary")).toBe(TRICKY_TITLE);
    expect(event.getFirstPropertyValue("uid")).toBe(`event-${eventId}@${new URL(HUB_URL).host}`);
  });

  it("applies the filters of the events query and the language asked for", async () => {
    const text = await (await get("/feeds/events.ics?networks=agora-test&lang=fr")).text();
    const summaries = eventsOf(text).map((event) => event.getFirstPropertyValue("summary"));
    expect(summaries).toEqual(["Forum des arts"]);
    const byHeader = await (await get("/feeds/events.ics?networks=agora-test", { "accept-language": "fr" })).text();
    expect(eventsOf(byHeader).map((event) => event.getFirstPropertyValue("summary"))).toEqual(["Forum des arts"]);
    const festivals = eventsOf(await (await get("/feeds/events.ics?formats=FESTIVAL&upcoming=false")).text());
    for (const event of festivals) expect(event.getFirstPropertyValue("categories")).toBe("FESTIVAL");
  });

  it("answers 400 with a clear message for bad parameters", async () => {
    const cases: Array<[string, RegExp]> = [
      ["/feeds/events.ics?formats=PICNIC", /PICNIC.*EventFormat/],
      ["/feeds/events.ics?upcoming=maybe", /upcoming: must be true or false/],
      ["/feeds/events.ics?colour=red", /unknown parameter "colour"/],
      ["/feeds/events.ics?startsAfter=yesterday", /startsAfter/],
      ["/feeds/deadlines.ics?closingWithinDays=1000", /closingWithinDays: must be at most 366/],
      ["/feeds/events.ics?lang=zz-nope", /not a supported BCP 47 language tag/],
    ];
    for (const [path, message] of cases) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 400]);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
  });

  it("serves opportunity deadlines with the application URL, filtered like opportunities", async () => {
    const response = await get("/feeds/deadlines.ics?types=GRANT,MOBILITY_GRANT");
    expect(response.status).toBe(200);
    const events = eventsOf(await response.text());
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(["GRANT", "MOBILITY_GRANT"]).toContain(event.getFirstPropertyValue("categories"));
      expect(String(event.getFirstPropertyValue("summary"))).toMatch(/^Deadline: /);
      expect((event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().getTime()).toBeGreaterThanOrEqual(Date.now() - 60_000);
      expect(event.hasProperty("url")).toBe(true);
    }
  });
});
