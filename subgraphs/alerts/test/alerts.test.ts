import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "pg";
import type { ParsedMail } from "mailparser";
import { Webhook } from "standardwebhooks";
import { pollUntil } from "@agora-hub/subgraph-kit/testing";
import { startSubgraph, type StartedSubgraph } from "@agora-hub/subgraph-kit";
import { startTestMailbox, type TestMailbox } from "../../../testing/test-mailbox";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../../gateway/test/test-hub";
import { alertsSubgraph } from "../alerts.subgraph";

/*
 * Alerts end to end on PostgreSQL, a local SMTP server (smtp-server) and local webhook endpoints: a partner
 * network's key publishes through the gateway, the opportunities subgraph writes the change to its outbox in the
 * same transaction and NOTIFYs, the alerts worker matches it against the saved searches and delivers it.
 */

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local webhook endpoint recording every request; `status` is what it answers, `delayMs` how long it waits first. */
async function startEndpoint(options: { status?: number; delayMs?: number } = {}): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      setTimeout(() => response.writeHead(options.status ?? 204).end(), options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let mailbox: TestMailbox;
let testHub: TestHub;
/** The alerts subgraph as the restart test started it again (stopped after the others). */
let restarted: StartedSubgraph | undefined;
/** A second replica beside it. */
let replica: StartedSubgraph | undefined;
let partnerKey = "";
let otherKey = "";
let publisherId = "";
const endpoints: Array<{ close: () => Promise<void> }> = [];

const text = (value: string, lang = "en") => ({ originalLanguage: lang, translations: [{ lang, value }] });

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const response = await fetch(new URL("/graphql", testHub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

const CREATE_SEARCH = `mutation($input: CreateSavedSearchInput!) { createSavedSearch(input: $input) { webhookSecret feedUrl savedSearch { id state channel health } } }`;
const CREATE_OPPORTUNITY = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id publicationState } }`;
const DELIVERIES = `query($id: ID!) { savedSearch(id: $id) { health failingSince deliveries(first: 20) { totalCount edges { node { id kind recordId status attempts responseStatus lastError } } } } }`;

async function createSearch(input: Record<string, unknown>, token = partnerKey): Promise<{ id: string; secret: string; feedUrl: string }> {
  const answer = await graphql(CREATE_SEARCH, { input: { network: "culture-agora", name: "Residencies in Tunisia", ...input } }, token);
  expect(answer.errors).toBeUndefined();
  const created = answer.data!.createSavedSearch;
  return { id: created.savedSearch.id, secret: created.webhookSecret, feedUrl: created.feedUrl };
}

async function publish(title: string, fields: Record<string, unknown> = {}): Promise<string> {
  const answer = await graphql(
    CREATE_OPPORTUNITY,
    { input: { network: "culture-agora", type: "RESIDENCY", title: text(title), publisherId, country: "TN", disciplines: ["PHOTOGRAPHY"], ...fields } },
    partnerKey,
  );
  expect(answer.errors).toBeUndefined();
  expect(answer.data!.createOpportunity.publicationState).toBe("PUBLISHED");
  return answer.data!.createOpportunity.id;
}

/** The test hub's hourly limit per saved search: above what any other test sends one search. */
const PER_SUBSCRIBER_HOUR = 8;

const residencyCriteria = { types: ["OPPORTUNITY"], opportunityTypes: ["RESIDENCY"], countries: ["TN"] };
const mailTo = (address: string) => mailbox.to(address);

beforeAll(async () => {
  mailbox = await startTestMailbox();
  testHub = await startTestHub({
    seed: { people: 0, organisations: 0, opportunities: 0, events: 0 },
    env: {
      SMTP_URL: mailbox.url,
      ALERT_RETRY_LIMIT: "2",
      ALERT_RETRY_DELAY_SECONDS: "1",
      ALERT_QUEUE_POLL_SECONDS: "0.5",
      ALERT_POLL_MS: "300",
      ALERT_MAX_PER_SUBSCRIBER_HOUR: String(PER_SUBSCRIBER_HOUR),
      AGORA_ERASURE_POLL_MS: "200",
    },
  });
  const admin = async (body: unknown) =>
    (
      await fetch(new URL("/admin/networks", testHub.hub.gatewayUrl), {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
        body: JSON.stringify(body),
      })
    ).json() as Promise<{ apiKey: string }>;
  partnerKey = (await admin({ slug: "culture-agora", name: "Culture Agora", trustLevel: "TRUSTED" })).apiKey;
  otherKey = (await admin({ slug: "design-hub", name: "Design Hub", trustLevel: "TRUSTED" })).apiKey;
  const organisation = await graphql(
    "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }",
    { input: { network: "culture-agora", name: "Dar Residency", kind: "NGO", country: "TN" } },
    partnerKey,
  );
  publisherId = organisation.data!.createOrganisation.id;
}, 120_000);

afterAll(async () => {
  for (const endpoint of endpoints) await endpoint.close();
  await replica?.stop();
  await restarted?.stop();
  await testHub?.close();
  await mailbox?.close();
});

describe("webhooks", () => {
  it("delivers a matching opportunity within seconds, signed in the Standard Webhooks format, and nothing for one that does not match", async () => {
    const endpoint = await startEndpoint();
    endpoints.push(endpoint);
    const search = await createSearch({ webhookUrl: endpoint.url, criteria: residencyCriteria });
    expect(search.secret).toMatch(/^whsec_/);
    await publish("Photography residency in Morocco", { country: "MA" });
    const started = Date.now();
    const matchingId = await publish("Photography residency in Tunis");
    await pollUntil(
      async () => endpoint.received.length,
      (count) => count >= 1,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    const [delivery] = endpoint.received;
    const payload = new Webhook(search.secret).verify(delivery.body, delivery.headers as Record<string, string>) as Record<string, any>;
    expect(payload.type).toBe("alert.new");
    expect(payload.data.record).toMatchObject({ type: "Opportunity", id: matchingId, network: "culture-agora" });
    expect(payload.data.record.url).toMatch(new RegExp(`/opportunities/${matchingId}$`));
    expect(payload.data.savedSearch.id).toBe(search.id);
    const log = await graphql(DELIVERIES, { id: search.id }, partnerKey);
    await pollUntil(
      async () => (await graphql(DELIVERIES, { id: search.id }, partnerKey)).data!.savedSearch.deliveries.edges[0]?.node.status,
      (status) => status === "DELIVERED",
    );
    // The Moroccan one matched nothing: one alert only, whose id is the webhook-id.
    expect(log.data!.savedSearch.deliveries.totalCount).toBe(1);
    expect(log.data!.savedSearch.deliveries.edges[0].node.id).toBe(delivery.headers["webhook-id"]);
    expect(endpoint.received).toHaveLength(1);
  });

  it("retries a failing endpoint with backoff, then marks the alert FAILED and the saved search FAILING", async () => {
    const endpoint = await startEndpoint({ status: 500 });
    endpoints.push(endpoint);
    const search = await createSearch({ webhookUrl: endpoint.url, criteria: { ...residencyCriteria, query: "ceramics" } });
    await publish("Ceramics residency in Nabeul");
    const failed = await pollUntil(
      async () => (await graphql(DELIVERIES, { id: search.id }, partnerKey)).data!.savedSearch,
      (found) => found.health === "FAILING",
      30_000,
    );
    const [alert] = failed.deliveries.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
    // The first attempt and ALERT_RETRY_LIMIT (2) retries, each the same webhook-id.
    expect(alert).toMatchObject({ status: "FAILED", attempts: 3, responseStatus: 500, lastError: "answered HTTP 500" });
    expect(endpoint.received).toHaveLength(3);
    expect(new Set(endpoint.received.map((request) => request.headers["webhook-id"]))).toEqual(new Set([alert.id]));
    expect(failed.failingSince).not.toBeNull();
  });

  it("loses and duplicates nothing when the alerts subgraph restarts with changes waiting and deliveries in flight", async () => {
    const endpoint = await startEndpoint({ delayMs: 300 });
    endpoints.push(endpoint);
    await createSearch({ webhookUrl: endpoint.url, criteria: { ...residencyCriteria, query: "restart" } });
    const alerts = testHub.hub.subgraphs.find((subgraph) => subgraph.name === "alerts")!;
    const first = await Promise.all([1, 2, 3].map((n) => publish(`Restart residency ${n}`)));
    // Stopped while the first deliveries are on their way; the next changes wait in the outbox meanwhile.
    await pollUntil(
      async () => endpoint.received.length,
      (count) => count >= 1,
    );
    await alerts.stop();
    // A second replica claims beside the restarted one from here on: between them, still each alert once.
    replica = await startSubgraph(alertsSubgraph, replicaOptions(0));
    const second = await Promise.all([4, 5, 6].map((n) => publish(`Restart residency ${n}`)));
    // On the same port, so the gateway's route to it holds for the tests after this one.
    {
      restarted = await startSubgraph(alertsSubgraph, replicaOptions(Number(new URL(alerts.url).port)));
      const ids = async () => endpoint.received.map((request) => JSON.parse(request.body).data.record.id as string);
      const delivered = await pollUntil(ids, (seen) => new Set(seen).size >= 6, 30_000);
      expect(new Set(delivered)).toEqual(new Set([...first, ...second]));
      // Each alert once: a webhook-id seen twice would be a duplicate delivery.
      const webhookIds = endpoint.received.map((request) => request.headers["webhook-id"]);
      expect(new Set(webhookIds).size).toBe(webhookIds.length);
      expect(delivered).toHaveLength(6);
    }
  });
});

/** Runs SQL on the test hub's database (to look at what the alerts subgraph stores, or to move a digest's clock). */
async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: testHub.database.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A webhook search with `criteria` whose deliveries tell that a change was matched (the same sweep matches every search). */
async function sentinel(criteria: Record<string, unknown>): Promise<{ seen: (id: string) => Promise<void> }> {
  const endpoint = await startEndpoint();
  endpoints.push(endpoint);
  await createSearch({ name: "Sentinel", webhookUrl: endpoint.url, criteria });
  return {
    seen: async (id) => {
      await pollUntil(
        async () => endpoint.received.some((request) => JSON.parse(request.body).data.record.id === id),
        (found) => found,
      );
    },
  };
}

const linkToken = (mail: ParsedMail, kind: "confirm" | "unsubscribe") => new RegExp(`/alerts/${kind}/([A-Za-z0-9_-]{43})`).exec(mail.text ?? "")?.[1] ?? "";

describe("e-mail", () => {
  it("sends nothing before the address confirms, then alerts in its language with a one-click unsubscribe, and nothing once unsubscribed", async () => {
    const address = "amal.b@example.org";
    const criteria = { ...residencyCriteria, query: "sculpture" };
    const watch = await sentinel(criteria);
    const subscribed = await graphql("mutation($input: SubscribeToAlertsInput!) { subscribeToAlerts(input: $input) }", {
      input: { email: address, language: "fr", criteria },
    });
    expect(subscribed).toEqual({ data: { subscribeToAlerts: true } });
    const [confirmation] = await pollUntil(
      async () => mailTo(address),
      (found) => found.length >= 1,
    );
    expect(confirmation.subject).toMatch(/^Confirmez votre alerte Agora Hub/);
    expect(confirmation.html).toContain("Confirmer l’alerte");
    const confirmToken = linkToken(confirmation, "confirm");
    expect(confirmToken).toHaveLength(43);

    // Before confirming: the change is matched (the sentinel has it) but nothing is queued for the address.
    const before = await publish("Sculpture residency in Sfax");
    await watch.seen(before);
    const queued = await sql(`SELECT count(*)::int AS n FROM alerts.alert_event e JOIN alerts.saved_search s ON s.id = e.saved_search_id WHERE s.email = $1`, [
      address,
    ]);
    expect(queued[0]).toEqual({ n: 0 });
    expect(mailTo(address)).toHaveLength(1);

    const confirmed = await graphql("mutation($token: String!) { confirmAlertSubscription(token: $token) { name feedUrl unsubscribeUrl } }", {
      token: confirmToken,
    });
    expect(confirmed.errors).toBeUndefined();
    const again = await graphql("mutation($token: String!) { confirmAlertSubscription(token: $token) { name } }", { token: confirmToken });
    expect(again.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token" });

    const after = await publish("Sculpture residency in Tunis");
    const alert = (
      await pollUntil(
        async () => mailTo(address),
        (found) => found.length >= 2,
      )
    )[1];
    expect(alert.subject).toBe("Nouveau : Sculpture residency in Tunis");
    expect(alert.text).toContain(`/opportunities/${after}`);
    expect(alert.html).toContain(`/opportunities/${after}`);
    const unsubscribeUrl = confirmed.data!.confirmAlertSubscription.unsubscribeUrl as string;
    const header = (name: string) => (alert.headerLines.find((line) => line.key === name)?.line ?? "").replace(/\r?\n\s+/g, " ");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toBe(`List-Unsubscribe: <${unsubscribeUrl}>`);

    const token = linkToken(alert, "unsubscribe");
    expect(unsubscribeUrl.endsWith(token)).toBe(true);
    const unsubscribe = "mutation($token: String!) { unsubscribeAlerts(token: $token) }";
    expect((await graphql(unsubscribe, { token })).data).toEqual({ unsubscribeAlerts: true });
    expect((await graphql(unsubscribe, { token })).data).toEqual({ unsubscribeAlerts: false });
    // The address is gone with the subscription.
    expect(await sql("SELECT id FROM alerts.saved_search WHERE email = $1", [address])).toEqual([]);
    const later = await publish("Sculpture residency in Bizerte");
    await watch.seen(later);
    expect(mailTo(address)).toHaveLength(2);
  });

  it("gathers a daily subscriber's alerts into one digest when it is due", async () => {
    const address = "digest.reader@example.org";
    const criteria = { ...residencyCriteria, query: "weaving" };
    await graphql("mutation($input: SubscribeToAlertsInput!) { subscribeToAlerts(input: $input) }", {
      input: { email: address, frequency: "DAILY", criteria },
    });
    const [confirmation] = await pollUntil(
      async () => mailTo(address),
      (found) => found.length >= 1,
    );
    await graphql("mutation($token: String!) { confirmAlertSubscription(token: $token) { name } }", { token: linkToken(confirmation, "confirm") });
    await publish("Weaving residency one");
    await publish("Weaving residency two");
    const waiting = `SELECT count(*)::int AS n FROM alerts.alert_event e JOIN alerts.saved_search s ON s.id = e.saved_search_id WHERE s.email = $1 AND e.status = 'DIGEST'`;
    await pollUntil(
      async () => (await sql<{ n: number }>(waiting, [address]))[0].n,
      (n) => n === 2,
    );
    expect(mailTo(address)).toHaveLength(1);
    // A day later, as far as the digest can tell.
    await sql("UPDATE alerts.saved_search SET created_at = now() - interval '25 hours' WHERE email = $1", [address]);
    const digest = (
      await pollUntil(
        async () => mailTo(address),
        (found) => found.length >= 2,
      )
    )[1];
    expect(digest.subject).toBe("2 new for “weaving (opportunity)”");
    expect(digest.text).toContain("Weaving residency one");
    expect(digest.text).toContain("Weaving residency two");
    await pollUntil(
      async () => (await sql<{ n: number }>(waiting, [address]))[0].n,
      (n) => n === 0,
    );
  });

  it("sends an immediate subscriber at most ALERT_MAX_PER_SUBSCRIBER_HOUR messages an hour and keeps the rest for a digest", async () => {
    const address = "busy.reader@example.org";
    const criteria = { ...residencyCriteria, query: "ceiling" };
    await graphql("mutation($input: SubscribeToAlertsInput!) { subscribeToAlerts(input: $input) }", { input: { email: address, criteria } });
    const [confirmation] = await pollUntil(
      async () => mailTo(address),
      (found) => found.length >= 1,
    );
    await graphql("mutation($token: String!) { confirmAlertSubscription(token: $token) { name } }", { token: linkToken(confirmation, "confirm") });
    for (let n = 1; n <= PER_SUBSCRIBER_HOUR + 2; n++) await publish(`Ceiling residency ${n}`);
    const statuses = `SELECT e.status, count(*)::int AS n FROM alerts.alert_event e JOIN alerts.saved_search s ON s.id = e.saved_search_id WHERE s.email = $1 GROUP BY e.status ORDER BY e.status`;
    const counted = await pollUntil(
      async () => sql<{ status: string; n: number }>(statuses, [address]),
      (rows) => rows.find((row) => row.status === "DELIVERED")?.n === PER_SUBSCRIBER_HOUR && rows.find((row) => row.status === "DIGEST")?.n === 2,
      30_000,
    );
    expect(counted).toEqual([
      { status: "DELIVERED", n: PER_SUBSCRIBER_HOUR },
      { status: "DIGEST", n: 2 },
    ]);
    expect(mailTo(address)).toHaveLength(1 + PER_SUBSCRIBER_HOUR);
  }, 60_000);

  it("deletes a member's saved searches when the person is erased", async () => {
    const person = await graphql(
      "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }",
      { input: { network: "culture-agora", displayName: "Leila Mansour", discoverable: true } },
      partnerKey,
    );
    const personId = person.data!.createPerson.id as string;
    const search = await createSearch({ name: "Leila's calls", email: "leila@example.org", personId, criteria: residencyCriteria });
    expect(await sql("SELECT email FROM alerts.saved_search WHERE id = $1", [search.id])).toEqual([{ email: "leila@example.org" }]);
    const erased = await graphql("mutation($id: ID!) { erasePerson(id: $id) { status } }", { id: personId }, partnerKey);
    expect(erased.data!.erasePerson.status).toBe("ERASED");
    await pollUntil(
      async () => (await sql("SELECT id FROM alerts.saved_search WHERE id = $1", [search.id])).length,
      (n) => n === 0,
    );
  });
});

describe("deadline reminders and the feed", () => {
  it("sends “closes in 7 days” once for an opportunity a search matched, and lists every alert in the search's feed", async () => {
    const endpoint = await startEndpoint();
    endpoints.push(endpoint);
    const search = await createSearch({ webhookUrl: endpoint.url, criteria: { ...residencyCriteria, query: "deadline" } });
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const id = await publish("Deadline residency", { deadline: inDays(20) });
    await pollUntil(
      async () => endpoint.received.length,
      (count) => count >= 1,
    );
    const moved = await graphql(
      "mutation($id: ID!, $input: UpdateOpportunityInput!) { updateOpportunity(id: $id, input: $input) { id } }",
      { id, input: { deadline: inDays(6) } },
      partnerKey,
    );
    expect(moved.errors).toBeUndefined();
    const types = await pollUntil(
      async () => endpoint.received.map((request) => JSON.parse(request.body).type as string),
      (seen) => seen.length >= 2,
    );
    // The update itself is no news (no includeUpdates); the reminder is.
    expect(types).toEqual(["alert.new", "alert.closing_soon"]);
    const token = /\/alerts\/feeds\/([A-Za-z0-9_-]{43})\.atom$/.exec(search.feedUrl)![1];
    const feed = await graphql("query($token: String!) { savedSearchFeed(token: $token) { name entries { kind recordId url title { text } } } }", { token });
    expect(feed.data!.savedSearchFeed.entries).toEqual([
      expect.objectContaining({ kind: "CLOSING_SOON", recordId: id, title: { text: "Deadline residency" } }),
      expect.objectContaining({ kind: "NEW", recordId: id }),
    ]);
    expect((await graphql("query($token: String!) { savedSearchFeed(token: $token) { name } }", { token: "x".repeat(43) })).data).toEqual({
      savedSearchFeed: null,
    });
  });

  it("counts deliveries in the alerts subgraph's Prometheus metrics", async () => {
    const alerts = restarted ?? testHub.hub.subgraphs.find((subgraph) => subgraph.name === "alerts")!;
    const metrics = await (await fetch(alerts.url.replace(/\/graphql$/, "/metrics"))).text();
    expect(metrics).toMatch(/agora_alert_deliveries_total\{[^}]*channel="webhook"[^}]*outcome="delivered"[^}]*\} [1-9]/);
  });
});

describe("who may do what, and bad input", () => {
  it("refuses bad criteria and channels naming the field, anonymous writers, and another network's search", async () => {
    const bad = async (input: Record<string, unknown>) =>
      (await graphql(CREATE_SEARCH, { input: { network: "culture-agora", name: "Bad", criteria: residencyCriteria, ...input } }, partnerKey)).errors?.[0]
        .extensions;
    expect(await bad({ criteria: { types: ["EVENT"], opportunityTypes: ["RESIDENCY"] } })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.criteria.types",
    });
    expect(await bad({ criteria: { opportunityTypes: ["RESIDENCY"], eventFormats: ["FESTIVAL"] } })).toMatchObject({ field: "input.criteria.types" });
    expect(await bad({ criteria: { query: "!!" } })).toMatchObject({ field: "input.criteria.query" });
    expect(await bad({ webhookUrl: "ftp://example.org/hooks" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.webhookUrl" });
    expect(await bad({ webhookUrl: "https://example.org/hooks", email: "a@example.org" })).toMatchObject({ field: "input.email" });
    expect(await bad({ email: "not-an-address" })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await bad({ personId: "nope" })).toMatchObject({ field: "input.personId" });
    const anonymous = await graphql(CREATE_SEARCH, { input: { network: "culture-agora", name: "Anon", criteria: residencyCriteria } });
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const foreign = await graphql(CREATE_SEARCH, { input: { network: "culture-agora", name: "Theirs", criteria: residencyCriteria } }, otherKey);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", field: "network" });

    const mine = await createSearch({ criteria: residencyCriteria });
    const deleteIt = "mutation($id: ID!) { deleteSavedSearch(id: $id) }";
    expect((await graphql(deleteIt, { id: mine.id }, otherKey)).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const listed = await graphql("{ savedSearches(first: 100) { edges { node { id } } } }", {}, otherKey);
    expect(listed.data!.savedSearches.edges).toEqual([]);
    const paused = await graphql("mutation($id: ID!) { pauseSavedSearch(id: $id) { state } }", { id: mine.id }, partnerKey);
    expect(paused.data!.pauseSavedSearch.state).toBe("PAUSED");
    expect((await graphql(deleteIt, { id: mine.id }, partnerKey)).data).toEqual({ deleteSavedSearch: mine.id });
  });
});

/** How the restart test starts the alerts subgraph again, on `port` (0: a free one), on the test hub's database. */
function replicaOptions(port: number): Parameters<typeof startSubgraph>[1] {
  return {
    databaseUrl: testHub.database.url,
    port,
    host: "127.0.0.1",
    poolSize: 4,
    production: false,
    signer: testHub.hub.signer,
    env: { ...process.env, ...alertEnv() },
    peerUrls: Object.fromEntries(testHub.hub.subgraphs.map((subgraph) => [subgraph.name, subgraph.url])),
  };
}

/** The alerts settings the test hub runs with (for the restarted instance). */
function alertEnv(): NodeJS.ProcessEnv {
  return {
    SMTP_URL: mailbox.url,
    ALERT_RETRY_LIMIT: "2",
    ALERT_RETRY_DELAY_SECONDS: "1",
    ALERT_QUEUE_POLL_SECONDS: "0.5",
    ALERT_POLL_MS: "300",
    ALERT_MAX_PER_SUBSCRIBER_HOUR: String(PER_SUBSCRIBER_HOUR),
    AGORA_ALLOW_PRIVATE_SUBGRAPHS: "1",
  };
}
