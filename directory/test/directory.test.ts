import { randomUUID } from "node:crypto";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../gateway/test/test-hub";

/** The member directory end to end: pages through the gateway, on the hub's public API. */
let testHub: TestHub;
let base: string;

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string }> };
const asOperator = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(new URL("/graphql", base), {
    method: "POST",
    headers: { "content-type": "application/json", ...asOperator },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as Answer;
  expect(answer.errors).toBeUndefined();
  return answer;
}

async function page(path: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(new URL(path, base), { headers });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** Every `href` of a page, in order. */
function links(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1].replace(/&amp;/g, "&"));
}

let organisationId: string;
let personId: string;
let hiddenPersonId: string;
let opportunityId: string;
let eventId: string;
let resourceId: string;
const ORGANISATION = "Zyrnovale Collective Marrakech";
const HOSTILE = `Studio </script><script>alert("x")</script> & Co`;

beforeAll(async () => {
  testHub = await startTestHub({ seed: { people: 0, organisations: 0, opportunities: 0, events: 0 } });
  base = testHub.hub.gatewayUrl;
  const create = (type: string, input: Record<string, unknown>) =>
    graphql(`mutation($input: Create${type}Input!) { create${type}(input: $input) { id } }`, { input }).then(
      (answer) => answer.data![`create${type}`].id as string,
    );
  organisationId = await create("Organisation", { network: "agora-test", name: ORGANISATION, kind: "COLLECTIVE", country: "MA", city: "Marrakech" });
  await create("Organisation", { network: "agora-test", name: HOSTILE, kind: "COLLECTIVE", country: "TN" });
  personId = await create("Person", { network: "agora-test", displayName: "Amina Berrada", country: "MA", disciplines: ["FINE_ARTS"], discoverable: true });
  hiddenPersonId = await create("Person", { network: "agora-test", displayName: "Hidden Zyrnovale Member", discoverable: false });
  for (const member of [personId, hiddenPersonId]) {
    await create("Membership", { network: "agora-test", organisationId, personId: member, role: "MEMBER" });
  }
  opportunityId = await create("Opportunity", {
    network: "agora-test",
    type: "RESIDENCY",
    title: {
      originalLanguage: "en",
      translations: [
        { lang: "en", value: "Zyrnovale visual arts residency" },
        { lang: "fr", value: "Résidence arts visuels Zyrnovale" },
      ],
    },
    publisherId: organisationId,
    eligibleCountries: ["MA", "TN"],
    deadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    amount: { min: 1000, max: 3000, currency: "EUR" },
    applicationUrl: "https://example.org/apply",
  });
  eventId = await create("Event", {
    network: "agora-test",
    title: { originalLanguage: "en", translations: [{ lang: "en", value: "Zyrnovale open studios" }] },
    format: "EXHIBITION",
    startsAt: "2031-05-10T17:00:00.000Z",
    endsAt: "2031-05-10T20:00:00.000Z",
    timeZone: "Africa/Casablanca",
    attendanceMode: "IN_PERSON",
    venue: { name: "Dar Bellarj", city: "Marrakech", country: "MA" },
    organiserIds: [organisationId],
  });
  resourceId = await create("Resource", {
    network: "agora-test",
    kind: "CASE_STUDY",
    title: { originalLanguage: "en", translations: [{ lang: "en", value: "Zyrnovale case study" }] },
    publicationDate: "2024-03-12",
    links: [{ url: "https://example.org/zyrnovale.pdf", mediaType: "application/pdf", language: "en" }],
    licence: "CC-BY-4.0",
    authorIds: [personId],
    publisherIds: [organisationId],
    eventIds: [eventId],
  });
}, 60_000);

afterAll(async () => {
  await testHub?.close();
});

