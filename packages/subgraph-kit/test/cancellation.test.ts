import { randomBytes } from "node:crypto";
import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  dataSourceInScope,
  DEADLINE_HEADER,
  outgoingCallBudget,
  readDeadlineHeader,
  RequestAbandonedError,
  requestCancellation,
  requestScopeOf,
  type RequestScope,
} from "@agora-hub/runtime";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";
import { pollUntil } from "../src/testing/poll";
import { startSleepersSubgraph, waitForNaps } from "../../../testing/sleepy-subgraph";

let database: TestDatabase;
let sleepers: Awaited<ReturnType<typeof startSleepersSubgraph>>;

beforeAll(async () => {
  database = await createTestDatabase();
  // One connection: a cancelled statement must give it back, or the next request could not run at all.
  sleepers = await startSleepersSubgraph(database.url, 1);
});

afterAll(async () => {
  await sleepers?.close();
  await database?.drop();
});

const tag = () => randomBytes(6).toString("hex");

function ask(query: string, options: { headers?: Record<string, string>; signal?: AbortSignal } = {}) {
  return fetch(sleepers.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify({ query }),
    signal: options.signal,
  });
}

describe("cancellation of an abandoned request's statements", () => {
  it("cancels the running statement when the client hangs up", async () => {
    const nap = tag();
    const controller = new AbortController();
    const request = ask(`{ sleepersNap(tag: "${nap}") }`, { signal: controller.signal }).catch((error: Error) => error);
    expect(await waitForNaps(database.url, nap, 1)).toBe(1);
    controller.abort();
    expect(await request).toMatchObject({ name: "AbortError" });
    // Gone well before its 30 s (and before any statement timeout, which is 120 s here).
    expect(await waitForNaps(database.url, nap, 0, 10_000)).toBe(0);
  });

  it("cancels the running statement when the gateway's deadline passes, and answers", async () => {
    const nap = tag();
    const started = Date.now();
    const answer = ask(`{ sleepersNap(tag: "${nap}") }`, { headers: { [DEADLINE_HEADER]: "2000" } }).then(
      async (response) => (await response.json()) as { data?: unknown; errors?: unknown[] },
    );
    expect(await waitForNaps(database.url, nap, 1)).toBe(1);
    const body = await answer;
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(await waitForNaps(database.url, nap, 0, 10_000)).toBe(0);
  });

  it("gives the connection back, so the next request is served", async () => {
    const response = await ask("{ sleepersAwake }");
    expect(await response.json()).toEqual({ data: { sleepersAwake: 1 } });
  });

  it("leaves a request that is neither abandoned nor late alone", async () => {
    const response = await ask("{ sleepersAwake }", { headers: { [DEADLINE_HEADER]: "30000" } });
    expect(await response.json()).toEqual({ data: { sleepersAwake: 1 } });
  });

  it("refuses every way a request's view of the DataSource reaches the database once the request is abandoned", async () => {
    const abandoned = dataSourceInScope(sleepers.dataSource, { signal: AbortSignal.abort(new RequestAbandonedError("test")) });
    const refused = expect.objectContaining({ name: "RequestAbandonedError", reason: "test" });
    await expect(abandoned.query("SELECT 1")).rejects.toEqual(refused);
    await expect(abandoned.manager.query("SELECT 1")).rejects.toEqual(refused);
    await expect(abandoned.createQueryBuilder().select("1", "one").from("pg_catalog.pg_class", "c").limit(1).getRawOne()).rejects.toEqual(refused);
    await expect(abandoned.transaction((manager) => manager.query("SELECT 1"))).rejects.toEqual(refused);
    // The DataSource itself, and a view of a live request, are left alone.
    expect(await sleepers.dataSource.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    const live = dataSourceInScope(sleepers.dataSource, { signal: new AbortController().signal });
    expect(await live.transaction((manager) => manager.query("SELECT 1 AS one"))).toEqual([{ one: 1 }]);
  });
});

describe("the deadline header", () => {
  it.each([
    ["250", 250],
    [" 1000 ", 1000],
    ["99999999", 600_000],
  ])("reads %j as %d ms", (value, expected) => {
    expect(readDeadlineHeader(value)).toBe(expected);
  });

  it.each([[undefined], [""], ["-5"], ["soon"], ["1e3"]])("ignores %j", (value) => {
    expect(readDeadlineHeader(value)).toBeUndefined();
  });
});

describe("calls a request makes to other subgraphs", () => {
  /** Serves `handler` behind the kit's request cancellation on a free port; a client's AbortController ends it. */
  async function serve(handler: (scope: RequestScope, respond: (body: unknown) => void) => void) {
    const app = express();
    app.use(requestCancellation());
    app.get("/", (_req, res) => handler(requestScopeOf(res)!, (body) => res.json(body)));
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it("pass on the time the request has left, never more than their own timeout", async () => {
    const served = await serve((scope, respond) => respond(outgoingCallBudget(5_000, scope).headers));
    try {
      const left = (await (await fetch(served.url, { headers: { [DEADLINE_HEADER]: "800" } })).json()) as Record<string, string>;
      expect(Number(left[DEADLINE_HEADER])).toBeGreaterThan(0);
      expect(Number(left[DEADLINE_HEADER])).toBeLessThanOrEqual(800);
      const without = (await (await fetch(served.url)).json()) as Record<string, string>;
      expect(without[DEADLINE_HEADER]).toBe("5000");
    } finally {
      await served.close();
    }
  });

  it("are aborted when the request's caller goes away", async () => {
    let signal: AbortSignal | undefined;
    const served = await serve((scope) => {
      signal = outgoingCallBudget(60_000, scope).signal;
    });
    try {
      const client = new AbortController();
      const request = fetch(served.url, { signal: client.signal }).catch(() => undefined);
      await pollUntil(
        async () => signal !== undefined,
        (served) => served,
        5_000,
      );
      expect(signal!.aborted).toBe(false);
      client.abort();
      await request;
      await pollUntil(
        async () => signal!.aborted,
        (aborted) => aborted,
        5_000,
      );
      expect(signal!.reason).toBeInstanceOf(RequestAbandonedError);
    } finally {
      await served.close();
    }
  });

  it("outside a request, only time out", () => {
    const budget = outgoingCallBudget(1_000);
    expect(budget.headers[DEADLINE_HEADER]).toBe("1000");
    expect(budget.signal.aborted).toBe(false);
  });
});
