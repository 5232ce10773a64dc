import { Client } from "pg";
import { startTestHub, type TestHub } from "./test-hub";

const METRICS_TOKEN = "gateway-metrics-token-0123456789";
let testHub: TestHub;

beforeAll(async () => {
  testHub = await startTestHub({ seed: { people: 3, organisations: 2, opportunities: 2, events: 2 }, env: { METRICS_TOKEN } });
});

afterAll(async () => {
  await testHub?.close();
});

async function post(
  query: string,
  requestId?: string,
): Promise<{ status: number; text: string; body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }> {
  const response = await fetch(new URL("/graphql", testHub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...(requestId ? { "x-request-id": requestId } : {}) },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

async function metrics(): Promise<string> {
  const response = await fetch(new URL("/metrics", testHub.hub.gatewayUrl), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
}

function sample(text: string, name: string, labels: Record<string, string>): number {
  const line = text
    .split("\n")
    .find((candidate) => candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)));
  return line ? Number(line.split(" ").pop()) : 0;
}

describe("gateway observability", () => {
  it("is alive at /health and ready at /ready once the supergraph and every core subgraph are", async () => {
    expect(await (await fetch(new URL("/health", testHub.hub.gatewayUrl))).json()).toEqual({ status: "ok", pid: process.pid });
    const ready = await fetch(new URL("/ready", testHub.hub.gatewayUrl));
    expect(await ready.json()).toEqual({ status: "ready" });
    expect(ready.status).toBe(200);
  });

  it("counts requests per operation and fetches per subgraph at /metrics, behind METRICS_TOKEN", async () => {
    expect((await fetch(new URL("/metrics", testHub.hub.gatewayUrl))).status).toBe(401);
    const before = await metrics();
    const answer = await post("query ObservedPeople { people(first: 1) { totalCount } }");
    expect(answer.body.errors).toBeUndefined();
    const after = await metrics();
    const requests = { service: "gateway", operation: "ObservedPeople", outcome: "ok" };
    expect(sample(after, "agora_graphql_requests_total", requests) - sample(before, "agora_graphql_requests_total", requests)).toBe(1);
    const fetches = { subgraph: "people", outcome: "ok" };
    expect(sample(after, "agora_subgraph_fetches_total", fetches) - sample(before, "agora_subgraph_fetches_total", fetches)).toBeGreaterThanOrEqual(1);
    expect(sample(after, "agora_subgraph_fetch_duration_seconds_count", { subgraph: "people" })).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/agora_supergraph_loaded_timestamp_seconds\{service="gateway"\} \d/);
    expect(after).toContain("agora_supergraph_updates_total");
  });

  it("shows a core subgraph's SQL failure as an internal server error with the request id, and nothing internal", async () => {
    const admin = new Client({ connectionString: testHub.database.url });
    await admin.connect();
    try {
      await admin.query("ALTER TABLE people.person RENAME TO person_hidden");
      const answer = await post("query BrokenPeople { people(first: 1) { totalCount } }", "req-gateway-sql");
      expect(answer.body.errors?.[0]).toMatchObject({
        message: "Internal server error",
        extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-gateway-sql" },
      });
      expect(answer.text).not.toMatch(/person_hidden|relation|SELECT|127\.0\.0\.1|stacktrace|serviceName/);
    } finally {
      await admin.query("ALTER TABLE people.person_hidden RENAME TO person");
      await admin.end();
    }
  });

  it("is not ready while a core subgraph is down", async () => {
    await testHub.hub.subgraphs.find((subgraph) => subgraph.name === "events")?.stop();
    // The previous answer may be reused for a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await fetch(new URL("/ready", testHub.hub.gatewayUrl));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not ready", failing: ["events"] });
  });
});
