import { DOMParser } from "@xmldom/xmldom";
import { Client } from "pg";
import { pollUntil } from "@agora-hub/subgraph-kit/testing";
import { runCli } from "../../gateway/cli/agora";
import { startTestMailbox, type TestMailbox } from "../../testing/test-mailbox";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../gateway/test/test-hub";

/*
 * The web side of the alerts on a whole hub, a local SMTP server and PostgreSQL: the list pages' subscribe form, the
 * confirmation and unsubscribe links of the e-mails (one-click too), the Atom feeds, the admin API's saved searches
 * and the `agora alerts` commands. Feed entries are written as the alerts worker writes them (alert_event rows), so
 * they need no match; the confirmation mails come from the alerts worker's sweep, which reads every core subgraph's
 * change feed (`record_change`) first.
 */

const ATOM = "http://www.w3.org/2005/Atom";
const UNKNOWN_ID = "0f0f0f0f-0000-4000-8000-00000000abcd";
const UNKNOWN_TOKEN = "A".repeat(43);

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string }> };

let mailbox: TestMailbox;
let testHub: TestHub;
let base: string;
let sql: Client;
let networkKey = "";

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
const newClient = () => `198.51.100.${nextClient++}`;

/** Posts a form as a browser would (urlencoded), from `client`'s address. */
async function postForm(path: string, fields: Record<string, string | string[]>, client = newClient(), headers: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  const response = await fetch(new URL(path, base), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": client, ...headers },
    body: body.toString(),
  });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

async function admin(method: string, path: string, token: string | null = TEST_ADMIN_TOKEN) {
  const response = await fetch(new URL(`/admin/saved-searches${path}`, base), { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["--gateway", base, "--token", TEST_ADMIN_TOKEN, ...args], { out: (line) => out.push(line), err: (line) => err.push(line) }, {});
  return { code, out, err };
}

const CREATE_SEARCH = "mutation($input: CreateSavedSearchInput!) { createSavedSearch(input: $input) { feedUrl savedSearch { id state } } }";

/** A network's feed-only saved search, made by the operator. */
async function createFeedSearch(name: string, network = "culture-agora"): Promise<{ id: string; feedToken: string }> {
  const answer = await graphql(CREATE_SEARCH, { input: { network, name, criteria: { types: ["OPPORTUNITY"], countries: ["TN"] } } });
  const created = answer.data!.createSavedSearch;
  return { id: created.savedSearch.id, feedToken: /\/alerts\/feeds\/([A-Za-z0-9_-]{43})\.atom$/.exec(created.feedUrl)![1] };
}

/** An alert of a saved search, as the alerts worker records it after a match. */
async function insertAlert(searchId: string, values: { kind: string; title: string; status: string; deadline?: string; summary?: string; createdAt: string }) {
  const recordId = crypto.randomUUID();
  const text = (value: string) => JSON.stringify({ originalLanguage: "fr", translations: [{ lang: "fr", value, machineTranslated: false }] });
  const rows = await sql.query(
    `INSERT INTO alerts.alert_event (saved_search_id, dedup_key, kind, record_type, record_id, network, title, summary, path, deadline, channel, status, created_at)
     VALUES ($1, $2, $3, 'Opportunity', $4, 'culture-agora', $5, $6, $7, $8, 'FEED', $9, $10) RETURNING id`,
    [
      searchId,
      `${values.kind}:${recordId}`,
      values.kind,
      recordId,
      text(values.title),
      values.summary ? text(values.summary) : null,
      `/opportunities/${recordId}`,
      values.deadline ?? null,
      values.status,
      values.createdAt,
    ],
  );
  return { id: rows.rows[0].id as string, recordId };
}

const mailTo = (address: string) => mailbox.to(address);
const linkToken = (text: string, kind: "confirm" | "unsubscribe") => new RegExp(`/alerts/${kind}/([A-Za-z0-9_-]{43})`).exec(text)?.[1] ?? "";

/** Subscribes `email` through the opportunities page's form and follows the confirmation mail's link: the confirmed page. */
async function subscribeAndConfirm(email: string, fields: Record<string, string | string[]> = {}): Promise<{ confirmToken: string; confirmed: string }> {
  const sent = await postForm("/alerts/subscribe?lang=en", { list: "opportunities", email, frequency: "IMMEDIATE", ...fields });
  expect(sent.status).toBe(200);
  const [mail] = await pollUntil(
    async () => mailTo(email),
    (found) => found.length > 0,
  );
  const confirmToken = linkToken(mail.text ?? "", "confirm");
  expect(confirmToken).toHaveLength(43);
  const confirmed = await postForm(`/alerts/confirm/${confirmToken}?lang=en`, {});
  expect(confirmed.status).toBe(200);
  return { confirmToken, confirmed: confirmed.text };
}

beforeAll(async () => {
  mailbox = await startTestMailbox();
  testHub = await startTestHub({
    seed: { people: 0, organisations: 0, opportunities: 0, events: 0 },
    env: {
      SMTP_URL: mailbox.url,
      ALERT_POLL_MS: "300",
      ALERT_QUEUE_POLL_SECONDS: "0.5",
      ALERT_SUBSCRIPTIONS_PER_CLIENT_HOUR: "2",
      TRUST_PROXY: "loopback",
    },
  });
  base = testHub.hub.gatewayUrl;
  sql = new Client({ connectionString: testHub.database.url });
  await sql.connect();
  const registered = await fetch(new URL("/admin/networks", base), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify({ slug: "design-hub", name: "Design Hub" }),
  });
  networkKey = ((await registered.json()) as { apiKey: string }).apiKey;
}, 120_000);

