import { mkdtempSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ServerResponse } from "node:http";
import { composeSupergraph } from "../../registry/composition/composition";
import { DEADLINE_HEADER } from "@agora-hub/runtime";
import { pollUntil } from "@agora-hub/subgraph-kit/testing";
import { startSleepersSubgraph, waitForNaps } from "../../testing/sleepy-subgraph";
import { createTestDatabase, type TestDatabase } from "@agora-hub/subgraph-kit/testing";
import { readGatewayConfig } from "../config";
import { type RunningGateway, startGateway } from "../gateway-server";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../partner-traffic/test/loopback-server";

// Hand-written subgraphs: "slowpoke" answers only when the test lets it, "quick" at once.
const SLOWPOKE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { slowpokeAnswer: String }
`;
const QUICK_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { quickAnswer: String }
`;

/** A request the slow subgraph holds: answer it, or see whether the gateway hung up first. */
interface Held {
  answer: () => void;
  closedEarly: boolean;
  headers: Record<string, string | string[] | undefined>;
}

let database: TestDatabase;
let sleepers: Awaited<ReturnType<typeof startSleepersSubgraph>>;
let slowpoke: LoopbackServer;
let quick: LoopbackServer;
const held: Held[] = [];
/** Small limits, so that a handful of clients overloads it; long partner timeouts, so only overload and clients end calls. */
let admitting: RunningGateway;
/** One call at a time to each subgraph and none waiting: the bulkhead. */
let bulkheaded: RunningGateway;
/** Requests that may take a second and a half. */
let hurried: RunningGateway;

function holdUntilAnswered(response: ServerResponse, headers: Held["headers"]): void {
  const entry: Held = { answer: () => sendJson(response, { data: { slowpokeAnswer: "at last" } }), closedEarly: false, headers };
  response.once("close", () => (entry.closedEarly = !response.writableFinished));
  held.push(entry);
}

function answerAll(): void {
  for (const entry of held.splice(0)) entry.answer();
}

async function startWith(env: Record<string, string>): Promise<RunningGateway> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "agora-overload-")), "supergraph.graphql");
  writeFileSync(
    file,
    composeSupergraph([
      { name: "slowpoke", url: slowpoke.url, sdl: SLOWPOKE_SDL },
      { name: "quick", url: quick.url, sdl: QUICK_SDL },
      { name: "sleepers", url: sleepers.url, sdl: await sdlOf(sleepers.url) },
    ]),
  );
  return startGateway(
    readGatewayConfig({
      GATEWAY_PORT: "0",
      AGORA_SUPERGRAPH_FILE: file,
      AGORA_ALLOW_PRIVATE_SUBGRAPHS: "1",
      PARTNER_TIMEOUT_MS: "30000",
      RATE_LIMIT_PER_MINUTE_IP: "0",
      // Admission and bulkheads are tried with identical requests, each of which must reach the subgraphs.
      MERGE_INFLIGHT_REQUESTS: "0",
      ...env,
    }),
  );
}

async function sdlOf(url: string): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ _service { sdl } }" }),
  });
  return ((await response.json()) as { data: { _service: { sdl: string } } }).data._service.sdl;
}

beforeAll(async () => {
  database = await createTestDatabase();
  sleepers = await startSleepersSubgraph(database.url);
  slowpoke = await startLoopbackServer((_body, response, request) => holdUntilAnswered(response, request.headers));
  quick = await startLoopbackServer((_body, response) => sendJson(response, { data: { quickAnswer: "right away" } }));
  admitting = await startWith({ MAX_CONCURRENT_REQUESTS: "2", REQUEST_QUEUE_SIZE: "1", REQUEST_QUEUE_TIMEOUT_MS: "30000", REQUEST_TIMEOUT_MS: "30000" });
  bulkheaded = await startWith({ SUBGRAPH_MAX_CONCURRENCY: "1", SUBGRAPH_QUEUE_SIZE: "0", REQUEST_TIMEOUT_MS: "30000" });
  hurried = await startWith({ REQUEST_TIMEOUT_MS: "1500" });
});

afterAll(async () => {
  answerAll();
  await admitting?.stop();
  await bulkheaded?.stop();
  await hurried?.stop();
  await slowpoke?.close();
  await quick?.close();
  await sleepers?.close();
  await database?.drop();
});

afterEach(() => answerAll());

type Answer = {
  status: number;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
};

