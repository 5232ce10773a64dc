import { expectGracefulDrain } from "./graceful-drain";
import { type GraphQLAnswer, type ProcessHub, startProcessHub } from "./process-hub";

/** How long the gateway waits for a core subgraph in this file (SUBGRAPH_TIMEOUT_MS). */
const SUBGRAPH_TIMEOUT_MS = 2000;

let hub: ProcessHub;

beforeAll(async () => {
  hub = await startProcessHub({ gatewayEnv: { SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS) }, intercept: ["events"] });
}, 240_000);

// Each test starts from a whole hub, whatever the one before did to it.
afterEach(async () => {
  hub.proxy("events").release();
  for (const name of hub.names) {
    if (!hub.running(name)) await hub.restart(name);
  }
}, 120_000);

afterAll(async () => {
  await hub?.close();
});

/** Polls `attempt` until `done` accepts its result; fails after `timeoutMs` with the last result. */
async function eventually<T>(attempt: () => Promise<T>, done: (result: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (done(result)) return result;
    if (Date.now() > deadline) throw new Error(`condition not met in time; last result: ${JSON.stringify(result)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const readiness = async () => {
  const response = await fetch(`${hub.gatewayUrl}ready`);
  return { status: response.status, body: (await response.json()) as { failing?: string[] } };
};
const hasData = (field: string) => (answer: { status: number; body: GraphQLAnswer }) =>
  answer.status === 200 && !answer.body.errors && typeof (answer.body.data?.[field] as { totalCount?: unknown } | undefined)?.totalCount === "number";

describe("a core subgraph process killed and restarted", () => {
  it("leaves the rest of the graph served, shows in /ready, and is served again once it is back", async () => {
    const before = await hub.graphql("{ people(first: 1) { totalCount } }");
    expect(before).toMatchObject({ status: 200, body: { data: { people: { totalCount: expect.any(Number) } } } });

    expect(await hub.kill("people")).toEqual({ code: null, signal: "SIGKILL" });
    expect(await hub.graphql("{ organisations(first: 1) { totalCount } }")).toMatchObject({
      status: 200,
      body: { data: { organisations: { totalCount: 10 } } },
    });
    expect((await hub.graphql("{ people(first: 1) { totalCount } }")).body.errors?.length).toBeGreaterThan(0);
    await eventually(readiness, (ready) => ready.status === 503 && (ready.body.failing ?? []).includes("people"), 10_000);

    await hub.restart("people");
    const after = await eventually(() => hub.graphql("{ people(first: 1) { totalCount } }"), hasData("people"));
    expect(after.body.data).toEqual(before.body.data);
    await eventually(readiness, (ready) => ready.status === 200, 10_000);
  }, 120_000);
});

describe("a core subgraph process stopped (SIGSTOP)", () => {
  it("costs at most the subgraph timeout, leaves the rest of the graph served, and recovers on SIGCONT", async () => {
    hub.stop("events");
    try {
      expect(await hub.graphql("{ organisations(first: 1) { totalCount } }")).toMatchObject({
        status: 200,
        body: { data: { organisations: { totalCount: 10 } } },
      });
      const started = Date.now();
      const stalled = await hub.graphql("{ events(first: 1) { totalCount } }");
      expect(Date.now() - started).toBeLessThan(SUBGRAPH_TIMEOUT_MS + 5_000);
      expect(stalled.body.errors?.length).toBeGreaterThan(0);
    } finally {
      hub.cont("events");
    }
    await eventually(() => hub.graphql("{ events(first: 1) { totalCount } }"), hasData("events"));
  }, 120_000);
});

describe("a down subgraph costs only the fields it owns", () => {
  const BOTH = "{ people(first: 5) { edges { node { id displayName } } } events(first: 5) { edges { node { id title { text } } } } }";

  it("serves people beside events while the events process is killed, every time", async () => {
    expect(await hub.kill("events")).toEqual({ code: null, signal: "SIGKILL" });
    for (let attempt = 0; attempt < 10; attempt++) {
      const answer = await hub.graphql(BOTH);
      expect(answer.status).toBe(200);
      expect((answer.body.data?.people as { edges: unknown[] }).edges).toHaveLength(5);
      expect(answer.body.data?.events).toBeNull();
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", subgraph: "events" }) }),
      ]);
    }
  }, 120_000);

  it("serves people and events while the organisations process hangs (SIGSTOP), organisers null with an error", async () => {
    hub.stop("organisations");
    try {
      const answer = await hub.graphql("{ people(first: 5) { edges { node { id } } } events(first: 5) { edges { node { id organisers { name } } } } }");
      expect(answer.status).toBe(200);
      expect((answer.body.data?.people as { edges: unknown[] }).edges).toHaveLength(5);
      const events = (answer.body.data?.events as { edges: Array<{ node: { id: string; organisers: unknown[] | null } }> }).edges;
      expect(events).toHaveLength(5);
      for (const { node } of events) expect(node.organisers?.every((organiser) => organiser === null)).toBe(true);
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ subgraph: "organisations" }) })]),
      );
    } finally {
      hub.cont("organisations");
    }
  }, 120_000);
});

describe("SIGTERM to the standalone gateway", () => {
  it("lets 8 requests in flight finish with 200, answers /ready 503 while draining, and exits 0 within the bound", async () => {
    await expectGracefulDrain(hub, "gateway");
    // The subgraphs were not asked to stop and still serve.
    expect(hub.running("events")).toBe(true);
  }, 60_000);
});