describe("directory: languages", () => {
  it("answers in the visitor's language: Accept-Language, then ?lang=, Arabic right to left, English by default", async () => {
    expect((await page("/")).html).toMatch(/<html lang="en" dir="ltr">/);
    const arabic = await page("/", { "accept-language": "ar-MA,ar;q=0.9,fr;q=0.5" });
    expect(arabic.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(arabic.html).toContain("ابحث في الدليل");
    expect(arabic.headers.get("content-language")).toBe("ar");
    const french = await page("/?lang=fr", { "accept-language": "ar" });
    expect(french.html).toMatch(/<html lang="fr" dir="ltr">/);
    expect(french.html).toContain("Chercher dans l&#39;annuaire");
    // The switcher keeps the page and sets the language.
    expect(links(french.html)).toEqual(expect.arrayContaining(["/?lang=en", "/?lang=fr", "/?lang=ar", "/?lang=es"]));
  });

  it("shows content in the chosen language through LocalizedText's fallback", async () => {
    const french = await page(`/opportunities/${opportunityId}?lang=fr`);
    expect(french.html).toContain("Résidence arts visuels Zyrnovale");
    const spanish = await page(`/opportunities/${opportunityId}?lang=es`);
    // No Spanish version: the original (English) one.
    expect(spanish.html).toContain("Zyrnovale visual arts residency");
    expect(spanish.html).toContain("Fecha límite");
  });
});

describe("directory: search", () => {
  it("finds an organisation despite a typo and links to its page", async () => {
    const result = await page(`/?q=${encodeURIComponent("Zyrnovale Colective")}`);
    expect(result.status).toBe(200);
    expect(result.html).toContain(ORGANISATION);
    expect(links(result.html)).toContain(`/organisations/${organisationId}?lang=en`);
  });

  it("narrows a search to one type, and never lists a person who is not discoverable", async () => {
    const people = await page("/?q=zyrnovale&type=PERSON");
    expect(people.html).not.toContain("Hidden Zyrnovale Member");
    expect(people.html).not.toContain(ORGANISATION);
    const calls = await page("/?q=zyrnovale&type=OPPORTUNITY");
    expect(links(calls.html)).toContain(`/opportunities/${opportunityId}?lang=en`);
  });

  it("refuses an over-long search with a 400 page, not an error", async () => {
    const result = await page(`/?q=${"a".repeat(201)}`);
    expect(result.status).toBe(400);
    expect(result.html).toMatch(/<html lang="en"/);
  });
});

describe("directory: detail pages at the JSON-LD @id URLs", () => {
  it("serves HTML with the JSON-LD embedded to browsers, and JSON-LD to linked-data clients", async () => {
    const html = await page(`/organisations/${organisationId}`, { accept: "text/html,application/xhtml+xml,*/*;q=0.8" });
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.headers.get("server-timing")).toMatch(/^page;dur=\d+(\.\d)?$/);
    const embedded = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html.html);
    expect(embedded).not.toBeNull();
    const jsonLd = JSON.parse(embedded![1]) as Record<string, unknown>;
    expect(String(jsonLd["@id"])).toMatch(new RegExp(`/organisations/${organisationId}$`));
    expect(html.html).toContain(`<link rel="canonical" href="${String(jsonLd["@id"])}"/>`);
    const linked = await fetch(new URL(`/organisations/${organisationId}`, base), { headers: { accept: "application/ld+json" } });
    expect(linked.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    expect(((await linked.json()) as Record<string, unknown>)["@id"]).toBe(jsonLd["@id"]);
  });

  it("walks from a person to their organisation to its open call, which shows deadline, eligibility, amount and where to apply", async () => {
    const person = await page(`/people/${personId}`);
    expect(person.html).toContain("Amina Berrada");
    const organisationLink = links(person.html).find((href) => href.startsWith(`/organisations/${organisationId}`));
    expect(organisationLink).toBeDefined();
    const organisation = await page(organisationLink!);
    expect(organisation.html).toContain("Amina Berrada");
    expect(organisation.html).not.toContain("Hidden Zyrnovale Member");
    const callLink = links(organisation.html).find((href) => href.startsWith(`/opportunities/${opportunityId}`));
    expect(callLink).toBeDefined();
    const call = await page(callLink!);
    expect(call.html).toContain("Zyrnovale visual arts residency");
    expect(call.html).toContain("Deadline");
    expect(call.html).toMatch(/Morocco.*Tunisia|Tunisia.*Morocco/s);
    expect(call.html).toMatch(/€1,000\s*–\s*€3,000/);
    expect(links(call.html)).toContain("https://example.org/apply");
  });

  it("shows an event's dates in its own time zone, its venue, its organisers and the events feed", async () => {
    const event = await page(`/events/${eventId}`);
    expect(event.status).toBe(200);
    expect(event.html).toContain("Zyrnovale open studios");
    // 17:00 UTC is 18:00 in Casablanca (UTC+1).
    expect(event.html).toMatch(/May 10, 2031[^<]*6:00\s?PM/);
    expect(event.html).toContain("Dar Bellarj, Marrakech, Morocco");
    expect(links(event.html)).toEqual(expect.arrayContaining([`/organisations/${organisationId}?lang=en`, "/feeds/events.ics?lang=en"]));
  });

  it("says an open call that has not opened yet is forthcoming, on its page and in search", async () => {
    const later = await graphql("mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }", {
      input: {
        network: "agora-test",
        type: "GRANT",
        title: { originalLanguage: "en", translations: [{ lang: "en", value: "Zyrnovale future grant" }] },
        publisherId: organisationId,
        opensAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
        deadline: new Date(Date.now() + 40 * 86_400_000).toISOString(),
      },
    });
    const id = later.data!.createOpportunity.id as string;
    expect((await page(`/opportunities/${id}`)).html).toContain("Not open yet");
    const search = await page("/?q=zyrnovale&type=OPPORTUNITY&lang=fr");
    expect(search.status).toBe(200);
    expect(search.html).toContain("Pas encore ouvert");
  });

  it("never renders a person who is not discoverable", async () => {
    const hidden = await page(`/people/${hiddenPersonId}`);
    expect(hidden.status).toBe(404);
    expect(hidden.html).not.toContain("Hidden Zyrnovale Member");
    const linked = await fetch(new URL(`/people/${hiddenPersonId}`, base), { headers: { accept: "application/ld+json" } });
    expect(linked.status).toBe(404);
  });

  it("answers 400 for an address that is not an id and 404 for an unknown one, as pages", async () => {
    const invalid = await page("/events/not-an-id");
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("content-type")).toMatch(/^text\/html/);
    const unknown = await page(`/events/${randomUUID()}?lang=fr`);
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain("Introuvable");
  });

  it("escapes whatever a network publishes, in the page and in its embedded JSON-LD", async () => {
    const result = await page(`/?q=${encodeURIComponent("Studio Co")}&type=ORGANISATION`);
    const link = links(result.html).find((href) => href.startsWith("/organisations/") && !href.includes(organisationId));
    expect(link).toBeDefined();
    const hostile = await page(link!);
    expect(hostile.html).not.toContain('<script>alert("x")</script>');
    expect(hostile.html).toContain("&lt;/script&gt;&lt;script&gt;");
    // Inside the JSON-LD block, `<` is escaped, so the name cannot close it.
    const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(hostile.html)![1];
    expect(block).not.toContain("<");
    expect((JSON.parse(block) as { name: string }).name).toBe(HOSTILE);
  });
});

