import express from "express";
import { Client } from "pg";
import pino from "pino";
import { Writable } from "node:stream";
import { Query, Resolver, Ctx, Arg, Int } from "type-graphql";
import type { DataSource } from "typeorm";
import { openSubgraphDatabase } from "@agora-hub/runtime";
import { badUserInput } from "../src/input/errors";
import { createErrorFormatter } from "@agora-hub/runtime";
import { BACKGROUND_REQUEST_HEADER, requestLogging } from "@agora-hub/runtime";
import type { SubgraphContext, SubgraphDefinition } from "../src/subgraph";
import { listenSubgraph, type RunningSubgraph } from "../src/server/subgraph-server";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

// A test-only subgraph whose resolvers fail in the ways production ones can.
@Resolver()
class FaultsResolver {
  @Query(() => Int, { description: "Answers from the database." })
  async ping(@Ctx() context: SubgraphContext): Promise<number> {
    const [row] = (await context.dataSource.query("SELECT 1 AS one")) as Array<{ one: number }>;
    return row.one;
  }

  @Query(() => Int, { description: "Fails with an SQL error." })
  async brokenSql(@Ctx() context: SubgraphContext): Promise<number> {
    await context.dataSource.query("SELECT secret_column FROM no_such_table");
    return 0;
  }

  @Query(() => Int, { description: "Runs longer than the statement timeout." })
  async slowSql(@Ctx() context: SubgraphContext): Promise<number> {
    await context.dataSource.query("SELECT pg_sleep(3)");
    return 0;
  }

  @Query(() => Int, { description: "Rejects its input." })
  badInput(): number {
    throw badUserInput({ field: "name", message: "must not be empty" });
  }

  @Query(() => Int, { description: "Takes `ms` milliseconds." })
  async slow(@Arg("ms", () => Int) ms: number): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return ms;
  }
}

const faults: SubgraphDefinition<Record<string, never>> = {
  name: "faults",
  defaultPort: 0,
  resolvers: [FaultsResolver],
  referenceResolvers: {},
  entities: [],
  migrations: [],
  createLoaders: () => ({}),
};

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<{ answer: Answer; text: string }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  const text = await response.text();
  return { answer: JSON.parse(text) as Answer, text };
}

/** The value of the first sample of `name` whose labels include all of `labels`. */
function sample(metrics: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of metrics.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) return Number(line.split(" ").pop());
  }
  return undefined;
}

/** Resolves once `condition` holds, polling; fails after `timeoutMs`. */
async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let database: TestDatabase;
let dataSource: DataSource;
let subgraph: RunningSubgraph;
let admin: Client;
let databaseName: string;

beforeAll(async () => {
  database = await createTestDatabase();
  databaseName = new URL(database.url).pathname.slice(1);
  dataSource = await openSubgraphDatabase({
    url: database.url,
    schema: "faults",
    entities: [],
    migrations: [],
    poolSize: 2,
    statementTimeoutMs: 300,
    connectTimeoutMs: 2000,
  });
  subgraph = await listenSubgraph(faults, dataSource, { port: 0, host: "127.0.0.1" });
  admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
});

afterAll(async () => {
  await admin.query(`ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS true`).catch(() => {});
  await admin.end();
  await subgraph.stop();
  await dataSource.destroy();
  await database.drop();
});

