import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../gateway/test/test-hub";
import { axeViolations, launchBrowser, pageErrors, saveScreenshot, type TestBrowser } from "../../testing/browser";

/**
 * The member directory in a real browser (Debian's Chromium through playwright-core): what a visitor types
 * and clicks, the language switcher, and axe-core's WCAG 2.1 AA rules on every kind of page, each of which
 * is saved as a screenshot in test-artifacts/directory/. One browser for the file.
 */
let testHub: TestHub;
let browser: TestBrowser;
let base: string;
let page: Page;

const ORGANISATION = "Velmorith Dance Collective Tangier";
const PERSON = "Yasmina Tazi-Velmorith";
const OPPORTUNITY = "Velmorith choreography residency";
const OPPORTUNITY_FR = "Résidence de chorégraphie Velmorith";
const EVENT = "Velmorith night of dance";
const PAINTING_CALL = "Velmorith painting residency";
let organisationId: string;
let personId: string;
let opportunityId: string;
let eventId: string;

async function create(type: string, input: Record<string, unknown>): Promise<string> {
  const response = await fetch(new URL("/graphql", base), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify({ query: `mutation($input: Create${type}Input!) { create${type}(input: $input) { id } }`, variables: { input } }),
  });
  const answer = (await response.json()) as { data?: Record<string, { id: string }> | null; errors?: unknown[] };
  expect(answer.errors).toBeUndefined();
  return answer.data![`create${type}`].id;
}

/** The page meets WCAG 2.1 AA as axe-core checks it, reported no error, and is saved as `test-artifacts/directory/<name>.png`. */
async function checkPage(name: string): Promise<void> {
  await saveScreenshot(page, `directory/${name}`);
  expect(await axeViolations(page)).toEqual([]);
  expect(pageErrors(page)).toEqual([]);
}

async function open(path: string): Promise<number | undefined> {
  const response = await page.goto(new URL(path, base).toString());
  return response?.status();
}

const heading = () => page.getByRole("heading", { level: 1 });

beforeAll(async () => {
  // The hub and the browser start side by side; whichever started is closed by afterAll even if the other failed.
  const [hub, chromium] = await Promise.allSettled([startTestHub({ seed: { people: 0, organisations: 0, opportunities: 0, events: 0 } }), launchBrowser()]);
  if (hub.status === "fulfilled") testHub = hub.value;
  if (chromium.status === "fulfilled") browser = chromium.value;
  for (const started of [hub, chromium]) if (started.status === "rejected") throw started.reason;
  base = testHub.hub.gatewayUrl;
  organisationId = await create("Organisation", { network: "agora-test", name: ORGANISATION, kind: "COLLECTIVE", country: "MA", city: "Tangier" });
  personId = await create("Person", {
    network: "agora-test",
    displayName: PERSON,
    country: "MA",
    city: "Tangier",
    disciplines: ["DANCE"],
    discoverable: true,
  });
  await create("Membership", { network: "agora-test", organisationId, personId, role: "MEMBER" });
  opportunityId = await create("Opportunity", {
    network: "agora-test",
    type: "RESIDENCY",
    title: {
      originalLanguage: "en",
      translations: [
        { lang: "en", value: OPPORTUNITY },
        { lang: "fr", value: OPPORTUNITY_FR },
      ],
    },
    publisherId: organisationId,
    eligibleCountries: ["MA", "TN"],
    deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    amount: { min: 2000, max: 5000, currency: "EUR" },
    applicationUrl: "https://example.org/apply",
  });
  eventId = await create("Event", {
    network: "agora-test",
    title: { originalLanguage: "en", translations: [{ lang: "en", value: EVENT }] },
    format: "PERFORMANCE",
    startsAt: "2031-06-12T19:00:00.000Z",
    endsAt: "2031-06-12T22:00:00.000Z",
    timeZone: "Africa/Casablanca",
    attendanceMode: "IN_PERSON",
    venue: { name: "Cinéma Rif", city: "Tangier", country: "MA" },
    organiserIds: [organisationId],
  });
  const painters = await create("Organisation", { network: "agora-test", name: "Velmorith Painters Atelier", kind: "COLLECTIVE", country: "MA" });
  for (const [title, country, deadlineDays] of [
    [PAINTING_CALL, "MA", 14],
    ["Velmorith painting residency, later", "MA", 75],
    ["Velmorith painting residency in Tunis", "TN", 14],
  ] as const) {
    await create("Opportunity", {
      network: "agora-test",
      type: "RESIDENCY",
      title: { originalLanguage: "en", translations: [{ lang: "en", value: title }] },
      publisherId: painters,
      country,
      disciplines: ["FINE_ARTS"],
      deadline: new Date(Date.now() + deadlineDays * 86_400_000).toISOString(),
    });
  }
}, 90_000);