async function ask(gateway: RunningGateway, query: string, signal?: AbortSignal): Promise<Answer> {
  const response = await fetch(new URL("/graphql", gateway.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
    signal,
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Answer["body"] };
}

describe("admission control at the gateway", () => {
  it("answers clients beyond its limit and queue with 503 at once, while the accepted ones succeed", async () => {
    const answers: Answer[] = [];
    const requests = Array.from({ length: 6 }, () => ask(admitting, "{ slowpokeAnswer }").then((answer) => (answers.push(answer), answer)));
    // Two are at the slow subgraph, one waits in line: the other three are refused while those are still held.
    await pollUntil(
      async () => answers.length,
      (n) => n >= 3,
    );
    expect(
      await pollUntil(
        async () => held.length,
        (n) => n === 2,
      ),
    ).toBe(2);
    expect(answers).toHaveLength(3);
    for (const refused of answers) {
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).toBe("1");
      expect(refused.body.errors?.[0].extensions?.code).toBe("OVERLOADED");
    }
    // Let the slow subgraph answer everything, the queued request included once it gets there.
    const done = Promise.all(requests);
    while (answers.length < 6) {
      answerAll();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const all = await done;
    const accepted = all.filter((answer) => answer.status !== 503);
    expect(accepted).toHaveLength(3);
    for (const answer of accepted) expect(answer).toMatchObject({ status: 200, body: { data: { slowpokeAnswer: "at last" } } });
  });

  it("tells each subgraph how long the request has left", async () => {
    const request = ask(admitting, "{ slowpokeAnswer }");
    await pollUntil(
      async () => held.length,
      (n) => n === 1,
    );
    const left = Number(held[0].headers[DEADLINE_HEADER]);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(30_000);
    answerAll();
    expect((await request).body).toEqual({ data: { slowpokeAnswer: "at last" } });
  });
});

describe("cancellation through the gateway", () => {
  it("aborts the subgraph call when the client goes away", async () => {
    const controller = new AbortController();
    const request = ask(admitting, "{ slowpokeAnswer }", controller.signal).catch((error: Error) => error);
    await pollUntil(
      async () => held.length,
      (n) => n === 1,
    );
    const call = held[0];
    controller.abort();
    expect(await request).toMatchObject({ name: "AbortError" });
    // The gateway hung up on the slow subgraph before it answered.
    expect(
      await pollUntil(
        async () => call.closedEarly,
        (closed) => closed,
      ),
    ).toBe(true);
  });

  it("aborts the subgraph call when the request's deadline passes, and answers without that subgraph's fields", async () => {
    const answer = await ask(hurried, "{ slowpokeAnswer quickAnswer }");
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ slowpokeAnswer: null, quickAnswer: "right away" });
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", subgraph: "slowpoke" }) }),
    ]);
    expect(held).toHaveLength(1);
    expect(
      await pollUntil(
        async () => held[0].closedEarly,
        (closed) => closed,
      ),
    ).toBe(true);
  });

  it("cancels the running PostgreSQL statement of a subgraph built with the kit when the client goes away", async () => {
    const nap = randomBytes(6).toString("hex");
    const controller = new AbortController();
    const request = ask(admitting, `{ sleepersNap(tag: "${nap}") }`, controller.signal).catch((error: Error) => error);
    expect(await waitForNaps(database.url, nap, 1)).toBe(1);
    controller.abort();
    expect(await request).toMatchObject({ name: "AbortError" });
    // Long before the nap's 30 s, and with no statement timeout that could end it.
    expect(await waitForNaps(database.url, nap, 0, 10_000)).toBe(0);
  });
});

describe("a bulkhead per subgraph", () => {
  it("fails a full subgraph's fields at once and serves the rest of the answer", async () => {
    const first = ask(bulkheaded, "{ slowpokeAnswer }");
    await pollUntil(
      async () => held.length,
      (n) => n === 1,
    );
    const second = await ask(bulkheaded, "{ slowpokeAnswer quickAnswer }");
    // Answered while the slow subgraph still holds the first call: the second did not wait for it.
    expect(held).toHaveLength(1);
    expect(second.status).toBe(200);
    expect(second.body.data).toEqual({ slowpokeAnswer: null, quickAnswer: "right away" });
    expect(second.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", subgraph: "slowpoke" }) }),
    ]);
    answerAll();
    expect((await first).body).toEqual({ data: { slowpokeAnswer: "at last" } });
  });
});