describe("subgraph error masking", () => {
  it("answers an SQL failure with a generic error carrying the request id, and no SQL", async () => {
    const { answer, text } = await post(subgraph.url, "{ brokenSql }", { "x-request-id": "req-sql-1" });
    expect(answer.errors).toEqual([
      { message: "Internal server error", path: ["brokenSql"], extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-sql-1" } },
    ]);
    expect(text).not.toMatch(/no_such_table|secret_column|relation|stacktrace/i);
  });

  it("passes BAD_USER_INPUT messages through", async () => {
    const { answer } = await post(subgraph.url, "{ badInput }");
    expect(answer.errors?.[0]).toMatchObject({ message: "Invalid input: name: must not be empty", extensions: { code: "BAD_USER_INPUT", field: "name" } });
  });

  it("keeps parse and validation messages", async () => {
    expect((await post(subgraph.url, "{ nope }")).answer.errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect((await post(subgraph.url, "{ ping ")).answer.errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_PARSE_FAILED" } });
  });

  it("stops a statement that outlasts the statement timeout and says the database took too long", async () => {
    // Only the statement timeout produces this answer: the statement itself sleeps far longer.
    const { answer } = await post(subgraph.url, "{ slowSql }");
    expect(answer.errors?.[0]).toMatchObject({ message: "The faults database took too long to answer", extensions: { code: "SERVICE_UNAVAILABLE" } });
  });

  it("masks any unknown error in formatError, keeping the path", () => {
    const format = createErrorFormatter();
    expect(
      format({ message: "connect ECONNREFUSED 10.0.0.7:5432", path: ["a"], extensions: { code: "SOMETHING", stacktrace: ["x"] } }, new Error("x")),
    ).toEqual({
      message: "Internal server error",
      path: ["a"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(
      format(
        { message: "The people subgraph is unavailable", extensions: { code: "SUBGRAPH_UNAVAILABLE", stacktrace: ["x"], subgraph: "people" } },
        new Error("x"),
      ),
    ).toEqual({
      message: "The people subgraph is unavailable",
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "people" },
    });
  });
});

describe("subgraph database outage", () => {
  it("answers SERVICE_UNAVAILABLE while the database refuses connections, and recovers when it returns", async () => {
    expect((await post(subgraph.url, "{ ping }")).answer.data).toEqual({ ping: 1 });
    await admin.query(`ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS false`);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [databaseName]);

    const down = await post(subgraph.url, "{ ping }");
    expect(down.answer.errors?.[0]).toMatchObject({ message: "The faults database is unavailable", extensions: { code: "SERVICE_UNAVAILABLE" } });
    expect(down.text).not.toMatch(/127\.0\.0\.1|5432|postgres:|accepting connections/);
    expect((await fetch(new URL("/ready", subgraph.url))).status).toBe(503);

    await admin.query(`ALTER DATABASE "${databaseName}" ALLOW_CONNECTIONS true`);
    expect((await post(subgraph.url, "{ ping }")).answer.data).toEqual({ ping: 1 });
    expect((await fetch(new URL("/ready", subgraph.url))).status).toBe(200);
  });
});

describe("subgraph probes and metrics", () => {
  it("answers /health and /ready", async () => {
    expect(await (await fetch(new URL("/health", subgraph.url))).json()).toEqual({ status: "ok" });
    expect(await (await fetch(new URL("/ready", subgraph.url))).json()).toEqual({ status: "ready" });
  });

  it("refuses a body over 1 MB with 413 and a body that is not JSON with 400, and answers the next request", async () => {
    const large = await fetch(subgraph.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ ping }", padding: "x".repeat(1024 * 1024) }),
    });
    expect(large.status).toBe(413);
    const malformed = await fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query": ' });
    expect(malformed.status).toBe(400);
    const scalar = await fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body: '"{ ping }"' });
    expect(scalar.status).toBe(400);
    expect((await post(subgraph.url, "{ ping }")).answer.data).toEqual({ ping: 1 });
  });

  it("leaves a body in another charset to body-parser, which refuses it with 415", async () => {
    const latin = await fetch(subgraph.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=iso-8859-1" },
      body: JSON.stringify({ query: "{ ping }" }),
    });
    expect(latin.status).toBe(415);
  });

  it("counts requests, errors and latency per operation name at /metrics", async () => {
    const before = await (await fetch(new URL("/metrics", subgraph.url))).text();
    await post(subgraph.url, "query Pinging { ping }");
    await post(subgraph.url, "query Pinging { ping }");
    await post(subgraph.url, "query Broken { brokenSql }");
    const after = await (await fetch(new URL("/metrics", subgraph.url))).text();
    const labels = { service: "faults", operation: "Pinging", outcome: "ok" };
    expect((sample(after, "agora_graphql_requests_total", labels) ?? 0) - (sample(before, "agora_graphql_requests_total", labels) ?? 0)).toBe(2);
    expect(sample(after, "agora_graphql_errors_total", { operation: "Broken", code: "INTERNAL_SERVER_ERROR" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "agora_graphql_request_duration_seconds_count", { operation: "Pinging" })).toBeGreaterThanOrEqual(2);
    expect(after).toContain("agora_process_cpu_user_seconds_total");
  });

  it("requires the metrics token when one is set", async () => {
    const guarded = await listenSubgraph(faults, dataSource, { port: 0, host: "127.0.0.1", metricsToken: "metrics-token-0123456789" });
    try {
      expect((await fetch(new URL("/metrics", guarded.url))).status).toBe(401);
      const allowed = await fetch(new URL("/metrics", guarded.url), { headers: { authorization: "Bearer metrics-token-0123456789" } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain("agora_graphql_requests_total");
    } finally {
      await guarded.stop();
    }
  });
});

describe("subgraph graceful shutdown", () => {
  it("finishes a request in flight, answers new ones and /ready with 503 while it drains, and stops within the bound", async () => {
    const server = await listenSubgraph(faults, dataSource, { port: 0, host: "127.0.0.1" });
    const inFlight = post(server.url, "{ slow(ms: 1500) }");
    await waitUntil(() => server.openRequests() === 1);
    const started = Date.now();
    const stopping = server.stop();
    const refused = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ ping }"}' });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: "SHUTTING_DOWN" } }] });
    expect((await fetch(new URL("/ready", server.url))).status).toBe(503);
    expect((await inFlight).answer.data).toEqual({ slow: 1500 });
    await stopping;
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(fetch(new URL("/health", server.url))).rejects.toThrow();
  });
});

describe("database pool errors", () => {
  it("logs a lost idle connection as one short line carrying the error, not the pg client", async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => void (lines.push(chunk.toString()), done()) });
    const watched = await openSubgraphDatabase({
      url: database.url,
      schema: "faults_pool",
      entities: [],
      migrations: [],
      poolSize: 1,
      log: pino({ level: "warn" }, stream),
    });
    try {
      await watched.query("SELECT 1"); // leaves one idle connection in the pool
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'agora-faults_pool' AND state = 'idle'");
      await waitUntil(() => lines.length > 0);
    } finally {
      await watched.destroy();
    }
    const line = JSON.parse(lines[0]) as { msg: string; schema: string; err: { message: string } };
    expect(line).toMatchObject({ msg: "idle database connection lost", schema: "faults_pool" });
    expect(line.err.message).toMatch(/terminat/i);
    expect(lines[0].length).toBeLessThan(600);
    expect(lines[0]).not.toMatch(/connectionString|_connecting|postgres:\/\//);
  });
});

