import { randomUUID } from "node:crypto";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import ICAL from "ical.js";
import { freePort } from "@agora-hub/runtime";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../gateway/test/test-hub";
import { sitemapIndexXml, urlsetXml } from "../seo/sitemaps";

/** What search engines and calendars read of the directory: vocabularies, add-to-calendar, robots.txt, sitemaps, canonical URLs. */
let testHub: TestHub;
let base: string;
/** The hub's public base URL (AGORA_PUBLIC_URL is unset, so it follows the gateway's port): every canonical URL and `@id` starts with it. */
let hubUrl: string;

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string }> };
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS = "http://www.w3.org/1999/xhtml";
/** More than one page of the lists (100), so the sitemap walks several. */
const SEEDED_PEOPLE = 130;

async function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(new URL("/graphql", base), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as Answer;
  expect(answer.errors).toBeUndefined();
  return answer;
}
const asOperator = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(new URL(path, base), { headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** Every `href` of a page, in order. */
function links(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1].replace(/&amp;/g, "&"));
}

function embeddedJsonLd(html: string): Record<string, any> {
  const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
  expect(block).not.toBeNull();
  return JSON.parse(block![1]) as Record<string, any>;
}

function canonicalOf(html: string): string | undefined {
  return /<link rel="canonical" href="([^"]*)"\/>/.exec(html)?.[1].replace(/&amp;/g, "&");
}

/** An XML document parsed strictly: any well-formedness error fails the test. */
function parseXml(text: string): Document {
  const problems: string[] = [];
  const document = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(text, "application/xml");
  expect(problems).toEqual([]);
  return document;
}

function childText(element: Element, name: string): string | undefined {
  return element.getElementsByTagNameNS(SITEMAP_NS, name)[0]?.textContent ?? undefined;
}

/** A sitemap's `<url>` entries: location, last change and hreflang alternates. */
async function sitemap(path: string): Promise<Array<{ loc: string; lastmod?: string; alternates: Record<string, string> }>> {
  const response = await get(path);
  expect([path, response.status]).toEqual([path, 200]);
  expect(response.headers.get("content-type")).toMatch(/^application\/xml/);
  const document = parseXml(response.text);
  expect(document.documentElement!.namespaceURI).toBe(SITEMAP_NS);
  expect(document.documentElement!.localName).toBe("urlset");
  return Array.from(document.getElementsByTagNameNS(SITEMAP_NS, "url")).map((url) => ({
    loc: childText(url, "loc")!,
    lastmod: childText(url, "lastmod"),
    alternates: Object.fromEntries(
      Array.from(url.getElementsByTagNameNS(XHTML_NS, "link")).map((link) => {
        expect(link.getAttribute("rel")).toBe("alternate");
        return [link.getAttribute("hreflang")!, link.getAttribute("href")!];
      }),
    ),
  }));
}

let organisationId: string;
let personId: string;
let hiddenPersonId: string;
let opportunityId: string;
let eventId: string;
let eventUpdatedAt: string;
let resourceId: string;

beforeAll(async () => {
  const gatewayPort = await freePort();
  hubUrl = `http://localhost:${gatewayPort}`;
  testHub = await startTestHub({ gatewayPort, seed: { people: SEEDED_PEOPLE, organisations: 0, opportunities: 0, events: 0 } });
  base = testHub.hub.gatewayUrl;
  const create = (type: string, input: Record<string, unknown>, fields = "id") =>
    graphql(`mutation($input: Create${type}Input!) { create${type}(input: $input) { ${fields} } }`, { input }, asOperator).then(
      (answer) => answer.data![`create${type}`] as Record<string, string>,
    );
  organisationId = (
    await create("Organisation", { network: "agora-test", name: "Quellmarsh Dance Collective", kind: "NGO", country: "FR", disciplines: ["DANCE"] })
  ).id;
  personId = (await create("Person", { network: "agora-test", displayName: "Quellmarsh Listed Dancer", discoverable: true })).id;
  hiddenPersonId = (await create("Person", { network: "agora-test", displayName: "Quellmarsh Hidden Dancer", discoverable: false })).id;
  opportunityId = (
    await create("Opportunity", {
      network: "agora-test",
      type: "RESIDENCY",
      title: { originalLanguage: "en", translations: [{ lang: "en", value: "Quellmarsh dance residency" }] },
      publisherId: organisationId,
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    })
  ).id;
  const event = await create(
    "Event",
    {
      network: "agora-test",
      title: {
        originalLanguage: "en",
        translations: [
          { lang: "en", value: "Quellmarsh summer dance night" },
          { lang: "fr", value: "Nuit d'été de la danse Quellmarsh" },
        ],
      },
      format: "PERFORMANCE",
      startsAt: "2031-07-04T18:30:00.000Z",
      endsAt: "2031-07-04T21:00:00.000Z",
      timeZone: "Europe/Paris",
      attendanceMode: "IN_PERSON",
      venue: { name: "CN D", city: "Pantin", country: "FR" },
      disciplines: ["DANCE"],
      organiserIds: [organisationId],
    },
    "id updatedAt",
  );
  eventId = event.id;
  eventUpdatedAt = event.updatedAt;
  resourceId = (
    await create("Resource", {
      network: "agora-test",
      kind: "TOOLKIT",
      title: { originalLanguage: "en", translations: [{ lang: "en", value: "Quellmarsh touring toolkit" }] },
      publicationDate: "2025-02-01",
      links: [{ url: "https://example.org/quellmarsh-toolkit.pdf", mediaType: "application/pdf", language: "en" }],
      publisherIds: [organisationId],
    })
  ).id;
}, 90_000);