beforeEach(async () => {
  page = await browser.newPage();
});

afterEach(async () => {
  await page?.close();
});

afterAll(async () => {
  await browser?.close();
  await testHub?.close();
});

describe("the accessibility check itself", () => {
  it("reports what a page without a language, with faint text and an image without a text alternative breaks", async () => {
    await page.setContent(
      `<!doctype html><html><head><title>Bad</title></head><body><p style="color:#aaa;background:#fff">faint</p><img src="data:,"></body></html>`,
    );
    const violations = await axeViolations(page);
    expect(violations.map((violation) => violation.id).sort()).toEqual(["color-contrast", "html-has-lang", "image-alt"]);
    expect(violations.find((violation) => violation.id === "color-contrast")).toMatchObject({ impact: "serious", targets: ["p"] });
  });
});

describe("directory in a browser: search", () => {
  it("finds an organisation from a search typed with a typo, and opens it from its hit", async () => {
    expect(await open("/")).toBe(200);
    await checkPage("home");
    // Key by key, as a visitor types.
    await page.getByRole("searchbox", { name: "Search the directory" }).pressSequentially("Velmorit Dance Colective");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/[?&]q=Velmorit/);
    const hit = page.getByRole("link", { name: ORGANISATION });
    await hit.waitFor();
    await checkPage("search-results");
    await hit.click();
    await page.waitForURL(new RegExp(`/organisations/${organisationId}\\?lang=en$`));
    expect(await heading().textContent()).toBe(ORGANISATION);
  });
});

describe("directory in a browser: detail pages", () => {
  it("walks by clicking from a person to their organisation, its open calls, and one of them", async () => {
    expect(await open(`/people/${personId}`)).toBe(200);
    expect(await heading().textContent()).toBe(PERSON);
    await checkPage("person");
    await page.getByRole("link", { name: ORGANISATION }).click();
    await page.waitForURL(new RegExp(`/organisations/${organisationId}`));
    expect(await heading().textContent()).toBe(ORGANISATION);
    const calls = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Open calls" }) });
    await expect(calls.getByRole("listitem").allTextContents()).resolves.toEqual([expect.stringContaining(OPPORTUNITY)]);
    await checkPage("organisation");
    await calls.getByRole("link", { name: OPPORTUNITY }).click();
    await page.waitForURL(new RegExp(`/opportunities/${opportunityId}`));
    expect(await heading().textContent()).toBe(OPPORTUNITY);
    expect(await page.getByRole("link", { name: "Apply" }).getAttribute("href")).toBe("https://example.org/apply");
    await checkPage("opportunity");
  });

  it("shows an event, with a link to its organiser", async () => {
    expect(await open(`/events/${eventId}`)).toBe(200);
    expect(await heading().textContent()).toBe(EVENT);
    expect(await page.getByRole("link", { name: ORGANISATION }).getAttribute("href")).toBe(`/organisations/${organisationId}?lang=en`);
    await checkPage("event");
  });

  it("shows a page that says so for an address with nothing at it", async () => {
    expect(await open(`/organisations/${randomUUID()}`)).toBe(404);
    expect(await heading().textContent()).toBe("Not found");
    await checkPage("not-found");
  });
});

