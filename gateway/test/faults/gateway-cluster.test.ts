import { Agent, request } from "node:http";
import type { StartedSubgraph } from "@agora-hub/subgraph-kit";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { startExamplePartner } from "../../../subgraphs/partners/creative-tracks/testing/start-example-partner";
import { expectGracefulDrain } from "./graceful-drain";
import { type ProcessHub, startProcessHub } from "./process-hub";

const WORKERS = 2;
const PARTNER_QUERY = "{ creativeTracksLabs(first: 1) { totalCount } }";

let hub: ProcessHub;
let partner: StartedSubgraph;

beforeAll(async () => {
  hub = await startProcessHub({ gatewayWorkers: WORKERS, intercept: ["events"] });
  // As a partner runs it: verifying the hub's tokens with the gateway's JWKS (served by whichever worker it reaches).
  partner = await startExamplePartner({ databaseUrl: hub.databaseUrl, gatewayUrl: hub.gatewayUrl, seed: DEMO_SIZES });
}, 240_000);

afterAll(async () => {
  await partner?.stop();
  await hub?.close();
});

/** One HTTP exchange on `agent`: status and parsed JSON body. */
function exchange(agent: Agent, method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, hub.gatewayUrl),
      { method, agent, headers: payload ? { "content-type": "application/json" } : {}, timeout: 10_000 },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", reject);
    req.end(payload);
  });
}

/**
 * A GraphQL request on a connection of its own, and the pid of the worker that answered it: /health before
 * and after on the same keep-alive connection (a worker owns a connection for its life). Null when the
 * connection changed worker in between, or never reached one.
 */
async function askOneWorker(query: string): Promise<{ pid: number; status: number; body: any } | null> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // A connection handed to a worker as it died fails here, before the request: that is no lost request.
    const before = await exchange(agent, "GET", "/health").catch(() => null);
    if (!before) return null;
    const answer = await exchange(agent, "POST", "/graphql", { query });
    const after = await exchange(agent, "GET", "/health");
    return before.body.pid === after.body.pid ? { pid: before.body.pid as number, ...answer } : null;
  } finally {
    agent.destroy();
  }
}

/** The worker pids seen on fresh connections until `enough` holds; fails after `timeoutMs`. */
async function workerPids(enough: (pids: Set<number>) => boolean, timeoutMs = 30_000): Promise<Set<number>> {
  const pids = new Set<number>();
  const deadline = Date.now() + timeoutMs;
  while (!enough(pids)) {
    if (Date.now() > deadline) throw new Error(`saw worker pids ${[...pids].join(", ")} only`);
    const agent = new Agent({ keepAlive: false });
    try {
      pids.add((await exchange(agent, "GET", "/health")).body.pid as number);
    } catch {
      // a connection handed to a worker as it died: try again
    } finally {
      agent.destroy();
    }
  }
  return pids;
}

async function admin(path: string, method: "POST" | "DELETE", token: string, body?: unknown): Promise<any> {
  const response = await fetch(new URL(`/admin${path}`, hub.gatewayUrl), {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} /admin${path}: HTTP ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

describe(`the gateway with GATEWAY_WORKERS=${WORKERS}`, () => {
  it("answers from every worker, each a process of its own", async () => {
    const pids = await workerPids((seen) => seen.size >= WORKERS);
    expect(pids.size).toBe(WORKERS);
    for (const pid of pids) expect(pid).not.toBe(process.pid);
  }, 60_000);

  it("serves a partner published through the admin API from every worker within the poll interval", async () => {
    const { apiKey } = await admin("/networks", "POST", hub.adminToken, { slug: "creative-tracks", name: "Creative Tracks" });
    const published = await admin("/subgraphs/publish", "POST", apiKey as string, { name: "creative-tracks", url: partner.url });
    expect(published).toMatchObject({ ok: true });

    const served = new Set<number>();
    const deadline = Date.now() + 30_000;
    while (served.size < WORKERS) {
      if (Date.now() > deadline) throw new Error(`the partner was served by workers ${[...served].join(", ")} only`);
      const answer = await askOneWorker(PARTNER_QUERY);
      if (answer && answer.status === 200 && !answer.body.errors && answer.body.data?.creativeTracksLabs?.totalCount > 0) served.add(answer.pid);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(served.size).toBe(WORKERS);
  }, 60_000);

  it("counts every worker's requests in a /metrics scrape, whichever worker it reaches", async () => {
    const scrape = async (): Promise<number> => {
      // A connection of its own each time, so successive scrapes land on either worker.
      const response = await fetch(new URL("/metrics", hub.gatewayUrl), { headers: { connection: "close" } });
      expect(response.status).toBe(200);
      const text = await response.text();
      return text
        .split("\n")
        .filter((line) => line.startsWith("agora_graphql_requests_total{"))
        .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
    };
    const before = await scrape();
    // Requests until both workers have answered some: a scrape of one worker alone would miss the other's.
    const answeredBy = new Set<number>();
    let sent = 0;
    const deadline = Date.now() + 30_000;
    while (answeredBy.size < WORKERS || sent < 10) {
      if (Date.now() > deadline) throw new Error(`requests reached workers ${[...answeredBy].join(", ")} only`);
      const answer = await askOneWorker("{ people(first: 1) { totalCount } }");
      if (!answer) continue;
      expect(answer.status).toBe(200);
      answeredBy.add(answer.pid);
      sent += 1;
    }
    for (let scrapeNumber = 0; scrapeNumber < 4; scrapeNumber++) expect((await scrape()) - before).toBeGreaterThanOrEqual(sent);
  }, 60_000);

  it("replaces a killed worker, and requests keep succeeding", async () => {
    const before = await workerPids((seen) => seen.size >= WORKERS);
    const [victim] = [...before];
    process.kill(victim, "SIGKILL");

    // Every request sent (on a new connection, as a client reconnects) while the worker is replaced is answered,
    // by the surviving worker or the new one.
    const replaced = new Set<number>();
    const deadline = Date.now() + 30_000;
    while (replaced.size < WORKERS) {
      if (Date.now() > deadline) throw new Error(`no replacement worker seen: ${[...replaced].join(", ")}`);
      const answer = await askOneWorker("{ people(first: 1) { totalCount } }");
      if (!answer) continue;
      expect(answer).toMatchObject({ status: 200, body: { data: { people: { totalCount: expect.any(Number) } } } });
      if (answer.pid !== victim) replaced.add(answer.pid);
    }
    expect(replaced.has(victim)).toBe(false);
    expect(hub.logs("gateway")).toMatch(/a gateway worker died; replacing it/);
    expect(hub.running("gateway")).toBe(true);
  }, 60_000);

  it("drains every worker on SIGTERM: requests in flight finish with 200, /ready 503, the primary exits 0 within the bound", async () => {
    await expectGracefulDrain(hub, "gateway");
  }, 60_000);
});