afterAll(async () => {
  await testHub?.close();
});

describe("vocabulary pages", () => {
  it("lists the five vocabularies, in every interface language", async () => {
    const index = await get("/vocabularies");
    expect(index.status).toBe(200);
    expect(links(index.text)).toEqual(
      expect.arrayContaining([
        "/vocabularies/disciplines?lang=en",
        "/vocabularies/opportunity-types?lang=en",
        "/vocabularies/event-formats?lang=en",
        "/vocabularies/organisation-kinds?lang=en",
        "/vocabularies/resource-kinds?lang=en",
      ]),
    );
    expect(canonicalOf(index.text)).toBe(`${hubUrl}/vocabularies`);
    const titles: Record<string, string> = { en: "Event formats", fr: "Formats d&#39;événements", ar: "أشكال الفعاليات", es: "Formatos de evento" };
    for (const [lang, title] of Object.entries(titles)) {
      const page = await get(`/vocabularies?lang=${lang}`);
      expect(page.text).toMatch(new RegExp(`<html lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}">`));
      expect(page.text).toContain(title);
    }
    const linked = await fetch(new URL("/vocabularies", base), { headers: { accept: "application/ld+json" } });
    expect(linked.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const sets = ((await linked.json()) as { "@graph": Array<Record<string, unknown>> })["@graph"];
    expect(sets.map((set) => set["@id"])).toEqual(
      ["disciplines", "opportunity-types", "event-formats", "organisation-kinds", "resource-kinds"].map((name) => `${hubUrl}/vocabularies/${name}`),
    );
  });

  it("shows every term of a vocabulary as the public schema has it, each at its #CODE, with a DefinedTermSet embedded", async () => {
    const schema = await graphql('{ __type(name: "EventFormat") { description enumValues { name description } } }');
    const values = schema.data!.__type.enumValues as Array<{ name: string; description: string }>;
    const page = await get("/vocabularies/event-formats", { accept: "text/html" });
    expect(page.status).toBe(200);
    for (const value of values) {
      expect(page.text).toMatch(new RegExp(`<div id="${value.name}" class="term"><dt>[^<]+ <code>${value.name}</code></dt>`));
    }
    expect(page.text).toContain("Matchmaking session");
    expect(page.text).toContain("Pre-scheduled one-to-one meetings to find project partners (b2match style).");
    const jsonLd = embeddedJsonLd(page.text);
    expect(jsonLd).toMatchObject({ "@context": "https://schema.org", "@type": "DefinedTermSet", "@id": `${hubUrl}/vocabularies/event-formats` });
    expect(jsonLd.name).toContainEqual({ "@value": "Formats d'événements", "@language": "fr" });
    expect(jsonLd.hasDefinedTerm).toHaveLength(values.length);
    expect(jsonLd.hasDefinedTerm).toContainEqual({
      "@type": "DefinedTerm",
      "@id": `${hubUrl}/vocabularies/event-formats#FORUM`,
      termCode: "FORUM",
      name: "Forum",
      description: values.find((value) => value.name === "FORUM")!.description,
      inDefinedTermSet: `${hubUrl}/vocabularies/event-formats`,
    });
    // The page's canonical URL is the set's @id; linked-data clients get the same document.
    expect(canonicalOf(page.text)).toBe(jsonLd["@id"]);
    const linked = await fetch(new URL("/vocabularies/event-formats", base), { headers: { accept: "application/ld+json" } });
    expect(linked.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    expect(await linked.json()).toEqual(jsonLd);
  });

  it("serves the resource kinds that resources' JSON-LD links to, named in the page's language", async () => {
    const schema = await graphql('{ __type(name: "ResourceKind") { enumValues { name } } }');
    const kinds = (schema.data!.__type.enumValues as Array<{ name: string }>).map((value) => value.name);
    expect(kinds).toEqual(expect.arrayContaining(["PROJECT_REPORT", "CASE_STUDY", "DATASET"]));
    const page = await get("/vocabularies/resource-kinds?lang=fr", { accept: "text/html" });
    expect(page.status).toBe(200);
    for (const kind of kinds) expect(page.text).toMatch(new RegExp(`<div id="${kind}" class="term"><dt>[^<]+ <code>${kind}</code></dt>`));
    expect(page.text).toContain("Types de ressources");
    expect(page.text).toContain("Étude de cas");
    const jsonLd = embeddedJsonLd(page.text);
    expect(jsonLd["@id"]).toBe(`${hubUrl}/vocabularies/resource-kinds`);
    expect(jsonLd.hasDefinedTerm.map((term: { "@id": string }) => term["@id"])).toContain(`${hubUrl}/vocabularies/resource-kinds#CASE_STUDY`);
  });

  it("groups disciplines by their UNESCO domain", async () => {
    const page = await get("/vocabularies/disciplines?lang=fr");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Cadre de l&#39;UNESCO");
    const section = /<section id="VISUAL_ARTS_AND_CRAFTS" class="term-group">(.*?)<\/section>/s.exec(page.text);
    expect(section).not.toBeNull();
    // Names in the page's language.
    expect(section![1]).toContain("<h2>Arts visuels et artisanat <code>VISUAL_ARTS_AND_CRAFTS</code></h2>");
    for (const practice of ["FINE_ARTS", "PHOTOGRAPHY", "ARTISTIC_CRAFTS", "CURATING"]) expect(section![1]).toContain(`<div id="${practice}" class="term">`);
    expect(section![1]).not.toContain('id="DANCE"');
    expect(section![1]).toMatch(/<div id="PHOTOGRAPHY" class="term"><dt>Photographie <code>PHOTOGRAPHY<\/code><\/dt>/);
    const count = (await graphql('{ __type(name: "Discipline") { enumValues { name } } }')).data!.__type.enumValues.length as number;
    expect(embeddedJsonLd(page.text).hasDefinedTerm).toHaveLength(count);
  });

  it("answers every vocabulary URI the entities' JSON-LD uses with a page that has the term", async () => {
    const organisation = (await graphql("query($id: ID!) { organisation(id: $id) { jsonLd } }", { id: organisationId })).data!.organisation.jsonLd;
    const event = (await graphql("query($id: ID!) { event(id: $id) { jsonLd } }", { id: eventId })).data!.event.jsonLd;
    const opportunity = (await graphql("query($id: ID!) { opportunity(id: $id) { jsonLd } }", { id: opportunityId })).data!.opportunity.jsonLd;
    const [dance] = organisation.keywords as Array<Record<string, any>>;
    expect(dance).toMatchObject({ "@id": `${hubUrl}/vocabularies/disciplines#DANCE`, inDefinedTermSet: { "@id": `${hubUrl}/vocabularies/disciplines` } });
    const uris = [organisation.additionalType, event.additionalType, opportunity.additionalType, dance["@id"]] as string[];
    expect(uris).toEqual([
      `${hubUrl}/vocabularies/organisation-kinds#NGO`,
      `${hubUrl}/vocabularies/event-formats#PERFORMANCE`,
      `${hubUrl}/vocabularies/opportunity-types#RESIDENCY`,
      `${hubUrl}/vocabularies/disciplines#DANCE`,
    ]);
    for (const uri of uris) {
      const url = new URL(uri);
      const page = await get(url.pathname);
      expect([uri, page.status]).toEqual([uri, 200]);
      expect(page.text).toContain(`id="${url.hash.slice(1)}"`);
    }
    expect((await get("/vocabularies/organisation-kinds")).text).toMatch(/<dt>NGO <code>NGO<\/code><\/dt>/);
  });

  it("answers 404 for an unknown vocabulary, as a page and as JSON-LD", async () => {
    const page = await get("/vocabularies/colours?lang=es");
    expect(page.status).toBe(404);
    expect(page.text).toContain("No encontrado");
    const linked = await fetch(new URL("/vocabularies/colours", base), { headers: { accept: "application/ld+json" } });
    expect(linked.status).toBe(404);
  });
});

describe("add to calendar", () => {
  it("serves one event as an iCalendar document in its own time zone", async () => {
    const response = await get(`/events/${eventId}.ics?lang=fr`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const { text } = response;
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zones = calendar.getAllSubcomponents("vtimezone");
    expect(zones.map((zone) => zone.getFirstPropertyValue("tzid"))).toEqual(["Europe/Paris"]);
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.getFirstPropertyValue("uid")).toBe(`event-${eventId}@${new URL(hubUrl).host}`);
    expect(event.getFirstPropertyValue("summary")).toBe("Nuit d'été de la danse Quellmarsh");
    const start = event.getFirstProperty("dtstart")!;
    expect(start.getParameter("tzid")).toBe("Europe/Paris");
    // 18:30 UTC is 20:30 in Paris in July (summer time).
    expect(text).toContain("DTSTART;TZID=Europe/Paris:20310704T203000\r\n");
    ICAL.TimezoneService.register(new ICAL.Timezone(zones[0]));
    try {
      const dtstart = event.getFirstPropertyValue("dtstart") as ICAL.Time;
      expect(dtstart.toJSDate().toISOString()).toBe("2031-07-04T18:30:00.000Z");
    } finally {
      ICAL.TimezoneService.reset();
    }
    expect(new Date(String(event.getFirstPropertyValue("last-modified"))).getTime()).toBe(new Date(eventUpdatedAt).setMilliseconds(0));
  });

  it("answers 400 for an address that is not an id or an unknown parameter, and 404 for an unknown event", async () => {
    const invalid = await get("/events/not-an-id.ics");
    expect(invalid.status).toBe(400);
    expect((JSON.parse(invalid.text) as { error: string }).error).toMatch(/not a valid id/);
    const unknownParameter = await get(`/events/${eventId}.ics?colour=red`);
    expect(unknownParameter.status).toBe(400);
    expect((JSON.parse(unknownParameter.text) as { error: string }).error).toMatch(/unknown parameter "colour"/);
    const badLanguage = await get(`/events/${eventId}.ics?lang=zz-nope`);
    expect(badLanguage.status).toBe(400);
    expect((JSON.parse(badLanguage.text) as { error: string }).error).toMatch(/not a supported BCP 47 language tag/);
    expect((await get(`/events/${randomUUID()}.ics`)).status).toBe(404);
  });

  it("links to it from the event's page, with the events feed and its webcal: subscription", async () => {
    const page = await get(`/events/${eventId}?lang=ar`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("أضف إلى التقويم (.ics)");
    const hrefs = links(page.text);
    expect(hrefs).toEqual(
      expect.arrayContaining([`/events/${eventId}.ics?lang=ar`, "/feeds/events.ics?lang=ar", `webcal://${new URL(hubUrl).host}/feeds/events.ics?lang=ar`]),
    );
    expect((await get(hrefs.find((href) => href.endsWith(".ics?lang=ar") && href.startsWith("/events/"))!)).status).toBe(200);
  });
});

describe("robots.txt and sitemaps", () => {
  it("opens the directory to crawlers, closes the APIs and names the sitemap", async () => {
    const robots = await get("/robots.txt");
    expect(robots.status).toBe(200);
    expect(robots.headers.get("content-type")).toMatch(/^text\/plain/);
    const lines = robots.text.split("\n");
    expect(lines).toEqual(
      expect.arrayContaining(["User-agent: *", "Allow: /", "Disallow: /graphql", "Disallow: /admin", "Disallow: /embed", `Sitemap: ${hubUrl}/sitemap.xml`]),
    );
  });

  it("indexes one sitemap per collection and one for the vocabularies, all of which answer", async () => {
    const index = await get("/sitemap.xml");
    expect(index.status).toBe(200);
    const document = parseXml(index.text);
    expect(document.documentElement!.localName).toBe("sitemapindex");
    const locations = Array.from(document.getElementsByTagNameNS(SITEMAP_NS, "loc")).map((loc) => loc.textContent);
    expect(locations).toEqual(
      ["people", "organisations", "opportunities", "events", "resources", "vocabularies"].map((name) => `${hubUrl}/sitemaps/${name}.xml`),
    );
    for (const location of locations) expect((await sitemap(new URL(location!).pathname)).length).toBeGreaterThan(0);
  });

  it("lists every public person over several pages of the list, with alternates and last change, and never one who is not discoverable", async () => {
    const people = await sitemap("/sitemaps/people.xml");
    const publicCount = (await graphql("{ people(first: 0) { totalCount } }")).data!.people.totalCount as number;
    const everyone = (await graphql("{ people(first: 0) { totalCount } }", {}, asOperator)).data!.people.totalCount as number;
    expect(publicCount).toBeGreaterThan(100);
    expect(everyone).toBeGreaterThan(publicCount);
    expect(people).toHaveLength(publicCount);
    expect(new Set(people.map((entry) => entry.loc)).size).toBe(publicCount);
    const locations = people.map((entry) => entry.loc);
    expect(locations).toContain(`${hubUrl}/people/${personId}`);
    expect(locations).not.toContain(`${hubUrl}/people/${hiddenPersonId}`);
    for (const entry of people) {
      expect(entry.loc).toMatch(new RegExp(`^${hubUrl}/people/[0-9a-f-]{36}$`));
      expect(entry.alternates).toEqual({ en: `${entry.loc}?lang=en`, fr: `${entry.loc}?lang=fr`, ar: `${entry.loc}?lang=ar`, es: `${entry.loc}?lang=es` });
      expect(new Date(entry.lastmod!).toISOString()).toBe(entry.lastmod);
    }
  });

  it("lists the other collections' pages at their canonical URLs, which are their JSON-LD @ids", async () => {
    const expected: Array<[string, string, string]> = [
      ["organisations", organisationId, "organisation"],
      ["opportunities", opportunityId, "opportunity"],
      ["events", eventId, "event"],
      ["resources", resourceId, "resource"],
    ];
    for (const [collection, id] of expected) {
      const entries = await sitemap(`/sitemaps/${collection}.xml`);
      const entry = entries.find((candidate) => candidate.loc === `${hubUrl}/${collection}/${id}`);
      expect([collection, entry !== undefined]).toEqual([collection, true]);
      const page = await get(new URL(entry!.loc).pathname);
      expect(canonicalOf(page.text)).toBe(entry!.loc);
      expect(embeddedJsonLd(page.text)["@id"]).toBe(entry!.loc);
    }
    const events = await sitemap("/sitemaps/events.xml");
    expect(events.find((entry) => entry.loc.endsWith(eventId))!.lastmod).toBe(eventUpdatedAt);
  });

  it("lists the vocabulary pages, whose canonical URLs are their own", async () => {
    const entries = await sitemap("/sitemaps/vocabularies.xml");
    expect(entries.map((entry) => entry.loc)).toEqual(
      ["", "/disciplines", "/opportunity-types", "/event-formats", "/organisation-kinds", "/resource-kinds"].map((path) => `${hubUrl}/vocabularies${path}`),
    );
    for (const entry of entries) expect(canonicalOf((await get(new URL(entry.loc).pathname)).text)).toBe(entry.loc);
  });

  it("keeps a collection's sitemap for a while, so crawlers asking again do not walk the list again", async () => {
    const before = await sitemap("/sitemaps/organisations.xml");
    const added = await graphql(
      "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }",
      { input: { network: "agora-test", name: "Quellmarsh Late Arrival", kind: "COLLECTIVE", country: "FR" } },
      asOperator,
    );
    const mark = testHub.queries.count;
    const after = await sitemap("/sitemaps/organisations.xml");
    expect(after).toEqual(before);
    expect(after.map((entry) => entry.loc)).not.toContain(`${hubUrl}/organisations/${added.data!.createOrganisation.id}`);
    // Not one statement read the organisations.
    expect(testHub.queries.statements.slice(mark).filter((statement) => /"organisation"/.test(statement))).toEqual([]);
  });

  it("answers 404 for an unknown sitemap", async () => {
    expect((await get("/sitemaps/colours.xml")).status).toBe(404);
  });

  it("escapes what it writes, so the documents stay well-formed XML", () => {
    const hostile = "https://hub.example.org/?a=1&b='<x>'";
    const document = parseXml(urlsetXml(hostile, [{ path: '/people/"&<>', lastModified: "2031-01-01T00:00:00.000Z" }]));
    const [url] = Array.from(document.getElementsByTagNameNS(SITEMAP_NS, "url"));
    expect(childText(url, "loc")).toBe("https://hub.example.org/people/%22&%3C%3E");
    const index = parseXml(sitemapIndexXml("https://hub.example.org", ["/sitemaps/a&b.xml"]));
    expect(index.getElementsByTagNameNS(SITEMAP_NS, "loc")[0].textContent).toBe("https://hub.example.org/sitemaps/a&b.xml");
  });
});