describe("request logging", () => {
  it("writes one JSON line per request with the request id, operation and status, and never the Authorization header", async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => void (lines.push(chunk.toString()), done()) });
    const app = express();
    app.use(requestLogging(pino({ level: "info" }, stream)));
    app.post("/graphql", express.json(), (_req, res) => void res.json({ data: {} }));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/graphql?token=abc`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer very-secret-token", "x-request-id": "req-log-1" },
        body: JSON.stringify({ query: "query Named { a }", operationName: "Named" }),
      });
      expect(response.headers.get("x-request-id")).toBe("req-log-1");
      await fetch(`http://127.0.0.1:${port}/health`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(lines).toHaveLength(1); // the /health probe is at debug
    expect(lines[0].match(/"requestId"/g)).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ requestId: "req-log-1", operationName: "Named", req: { method: "POST", path: "/graphql" }, res: { status: 200 } });
    expect(line.msg).toBe("request completed");
    expect(typeof line.responseTime).toBe("number");
    expect(lines[0]).not.toMatch(/very-secret-token|authorization|abc/i);
  });

  it("logs polling at debug (probes, and background requests where their mark is trusted) and client requests at info", async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => void (lines.push(chunk.toString()), done()) });
    const serve = async (trustBackgroundHeader: boolean, send: (base: string) => Promise<void>) => {
      const app = express();
      app.use(requestLogging(pino({ level: "debug" }, stream), { trustBackgroundHeader }));
      app.use((_req, res) => void res.json({ data: {} }));
      const server = app.listen(0, "127.0.0.1");
      await new Promise((resolve) => server.once("listening", resolve));
      try {
        await send(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    };
    const poll = (base: string) =>
      fetch(`${base}/graphql`, { method: "POST", headers: { [BACKGROUND_REQUEST_HEADER]: "erasure-follower", "x-request-id": "poll" } });
    const client = (base: string) => fetch(`${base}/graphql`, { method: "POST", headers: { "x-request-id": "client" } });
    const probe = (base: string) => fetch(`${base}/ready`, { headers: { "x-request-id": "probe" } });
    await serve(true, async (base) => {
      await poll(base);
      await client(base);
      await probe(base);
    });
    // Where clients can reach the server directly (the gateway), the mark is ignored: a client cannot hide its requests.
    await serve(false, async (base) => {
      await poll(base);
    });
    const levels = lines.map((line) => JSON.parse(line) as { requestId: string; level: number }).map(({ requestId, level }) => [requestId, level]);
    expect(levels).toEqual([
      ["poll", 20],
      ["client", 30],
      ["probe", 20],
      ["poll", 30],
    ]);
  });
});