describe("directory: resources", () => {
  it("lists resources by kind, shows one with its authors, publisher, event and links, and shows them among search hits", async () => {
    const list = await page("/resources?type=CASE_STUDY");
    expect(list.status).toBe(200);
    expect(links(list.html)).toContain(`/resources/${resourceId}?lang=en`);
    expect(list.html).toContain("Case study");
    expect((await page("/resources?type=DATASET")).html).not.toContain("Zyrnovale case study");

    const detail = await page(`/resources/${resourceId}?lang=fr`);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain("Étude de cas");
    expect(links(detail.html)).toEqual(
      expect.arrayContaining([
        `/people/${personId}?lang=fr`,
        `/organisations/${organisationId}?lang=fr`,
        `/events/${eventId}?lang=fr`,
        "https://example.org/zyrnovale.pdf",
        `/resources/${resourceId}.jsonld`,
      ]),
    );

    const hits = await page("/?q=zyrnovale&type=RESOURCE");
    expect(hits.status).toBe(200);
    expect(links(hits.html)).toContain(`/resources/${resourceId}?lang=en`);
    expect(hits.html).toContain("CC-BY-4.0");
  });
});

describe("directory: self-contained pages", () => {
  it("serves its stylesheet itself and loads nothing from elsewhere", async () => {
    const home = await page("/");
    expect(home.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(home.html).not.toMatch(/<script[^>]+src=/);
    expect(home.html).not.toMatch(/(href|src)="https?:\/\/(?!localhost|127\.0\.0\.1)/);
    const css = await fetch(new URL("/directory/assets/directory.css", base));
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    expect(await css.text()).toContain("--agora-accent");
  });

  it("leaves GraphQL at /graphql, with Apollo Sandbox for browsers there, and POST / still answering GraphQL", async () => {
    const sandbox = await fetch(new URL("/graphql", base), { headers: { accept: "text/html" } });
    expect(sandbox.status).toBe(200);
    expect(await sandbox.text()).toMatch(/sandbox/i);
    const root = await fetch(new URL("/", base), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await root.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("directory: list pages", () => {
  const call = (title: string, input: Record<string, unknown>) =>
    graphql("mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }", {
      input: {
        network: "agora-lists",
        type: "RESIDENCY",
        title: { originalLanguage: "en", translations: [{ lang: "en", value: title }] },
        publisherId: organisationId,
        ...input,
      },
    }).then((answer) => answer.data!.createOpportunity.id as string);
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  let soonId: string;

  beforeAll(async () => {
    soonId = await call("Qelvarin painting residency", { country: "MA", disciplines: ["FINE_ARTS"], deadline: inDays(12) });
    await call("Qelvarin late residency", { country: "MA", disciplines: ["FINE_ARTS"], deadline: inDays(60) });
    await call("Qelvarin Tunis residency", { country: "TN", disciplines: ["FINE_ARTS"], deadline: inDays(12) });
    await call("Qelvarin music grant", { type: "GRANT", country: "MA", disciplines: ["MUSIC"], deadline: inDays(12) });
  });

  it("filters open calls by country and discipline closing within 30 days", async () => {
    const result = await page("/opportunities?network=agora-lists&status=OPEN&country=MA&discipline=VISUAL_ARTS_AND_CRAFTS&closing=30");
    expect(result.status).toBe(200);
    expect(result.html).toContain("Qelvarin painting residency");
    for (const other of ["Qelvarin late residency", "Qelvarin Tunis residency", "Qelvarin music grant"]) expect(result.html).not.toContain(other);
    expect(links(result.html)).toContain(`/opportunities/${soonId}?lang=en`);
    expect(result.html).toContain("1 result<");
  });

  it("offers facets whose links add a value to the criteria and take it away again", async () => {
    const all = await page("/opportunities?network=agora-lists");
    const residency = links(all.html).find((href) => href.startsWith("/opportunities?") && href.includes("type=RESIDENCY"));
    expect(residency).toBe("/opportunities?type=RESIDENCY&network=agora-lists&lang=en");
    expect(all.html).toMatch(/Residency<\/a> <span class="facet-count">\(3\)<\/span>/);
    const narrowed = await page(residency!);
    expect(narrowed.html).not.toContain("Qelvarin music grant");
    expect(narrowed.html).toMatch(/<a href="\/opportunities\?network=agora-lists&amp;lang=en" aria-current="true">Residency<\/a>/);
    // The filter form offers every value of the vocabulary, not only those with items, in the page's language.
    const french = await page("/opportunities?network=agora-lists&lang=fr");
    expect(french.html).toMatch(/<option value="MA">Maroc<\/option>/);
    expect(french.html).toContain("Type d&#39;appel");
    // Vocabulary values in the page's language too.
    expect(french.html).toMatch(/>Résidence<\/a> <span class="facet-count">\(3\)<\/span>/);
  });

  it("pages through a long list with a next link", async () => {
    const names = Array.from({ length: 21 }, (_, index) => `Qelvarin Studio ${String(index).padStart(2, "0")}`);
    for (let start = 0; start < names.length; start += 10) {
      const batch = names.slice(start, start + 10);
      await graphql(
        `mutation { ${batch.map((name, index) => `o${index}: createOrganisation(input: { network: "agora-pages", name: "${name}", kind: COLLECTIVE, country: FR }) { id }`).join(" ")} }`,
      );
    }
    const first = await page("/organisations?network=agora-pages");
    expect(first.html).toContain("21 results");
    const next = links(first.html).find((href) => href.includes("after="));
    expect(next).toBeDefined();
    const second = await page(next!);
    expect(second.status).toBe(200);
    const shown = (html: string) => names.filter((name) => html.includes(name));
    expect(shown(first.html)).toHaveLength(20);
    expect(shown(second.html)).toHaveLength(1);
    expect(shown(second.html)[0]).not.toBe(shown(first.html)[0]);
  });

  it("lists only discoverable people, and upcoming events", async () => {
    const people = await page("/people?network=agora-test");
    expect(people.html).toContain("Amina Berrada");
    expect(people.html).not.toContain("Hidden Zyrnovale Member");
    const events = await page("/events?network=agora-test&country=MA");
    expect(links(events.html)).toContain(`/events/${eventId}?lang=en`);
  });

  it("narrows the cross-type search by country and discipline, and refuses a value it does not know", async () => {
    const tunis = await page("/?q=Qelvarin&country=TN&discipline=VISUAL_ARTS_AND_CRAFTS");
    expect(tunis.status).toBe(200);
    expect(tunis.html).toContain("Qelvarin Tunis residency");
    expect(tunis.html).not.toContain("Qelvarin painting residency");
    expect(tunis.html).toMatch(/<option value="TN" selected="">/);
    const bad = await page("/?q=Qelvarin&country=XX");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("country");
  });

  it("answers a criterion it cannot use with a 400 page naming it", async () => {
    for (const [query, param] of [
      ["country=XX", "country"],
      ["closing=0", "closing"],
      ["colour=red", "colour"],
      ["language=not%20a%20tag", "language"],
      ["eligible=MA&eligible=TN", "eligible"],
    ]) {
      const result = await page(`/opportunities?${query}`);
      expect(result.status).toBe(400);
      expect(result.headers.get("content-type")).toMatch(/^text\/html/);
      expect(result.html).toContain(param);
    }
  });
});

describe("directory: connected networks", () => {
  it("lists the registered networks and those of the data, with their people and links to their lists, never a contact", async () => {
    const created = await fetch(new URL("/admin/networks", base), {
      method: "POST",
      headers: { "content-type": "application/json", ...asOperator },
      body: JSON.stringify({ slug: "qelvarin-arts", name: "Qelvarin Arts Network", contact: "secret-contact@example.org" }),
    });
    expect(created.status).toBe(201);
    const result = await page("/networks");
    expect(result.status).toBe(200);
    expect(result.html).toContain("Qelvarin Arts Network");
    expect(result.html).not.toContain("secret-contact@example.org");
    // agora-test has one discoverable person (the hidden one is not counted).
    expect(result.html).toMatch(/agora-test · 1 people/);
    expect(links(result.html)).toEqual(
      expect.arrayContaining(["/people?network=qelvarin-arts&lang=en", "/opportunities?network=agora-test&status=OPEN&lang=en"]),
    );
  });
});
