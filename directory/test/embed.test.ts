import { createHash } from "node:crypto";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../gateway/test/test-hub";

/** The embeddable lists end to end: iframe documents, JSON for the web component, the component itself and /embed. */
let testHub: TestHub;
let base: string;
/** The hub's public address in links (never fetched). */
const HUB = "https://hub.embed.test";

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string }> };
interface EmbedJson {
  lang: string;
  dir: string;
  label: string;
  items: Array<{ url: string; title: string; details: string[] }>;
  empty: string;
  more: { url: string; text: string };
}

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

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(new URL(path, base), { headers });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** An embedded list as the web component reads it (`format=json`). */
async function list(path: string): Promise<EmbedJson> {
  const response = await get(`${path}${path.includes("?") ? "&" : "?"}format=json`);
  expect(response.status).toBe(200);
  return JSON.parse(response.body) as EmbedJson;
}

const titles = (embedded: EmbedJson) => embedded.items.map((item) => item.title).sort();

const NORTH = "embed-north";
const SOUTH = "embed-south";
const HOSTILE = `Qelvoris <img src=x onerror="alert(1)"> & "Co"`;
const ids: Record<string, string> = {};
const day = 86_400_000;

beforeAll(async () => {
  testHub = await startTestHub({ seed: { people: 0, organisations: 0, opportunities: 0, events: 0 }, env: { AGORA_PUBLIC_URL: HUB } });
  base = testHub.hub.gatewayUrl;
  const create = async (name: string, type: string, input: Record<string, unknown>) => {
    const answer = await graphql(`mutation($input: Create${type}Input!) { create${type}(input: $input) { id } }`, { input });
    ids[name] = answer.data![`create${type}`].id as string;
  };
  const title = (value: string) => ({ originalLanguage: "en", translations: [{ lang: "en", value }] });
  await create("collective", "Organisation", { network: NORTH, name: "Qelvoris Collective", kind: "COLLECTIVE", country: "MA", disciplines: ["FINE_ARTS"] });
  await create("funder", "Organisation", { network: NORTH, name: "Qelvoris Fund", kind: "FUNDER", country: "TN", disciplines: ["MUSIC"] });
  await create("hostile", "Organisation", { network: NORTH, name: HOSTILE, kind: "COLLECTIVE", country: "EG" });
  await create("southCollective", "Organisation", { network: SOUTH, name: "Qelvoris South Collective", kind: "COLLECTIVE", country: "MA" });

  await create("nadia", "Person", {
    network: NORTH,
    displayName: "Nadia Qelvoris",
    country: "MA",
    disciplines: ["FINE_ARTS"],
    spokenLanguages: ["fr"],
    discoverable: true,
  });
  await create("omar", "Person", {
    network: NORTH,
    displayName: "Omar Qelvoris",
    country: "TN",
    disciplines: ["MUSIC"],
    spokenLanguages: ["ar"],
    discoverable: true,
  });
  await create("hidden", "Person", { network: NORTH, displayName: "Hidden Qelvoris", country: "MA", disciplines: ["FINE_ARTS"], discoverable: false });
  await create("southPerson", "Person", { network: SOUTH, displayName: "Sami Qelvoris", country: "MA", disciplines: ["FINE_ARTS"], discoverable: true });

  const opportunity = (network: string, value: string, extra: Record<string, unknown>) => ({
    network,
    title: title(value),
    publisherId: ids.collective,
    deadline: new Date(Date.now() + 30 * day).toISOString(),
    ...extra,
  });
  await create(
    "residency",
    "Opportunity",
    opportunity(NORTH, "Qelvoris painting residency", { type: "RESIDENCY", disciplines: ["FINE_ARTS"], country: "MA", workingLanguages: ["fr"] }),
  );
  await create("grant", "Opportunity", opportunity(NORTH, "Qelvoris music grant", { type: "GRANT", disciplines: ["MUSIC"], country: "TN" }));
  await create(
    "forthcoming",
    "Opportunity",
    opportunity(NORTH, "Qelvoris future residency", { type: "RESIDENCY", disciplines: ["FINE_ARTS"], opensAt: new Date(Date.now() + 10 * day).toISOString() }),
  );
  await create("southResidency", "Opportunity", opportunity(SOUTH, "Qelvoris south residency", { type: "RESIDENCY", disciplines: ["FINE_ARTS"] }));

  const event = (network: string, value: string, startsAt: string, extra: Record<string, unknown>) => ({
    network,
    title: title(value),
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 3 * 3_600_000).toISOString(),
    timeZone: "Africa/Tunis",
    attendanceMode: "IN_PERSON",
    venue: { name: "Dar Qelvoris", city: "Tunis", country: "TN" },
    organiserIds: [ids.collective],
    ...extra,
  });
  await create("exhibition", "Event", event(NORTH, "Qelvoris exhibition", "2031-03-01T10:00:00.000Z", { format: "EXHIBITION", disciplines: ["FINE_ARTS"] }));
  await create("workshop", "Event", event(NORTH, "Qelvoris workshop", "2031-04-01T10:00:00.000Z", { format: "WORKSHOP", disciplines: ["MUSIC"] }));
  await create(
    "pastExhibition",
    "Event",
    event(NORTH, "Qelvoris past exhibition", "2020-03-01T10:00:00.000Z", { format: "EXHIBITION", disciplines: ["FINE_ARTS"] }),
  );
  await create("southExhibition", "Event", event(SOUTH, "Qelvoris south exhibition", "2031-03-02T10:00:00.000Z", { format: "EXHIBITION" }));
}, 60_000);