afterAll(async () => {
  await sql?.end();
  await testHub?.close();
  await mailbox?.close();
});

describe("the subscribe form", () => {
  it("is on every list page, carrying the filters an alert can follow and naming those it cannot", async () => {
    const page = await fetch(new URL("/opportunities?type=RESIDENCY&country=TN&status=OPEN&q=ceramics&lang=fr", base));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<details class="alerts-subscribe">');
    expect(html).toContain("<summary>M&#39;envoyer les nouveautés par e-mail</summary>");
    expect(html).toContain('<form method="post" action="/alerts/subscribe?lang=fr">');
    expect(html).toContain('<input type="hidden" name="list" value="opportunities"/>');
    expect(html).toContain('<input type="hidden" name="q" value="ceramics"/>');
    expect(html).toContain('<input type="hidden" name="type" value="RESIDENCY"/>');
    expect(html).toContain('<input type="hidden" name="country" value="TN"/>');
    // The status is a list filter with no saved-search counterpart: said, not carried.
    expect(html).not.toContain('name="status" value="OPEN"');
    expect(html).toContain("Hors de l&#39;alerte : État: Ouvert.");
    expect(page.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    for (const collection of ["events", "resources", "organisations", "people"]) {
      const other = await (await fetch(new URL(`/${collection}?country=MA`, base))).text();
      expect(other).toContain(`<input type="hidden" name="list" value="${collection}"/>`);
      expect(other).toContain('<input type="hidden" name="country" value="MA"/>');
    }
  });

  it("saves a subscription waiting for its confirmation with the page's criteria and name, and sends the confirmation link", async () => {
    const email = "amira@example.org";
    const sent = await postForm("/alerts/subscribe?lang=en", {
      list: "opportunities",
      email,
      frequency: "WEEKLY",
      type: ["RESIDENCY", "GRANT"],
      country: "TN",
      eligible: "MA",
      q: "ceramics",
    });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain("Check your inbox");
    expect(sent.text).toContain("A message with a confirmation link is on its way to amira@example.org.");
    const [row] = (await sql.query("SELECT name, criteria, state, frequency, language FROM alerts.saved_search WHERE email = $1", [email])).rows;
    expect(row).toMatchObject({
      state: "PENDING_CONFIRMATION",
      frequency: "WEEKLY",
      language: "en",
      name: "Open calls: Type of call: Residency, Grant · Country: Tunisia · Open to applicants from: Morocco · “ceramics”",
      criteria: { types: ["OPPORTUNITY"], opportunityTypes: ["RESIDENCY", "GRANT"], countries: ["TN"], eligibleFor: "MA", query: "ceramics" },
    });
    const [mail] = await pollUntil(
      async () => mailTo(email),
      (found) => found.length > 0,
    );
    expect(linkToken(mail.text ?? "", "confirm")).toHaveLength(43);
  });

  it("answers a bad address with a 400 naming the e-mail and the form again, and saves nothing", async () => {
    const sent = await postForm("/alerts/subscribe?lang=en", { list: "events", email: "not-an-address", frequency: "DAILY", type: "FESTIVAL" });
    expect(sent.status).toBe(400);
    expect(sent.text).toContain("Please check the email: must be an e-mail address");
    expect(sent.text).toMatch(/<details class="alerts-subscribe" open="?"?>/);
    expect(sent.text).toContain('value="not-an-address"');
    expect(sent.text).toContain('<option value="DAILY" selected="">');
    expect(sent.text).toContain('<input type="hidden" name="type" value="FESTIVAL"/>');
    expect((await sql.query("SELECT count(*)::int AS n FROM alerts.saved_search WHERE email = 'not-an-address'")).rows[0].n).toBe(0);
  });

  it("refuses a filter value the list does not know (400 naming it), a form from another site (403), and too many from one client (429)", async () => {
    const bad = await postForm("/alerts/subscribe", { list: "opportunities", email: "x@example.org", type: "PICNIC" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("type: &quot;PICNIC&quot; is not a value of OpportunityType");
    const crossSite = await postForm("/alerts/subscribe", { list: "opportunities", email: "x@example.org" }, newClient(), {
      origin: "https://elsewhere.example",
    });
    expect(crossSite.status).toBe(403);
    const client = newClient();
    for (const n of [1, 2]) expect((await postForm("/alerts/subscribe", { list: "people", email: `limit${n}@example.org` }, client)).status).toBe(200);
    const limited = await postForm("/alerts/subscribe", { list: "people", email: "limit3@example.org" }, client);
    expect(limited.status).toBe(429);
    expect(limited.text).toContain("Too many alerts asked for from you in the last hour.");
  });
});

describe("the confirmation and unsubscribe links", () => {
  it("shows a button on GET without confirming, confirms on POST with the feed and unsubscribe links, and refuses the used link with a 400", async () => {
    const email = "youssef@example.org";
    await postForm("/alerts/subscribe", { list: "opportunities", email, country: "MA" });
    const [mail] = await pollUntil(
      async () => mailTo(email),
      (found) => found.length > 0,
    );
    const token = linkToken(mail.text ?? "", "confirm");
    const page = await fetch(new URL(`/alerts/confirm/${token}?lang=fr`, base));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(html).toContain("Confirmez votre alerte");
    expect(html).toContain(`<form method="post" action="/alerts/confirm/${token}?lang=fr"><button type="submit">Confirmer l&#39;alerte</button></form>`);
    // A mail scanner fetching the link confirms nothing.
    expect((await sql.query("SELECT state FROM alerts.saved_search WHERE email = $1", [email])).rows[0].state).toBe("PENDING_CONFIRMATION");
    const confirmed = await postForm(`/alerts/confirm/${token}?lang=fr`, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain("Votre alerte est active");
    expect(confirmed.text).toMatch(/\/alerts\/feeds\/[A-Za-z0-9_-]{43}\.atom/);
    expect(linkToken(confirmed.text, "unsubscribe")).toHaveLength(43);
    expect((await sql.query("SELECT state FROM alerts.saved_search WHERE email = $1", [email])).rows[0].state).toBe("ACTIVE");
    const again = await postForm(`/alerts/confirm/${token}`, {});
    expect(again.status).toBe(400);
    expect(again.text).toContain("This confirmation link is unknown, already used or expired.");
    const malformed = await fetch(new URL("/alerts/confirm/not-a-token", base));
    expect(malformed.status).toBe(400);
  });

  it("unsubscribes by RFC 8058 one-click (urlencoded or multipart, no Origin) with a tiny 200, and by the page's button", async () => {
    const { confirmed } = await subscribeAndConfirm("lina@example.org", { country: "TN" });
    const token = linkToken(confirmed, "unsubscribe");
    const page = await fetch(new URL(`/alerts/unsubscribe/${token}?lang=ar`, base));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<form method="post" action="/alerts/unsubscribe/${token}?lang=ar">`);
    expect((await sql.query("SELECT count(*)::int AS n FROM alerts.saved_search WHERE email = 'lina@example.org'")).rows[0].n).toBe(1);
    const oneClick = await postForm(`/alerts/unsubscribe/${token}`, { "List-Unsubscribe": "One-Click" });
    expect(oneClick).toMatchObject({ status: 200, text: "Unsubscribed.\n" });
    expect(oneClick.type).toMatch(/^text\/plain/);
    expect((await sql.query("SELECT count(*)::int AS n FROM alerts.saved_search WHERE email = 'lina@example.org'")).rows[0].n).toBe(0);
    // Once gone, the same link still answers that it is done.
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    const multipart = await fetch(new URL(`/alerts/unsubscribe/${token}`, base), { method: "POST", body: form });
    expect(multipart.status).toBe(200);
    expect(await multipart.text()).toBe("Unsubscribed.\n");
    const button = await postForm(`/alerts/unsubscribe/${token}?lang=es`, {});
    expect(button.status).toBe(200);
    expect(button.text).toContain("Se ha dado de baja");
    // A browser's POST from another site's page is refused; a one-click one is not a browser's.
    const crossSite = await postForm(`/alerts/unsubscribe/${token}`, {}, newClient(), { origin: "https://elsewhere.example", "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
  });
});

describe("the Atom feed", () => {
  it("serves a saved search's alerts as Atom 1.0, escaped, newest first; a search without alerts as an empty feed; an unknown token as 404", async () => {
    const search = await createFeedSearch('Résidences <Tunis> & "co"');
    const empty = await fetch(new URL(`/alerts/feeds/${search.feedToken}.atom`, base));
    expect(empty.status).toBe(200);
    expect(empty.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const emptyFeed = new DOMParser().parseFromString(await empty.text(), "application/xml");
    expect(emptyFeed.documentElement!.namespaceURI).toBe(ATOM);
    expect(emptyFeed.getElementsByTagNameNS(ATOM, "title")[0].textContent).toBe('Résidences <Tunis> & "co"');
    expect(emptyFeed.getElementsByTagNameNS(ATOM, "entry")).toHaveLength(0);

    const older = await insertAlert(search.id, {
      kind: "NEW",
      title: "Résidence <b>céramique</b> & co",
      summary: "Deux mois à Nabeul",
      status: "DELIVERED",
      createdAt: "2031-01-10T09:00:00.000Z",
    });
    const newer = await insertAlert(search.id, {
      kind: "CLOSING_SOON",
      title: "Bourse de mobilité",
      status: "FAILED",
      deadline: "2031-01-20T23:59:00.000Z",
      createdAt: "2031-01-13T09:00:00.000Z",
    });
    const response = await fetch(new URL(`/alerts/feeds/${search.feedToken}.atom`, base));
    const body = await response.text();
    expect(body).toContain("Résidence &lt;b&gt;céramique&lt;/b&gt; &amp; co");
    const feed = new DOMParser().parseFromString(body, "application/xml");
    const root = feed.documentElement!;
    expect(root.getElementsByTagNameNS(ATOM, "updated")[0].textContent).toBe("2031-01-13T09:00:00.000Z");
    const self = Array.from(root.getElementsByTagNameNS(ATOM, "link")).find((link) => link.getAttribute("rel") === "self")!;
    expect(self.getAttribute("href")).toMatch(new RegExp(`/alerts/feeds/${search.feedToken}\\.atom$`));
    const entries = Array.from(root.getElementsByTagNameNS(ATOM, "entry")).map((entry) => ({
      id: entry.getElementsByTagNameNS(ATOM, "id")[0].textContent,
      title: entry.getElementsByTagNameNS(ATOM, "title")[0].textContent,
      lang: entry.getElementsByTagNameNS(ATOM, "title")[0].getAttribute("xml:lang"),
      link: entry.getElementsByTagNameNS(ATOM, "link")[0].getAttribute("href"),
      updated: entry.getElementsByTagNameNS(ATOM, "updated")[0].textContent,
      category: entry.getElementsByTagNameNS(ATOM, "category")[0].getAttribute("term"),
      summary: entry.getElementsByTagNameNS(ATOM, "summary")[0].textContent,
      content: entry.getElementsByTagNameNS(ATOM, "content")[0]?.textContent ?? null,
    }));
    expect(entries).toEqual([
      {
        id: `urn:uuid:${newer.id}`,
        title: "Bourse de mobilité",
        lang: "fr",
        link: expect.stringMatching(new RegExp(`/opportunities/${newer.recordId}$`)),
        updated: "2031-01-13T09:00:00.000Z",
        category: "CLOSING_SOON",
        summary: "Closing soon · deadline January 20, 2031",
        content: null,
      },
      {
        id: `urn:uuid:${older.id}`,
        title: "Résidence <b>céramique</b> & co",
        lang: "fr",
        link: expect.stringMatching(new RegExp(`/opportunities/${older.recordId}$`)),
        updated: "2031-01-10T09:00:00.000Z",
        category: "NEW",
        summary: "New",
        content: "Deux mois à Nabeul",
      },
    ]);
    expect((await fetch(new URL(`/alerts/feeds/${UNKNOWN_TOKEN}.atom`, base))).status).toBe(404);
    expect((await fetch(new URL("/alerts/feeds/short.atom", base))).status).toBe(404);
  });
});

describe("saved searches in the admin API and the CLI", () => {
  it("lists, shows with the delivery log, pauses, resumes and deletes, for the operator", async () => {
    const search = await createFeedSearch("Tunisian calls");
    await insertAlert(search.id, { kind: "NEW", title: "Appel A", status: "FAILED", createdAt: "2031-02-01T09:00:00.000Z" });
    await insertAlert(search.id, { kind: "NEW", title: "Appel B", status: "DELIVERED", createdAt: "2031-02-02T09:00:00.000Z" });

    const list = await admin("GET", "?network=culture-agora&first=100");
    expect(list.status).toBe(200);
    expect(list.body.savedSearches.map((row: { id: string }) => row.id)).toContain(search.id);
    expect(list.body.savedSearches.every((row: { network: string }) => row.network === "culture-agora")).toBe(true);
    const page = await admin("GET", "?first=1");
    expect(page.body.savedSearches).toHaveLength(1);
    expect(page.body.next).toEqual(expect.any(String));
    const second = await admin("GET", `?first=1&after=${encodeURIComponent(page.body.next)}`);
    expect(second.body.savedSearches[0].id).not.toBe(page.body.savedSearches[0].id);

    const shown = await admin("GET", `/${search.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.savedSearch).toMatchObject({ id: search.id, name: "Tunisian calls", state: "ACTIVE", channel: "FEED", criteria: { countries: ["TN"] } });
    expect(shown.body.deliveries.map((row: { title: string }) => row.title)).toEqual(["Appel B", "Appel A"]);
    const failed = await admin("GET", `/${search.id}?status=FAILED`);
    expect(failed.body).toMatchObject({ totalCount: 1, deliveries: [{ title: "Appel A", status: "FAILED", kind: "NEW" }] });

    expect((await admin("POST", `/${search.id}/pause`)).body.savedSearch.state).toBe("PAUSED");
    expect((await admin("POST", `/${search.id}/resume`)).body.savedSearch.state).toBe("ACTIVE");
    expect(await admin("DELETE", `/${search.id}`)).toEqual({ status: 200, body: { deleted: search.id } });
    expect((await admin("GET", `/${search.id}`)).status).toBe(404);
  });

  it("answers 401 without a valid token, 400 naming the field for bad input, 404 for an unknown id; a network sees only its own", async () => {
    expect((await admin("GET", "", null)).status).toBe(401);
    expect((await admin("GET", "", "not-a-valid-token")).status).toBe(401);
    expect(await admin("GET", "?first=0")).toMatchObject({ status: 400, body: { field: "first" } });
    expect(await admin("GET", "?network=Not%20A%20Slug")).toMatchObject({ status: 400, body: { field: "network" } });
    expect(await admin("GET", "?colour=blue")).toMatchObject({ status: 400, body: { field: "colour" } });
    expect(await admin("GET", "/not-an-id")).toMatchObject({ status: 400, body: { field: "id" } });
    const search = await createFeedSearch("Statuses");
    expect(await admin("GET", `/${search.id}?status=LOST`)).toMatchObject({ status: 400, body: { field: "status" } });
    expect((await admin("GET", `/${UNKNOWN_ID}`)).status).toBe(404);
    expect((await admin("POST", `/${UNKNOWN_ID}/pause`)).status).toBe(404);
    expect((await admin("DELETE", `/${UNKNOWN_ID}`)).status).toBe(404);
    // Another network's key: its own list (empty), and this search reads like an unknown one.
    expect((await admin("GET", "", networkKey)).body.savedSearches).toEqual([]);
    expect((await admin("GET", `/${search.id}`, networkKey)).status).toBe(404);
    expect((await admin("POST", `/${search.id}/pause`, networkKey)).status).toBe(404);
  });

  it("agora alerts list, show, pause, resume and delete through the admin API", async () => {
    const search = await createFeedSearch("Through the CLI", "cli-network");
    await insertAlert(search.id, { kind: "NEW", title: "Appel CLI", status: "FAILED", createdAt: "2031-03-01T09:00:00.000Z" });
    const list = await cli("alerts", "list", "--network", "cli-network");
    expect(list).toMatchObject({ code: 0, err: [] });
    expect(list.out).toEqual([`${search.id}\tcli-network\tACTIVE\tHEALTHY\tFEED\tThrough the CLI`, "1 of 1"]);
    const json = await cli("alerts", "list", "--network", "cli-network", "--json");
    expect(JSON.parse(json.out.join("\n"))).toMatchObject({ totalCount: 1, savedSearches: [{ id: search.id }] });
    const shown = await cli("alerts", "show", search.id, "--status", "FAILED");
    expect(shown.code).toBe(0);
    expect(shown.out.join("\n")).toContain("deliveries (FAILED): 1");
    expect(shown.out.join("\n")).toContain("Appel CLI");
    expect(await cli("alerts", "pause", search.id)).toMatchObject({ code: 0, out: [`paused ${search.id} (PAUSED)`] });
    expect((await cli("alerts", "list", "--network", "cli-network")).out[0]).toContain("\tPAUSED\t");
    expect(await cli("alerts", "resume", search.id)).toMatchObject({ code: 0, out: [`resumed ${search.id} (ACTIVE)`] });
    expect(await cli("alerts", "delete", search.id)).toMatchObject({ code: 0, out: [`deleted ${search.id}`] });
    const gone = await cli("alerts", "pause", search.id);
    expect(gone.code).toBe(1);
    expect(gone.err.join("\n")).toMatch(/error \(HTTP 404\): SavedSearch .* does not exist/);
  });
});