describe("directory in a browser: languages", () => {
  it("switches to French and to Arabic with the switcher's links, right to left in Arabic, on the same page", async () => {
    expect(await open(`/organisations/${organisationId}`)).toBe(200);
    const html = page.locator("html");
    const switcher = page.getByRole("navigation", { name: "Language" });

    await switcher.getByRole("link", { name: "Français" }).click();
    await page.waitForURL(new RegExp(`/organisations/${organisationId}\\?lang=fr$`));
    expect(await html.getAttribute("lang")).toBe("fr");
    expect(await html.getAttribute("dir")).toBe("ltr");
    await page.getByRole("heading", { level: 2, name: "Appels" }).waitFor();
    expect(await page.getByRole("link", { name: OPPORTUNITY_FR }).getAttribute("href")).toBe(`/opportunities/${opportunityId}?lang=fr`);
    await checkPage("organisation-fr");

    await page.getByRole("navigation", { name: "Langue" }).getByRole("link", { name: "العربية" }).click();
    await page.waitForURL(new RegExp(`/organisations/${organisationId}\\?lang=ar$`));
    expect(await html.getAttribute("lang")).toBe("ar");
    expect(await html.getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { level: 2, name: "الدعوات المفتوحة" }).waitFor();
    // Right to left, the header mirrors: the site's name on the right, the switcher on the left.
    const name = await page.locator(".site-name").boundingBox();
    const languages = await page.locator(".languages").boundingBox();
    expect(name!.x).toBeGreaterThan(languages!.x);
    await checkPage("organisation-ar");

    await page.locator(".site-name").click();
    await page.waitForURL(/\/\?lang=ar$/);
    expect(await page.getByRole("searchbox").getAttribute("placeholder")).not.toMatch(/[a-z]/i);
    await checkPage("home-ar");
  });
});

describe("directory in a browser: lists, calendars and the embed", () => {
  it("filters open calls by country and discipline closing within 30 days and reaches one in three clicks", async () => {
    expect(await open("/")).toBe(200);
    await page.getByRole("navigation", { name: "Browse the directory" }).getByRole("link", { name: "Closing within 30 days" }).click(); // 1
    await page.waitForURL(/\/opportunities\?/);
    await page.locator("#filter-country").selectOption("MA");
    await page.locator("#filter-discipline").selectOption("VISUAL_ARTS_AND_CRAFTS");
    await page.getByRole("button", { name: "Show results" }).click(); // 2
    await page.waitForURL(/country=MA/);
    const hits = page.locator(".list-results .hit h2");
    expect(await hits.allTextContents()).toEqual([PAINTING_CALL]);
    await checkPage("opportunities-list");
    await hits.getByRole("link", { name: PAINTING_CALL }).click(); // 3
    expect(await heading().textContent()).toBe(PAINTING_CALL);
  });

  it("offers an event's add-to-calendar file, which parses as iCalendar with that event", async () => {
    expect(await open(`/events/${eventId}`)).toBe(200);
    const href = await page.getByRole("link", { name: "Add to calendar (.ics)" }).getAttribute("href");
    const response = await page.request.get(new URL(href!, base).toString());
    expect(response.headers()["content-type"]).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    expect(events[0].getFirstPropertyValue("summary")).toBe(EVENT);
    expect(events[0].getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Africa/Casablanca");
  });

  it("renders the embed snippet inside a page served from another origin, styled by that page", async () => {
    const partnerPage = `<!doctype html><html lang="en"><head><title>A partner's site</title>
      <style>agora-list { --agora-accent: rgb(170, 0, 0); }</style></head><body><main><h1>Our open calls</h1>
      <script type="module" src="${new URL("/embed/agora-list.js", base).href}"></script>
      <agora-list collection="opportunities" network="agora-test" country="MA" limit="5"><a href="${new URL("/opportunities", base).href}">Open calls on Agora Hub</a></agora-list>
      </main></body></html>`;
    const server: Server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(partnerPage));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(new URL(base).origin).not.toBe(origin);
      await page.goto(origin);
      const item = page.locator("agora-list").getByRole("link", { name: PAINTING_CALL, exact: true });
      await item.waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await page.content()}\n${pageErrors(page).join("\n")}`);
      });
      expect(await item.getAttribute("href")).toMatch(/\/opportunities\/[0-9a-f-]{36}/);
      const colour = await item.evaluate(
        (link) => (globalThis as unknown as { getComputedStyle: (element: unknown) => { color: string } }).getComputedStyle(link).color,
      );
      expect(colour).toBe("rgb(170, 0, 0)");
      await saveScreenshot(page, "directory/embed-on-partner-site");
      expect(pageErrors(page)).toEqual([]);
    } finally {
      // The browser keeps its connection alive: close it, or the server would wait for it.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("meets WCAG 2.1 AA on the other page types: lists, networks, vocabularies and the embed builder", async () => {
    for (const [name, path] of [
      ["events-list", "/events"],
      ["organisations-list", "/organisations"],
      ["people-list-ar", "/people?lang=ar"],
      ["networks", "/networks"],
      ["vocabulary", "/vocabularies/disciplines"],
      ["embed-builder", "/embed"],
    ]) {
      expect(await open(path)).toBe(200);
      await checkPage(name);
    }
  });
});