afterAll(async () => {
  await testHub?.close();
});

describe("embed: filters", () => {
  it("lists a network's people who are listed in the directory, by discipline, country and language, never a non-discoverable one", async () => {
    expect(titles(await list(`/embed/people?network=${NORTH}`))).toEqual(["Nadia Qelvoris", "Omar Qelvoris"]);
    expect(titles(await list(`/embed/people?network=${NORTH}&discipline=FINE_ARTS&country=MA`))).toEqual(["Nadia Qelvoris"]);
    expect(titles(await list(`/embed/people?network=${NORTH}&language=ar`))).toEqual(["Omar Qelvoris"]);
    const all = await get("/embed/people?limit=20");
    expect(all.body).not.toContain("Hidden Qelvoris");
    expect(all.body).toContain("Sami Qelvoris");
  });

  it("lists organisations by network and kind", async () => {
    expect(titles(await list(`/embed/organisations?network=${NORTH}&type=FUNDER`))).toEqual(["Qelvoris Fund"]);
    expect(titles(await list(`/embed/organisations?network=${SOUTH}&type=collective`))).toEqual(["Qelvoris South Collective"]);
  });

  it("lists open calls, open ones by default, by network, discipline, country and type", async () => {
    expect(titles(await list(`/embed/opportunities?network=${NORTH}`))).toEqual(["Qelvoris music grant", "Qelvoris painting residency"]);
    expect(titles(await list(`/embed/opportunities?network=${NORTH}&discipline=FINE_ARTS`))).toEqual(["Qelvoris painting residency"]);
    expect(titles(await list(`/embed/opportunities?network=${NORTH}&type=GRANT&country=TN`))).toEqual(["Qelvoris music grant"]);
    expect(titles(await list(`/embed/opportunities?network=${NORTH}&status=FORTHCOMING`))).toEqual(["Qelvoris future residency"]);
    expect(titles(await list(`/embed/opportunities?discipline=VISUAL_ARTS_AND_CRAFTS&type=RESIDENCY`))).toEqual([
      "Qelvoris painting residency",
      "Qelvoris south residency",
    ]);
  });

  it("lists upcoming events by default, earliest first, by network and format; past ones when asked", async () => {
    const upcoming = await list(`/embed/events?network=${NORTH}`);
    expect(upcoming.items.map((item) => item.title)).toEqual(["Qelvoris exhibition", "Qelvoris workshop"]);
    expect(titles(await list(`/embed/events?network=${NORTH}&type=EXHIBITION`))).toEqual(["Qelvoris exhibition"]);
    expect(titles(await list(`/embed/events?network=${NORTH}&upcoming=false`))).toEqual(["Qelvoris past exhibition"]);
    // 10:00 UTC is 11:00 in Tunis.
    expect(upcoming.items[0].details.join(" · ")).toMatch(/March 1, 2031[^·]*11:00\s?AM · Tunis, Tunisia · Exhibition/);
  });

  it("shows at most `limit` items, 5 by default", async () => {
    expect((await list("/embed/events?limit=2")).items).toHaveLength(2);
    expect((await list("/embed/organisations?limit=20")).items).toHaveLength(4);
    expect((await list("/embed/people")).items.length).toBeLessThanOrEqual(5);
  });
});

describe("embed: links and languages", () => {
  it("links each item to its page on the hub and 'see all' to the hub's list page with the same criteria", async () => {
    const embedded = await list(`/embed/opportunities?network=${NORTH}&discipline=FINE_ARTS&country=MA&language=fr&type=RESIDENCY&lang=fr`);
    expect(embedded.items.map((item) => item.url)).toEqual([`${HUB}/opportunities/${ids.residency}?lang=fr`]);
    const more = new URL(embedded.more.url);
    expect(`${more.origin}${more.pathname}`).toBe(`${HUB}/opportunities`);
    expect(Object.fromEntries(more.searchParams)).toEqual({
      network: NORTH,
      discipline: "FINE_ARTS",
      country: "MA",
      language: "fr",
      type: "RESIDENCY",
      status: "OPEN",
      lang: "fr",
    });
    expect(embedded.more.text).toBe("Voir tous les appels sur Agora Hub");
  });

  it("renders the iframe document as an accessible list of links leaving the frame, right to left in Arabic", async () => {
    const frame = await get(`/embed/people?network=${NORTH}&country=MA&lang=ar`);
    expect(frame.status).toBe(200);
    expect(frame.headers.get("content-type")).toMatch(/^text\/html/);
    expect(frame.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(frame.body).toMatch(/<ul class="agora-items" role="list" aria-label="[^"]+">/);
    expect(frame.body).toContain(`<a href="${HUB}/people/${ids.nadia}?lang=ar" target="_top">Nadia Qelvoris</a>`);
    expect(frame.body).toContain("اعرض كل الأشخاص على أغورا هب");
    expect(frame.body).not.toMatch(/<script/i);
  });

  it("says so when nothing matches", async () => {
    const empty = await list(`/embed/events?network=${SOUTH}&type=WEBINAR&lang=es`);
    expect(empty.items).toEqual([]);
    expect(empty.empty).toBe("No hay nada que mostrar por ahora.");
  });
});

describe("embed: bad parameters", () => {
  it.each([
    ["/embed/opportunities?limit=0", "limit"],
    ["/embed/opportunities?limit=21", "limit"],
    ["/embed/opportunities?limit=five", "limit"],
    ["/embed/opportunities?network=Not%20A%20Slug", "network"],
    ["/embed/opportunities?discipline=VISUAL_ARTZ", "discipline"],
    ["/embed/opportunities?discipline=%3Cb%3E", "discipline"],
    ["/embed/opportunities?country=ZZ", "country"],
    ["/embed/opportunities?language=not-a-language", "language"],
    ["/embed/opportunities?type=PARTY", "type"],
    ["/embed/opportunities?status=MAYBE", "status"],
    ["/embed/organisations?type=RESIDENCY", "type"],
    ["/embed/events?type=GRANT", "type"],
    ["/embed/events?upcoming=yes", "upcoming"],
    ["/embed/people?type=ARTIST", "type"],
    ["/embed/people?status=OPEN", "status"],
    ["/embed/opportunities?lang=%21%21", "lang"],
    ["/embed/opportunities?format=xml", "format"],
    ["/embed/opportunities?accent=red", "accent"],
    ["/embed/opportunities?background=%23ggg", "background"],
    ["/embed/opportunities?network=a&network=b", "network"],
    ["/embed/opportunities?disciplines=MUSIC", "disciplines"],
  ])("refuses %s with a 400 naming %s", async (path, parameter) => {
    const frame = await get(path);
    expect(frame.status).toBe(400);
    expect(frame.headers.get("content-type")).toMatch(/^text\/html/);
    expect(frame.body).toContain(`parameter ${parameter}:`);
    if (parameter === "format") return;
    // The web component's request gets the reason as JSON, readable from its page.
    const json = await get(`${path}&format=json`);
    expect(json.status).toBe(400);
    expect(json.headers.get("access-control-allow-origin")).toBe("*");
    expect((JSON.parse(json.body) as { parameter: string }).parameter).toBe(parameter);
  });

  it("answers 404 for a list that does not exist", async () => {
    const unknown = await get("/embed/partners?format=json");
    expect(unknown.status).toBe(404);
    expect((JSON.parse(unknown.body) as { error: string }).error).toContain("people, organisations, opportunities, events");
  });
});

describe("embed: headers, privacy and escaping", () => {
  it("lets any site frame the document, which loads nothing, runs no script and sets no cookie", async () => {
    const frame = await get(`/embed/opportunities?network=${NORTH}`);
    const policy = frame.headers.get("content-security-policy")!;
    expect(policy).toContain("frame-ancestors *");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain("script-src");
    expect(policy).not.toContain("unsafe-inline");
    // The inline stylesheet is the one the policy's hash allows.
    const css = /<style>(.*?)<\/style>/s.exec(frame.body)![1];
    expect(policy).toContain(`style-src 'sha256-${createHash("sha256").update(css).digest("base64")}'`);
    expect(frame.headers.get("referrer-policy")).toBe("no-referrer");
    expect(frame.headers.get("cache-control")).toBe("public, max-age=300");
    expect(frame.headers.get("set-cookie")).toBeNull();
    expect(frame.headers.get("x-frame-options")).toBeNull();
  });

  it("answers the web component's JSON to any origin, without credentials or cookies", async () => {
    const json = await get(`/embed/events?network=${NORTH}&format=json`, { origin: "https://partner.example" });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json.headers.get("access-control-allow-origin")).toBe("*");
    expect(json.headers.get("access-control-allow-credentials")).toBeNull();
    expect(json.headers.get("set-cookie")).toBeNull();
    expect(json.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("escapes what a network publishes, in the document and as JSON text", async () => {
    const frame = await get(`/embed/organisations?network=${NORTH}&country=EG`);
    expect(frame.body).not.toContain("<img");
    expect(frame.body).toContain("Qelvoris &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;Co&quot;");
    expect((await list(`/embed/organisations?network=${NORTH}&country=EG`)).items.map((item) => item.title)).toEqual([HOSTILE]);
  });

  it("sets the iframe's colours from validated hex values only", async () => {
    const frame = await get(`/embed/opportunities?accent=%23B00020&text=222&background=fffaf3`);
    expect(frame.status).toBe(200);
    expect(frame.body).toContain(":root { --agora-accent: #b00020; --agora-text: #222; --agora-background: #fffaf3; }");
    const injected = await get(`/embed/opportunities?accent=${encodeURIComponent("#fff;}body{display:none")}`);
    expect(injected.status).toBe(400);
    expect(injected.body).not.toContain("display:none}");
  });
});

describe("embed: the web component", () => {
  it("is a module served by the hub with a JavaScript type, readable from other origins", async () => {
    const script = await get("/embed/agora-list.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(script.headers.get("access-control-allow-origin")).toBe("*");
    expect(script.body).toContain('customElements.define("agora-list"');
    expect(script.body).toContain('credentials: "omit"');
    expect(script.body).toContain('referrerPolicy: "no-referrer"');
    expect(script.body).toContain("--agora-accent");
    // It never parses what it receives as HTML.
    expect(script.body).not.toMatch(/innerHTML|insertAdjacentHTML|outerHTML|document\.write/);
    expect(script.body).not.toMatch(/https?:\/\//);
    const again = await get("/embed/agora-list.js", { "if-none-match": script.headers.get("etag")! });
    expect(again.status).toBe(304);
  });
});

describe("embed: the /embed page", () => {
  it("makes both snippets and a preview for the chosen criteria, in the visitor's language", async () => {
    const page = await get(`/embed?collection=events&network=${NORTH}&discipline=FINE_ARTS&country=&type=EXHIBITION&limit=3&lang=fr`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<html lang="fr" dir="ltr">/);
    expect(page.body).toContain("Mettre une liste sur votre site");
    const query = `network=${NORTH}&amp;discipline=FINE_ARTS&amp;type=EXHIBITION&amp;limit=3&amp;lang=fr`;
    // The snippets are text in a textarea: escaped once more.
    expect(page.body).toContain(`&lt;script type=&quot;module&quot; src=&quot;${HUB}/embed/agora-list.js&quot;&gt;&lt;/script&gt;`);
    expect(page.body).toContain(
      `&lt;agora-list collection=&quot;events&quot; network=&quot;${NORTH}&quot; discipline=&quot;FINE_ARTS&quot; type=&quot;EXHIBITION&quot; limit=&quot;3&quot; lang=&quot;fr&quot;&gt;`,
    );
    expect(page.body).toContain(`&lt;iframe src=&quot;${HUB}/embed/events?${query.replace(/&amp;/g, "&amp;amp;")}&quot;`);
    expect(page.body).toContain(`<iframe class="embed-preview" src="/embed/events?${query}"`);
    expect(page.headers.get("content-security-policy")).toContain("frame-src 'self'");
  });

  it("says which criterion is wrong instead of offering snippets that would fail", async () => {
    const page = await get("/embed?collection=opportunities&type=PARTY&lang=es");
    expect(page.status).toBe(400);
    expect(page.body).toContain("Estos criterios no se pueden mostrar: parameter type:");
    expect(page.body).not.toContain("agora-list.js");
  });
});

describe("embed: the hub's own trouble", () => {
  // Last: it stops the events subgraph.
  it("answers 503 in the asked format and language, never cached, when a subgraph is down", async () => {
    await testHub.hub.subgraphs.find((subgraph) => subgraph.name === "events")!.stop();
    const frame = await get("/embed/events?lang=fr");
    expect(frame.status).toBe(503);
    expect(frame.body).toMatch(/<html lang="fr" dir="ltr">/);
    expect(frame.body).toContain("Une partie de l&#39;annuaire est injoignable");
    expect(frame.headers.get("cache-control")).toBe("no-store");
    const json = await get("/embed/events?format=json");
    expect(json.status).toBe(503);
    expect(json.headers.get("access-control-allow-origin")).toBe("*");
    // Other lists still answer.
    expect((await get("/embed/organisations")).status).toBe(200);
  });
});
