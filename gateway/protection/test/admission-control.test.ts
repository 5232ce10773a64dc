import express from "express";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdmissionControl, readOverloadConfig, RequestAbandonedError, requestBudgetOf, type RequestBudget } from "../admission-control";
import { ConcurrencyLimiter, LimiterRejectedError } from "../concurrency-limiter";

/** Polls `condition` until it holds or `timeoutMs` passes. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What `promise` has settled to once pending callbacks have run: "pending" when it has not yet. */
async function state<T>(promise: Promise<T>): Promise<"pending" | "fulfilled" | "rejected"> {
  let settled: "pending" | "fulfilled" | "rejected" = "pending";
  promise.then(
    () => (settled = "fulfilled"),
    () => (settled = "rejected"),
  );
  // A macrotask runs only after every queued promise callback.
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

async function rejection(promise: Promise<unknown>): Promise<LimiterRejectedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LimiterRejectedError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("ConcurrencyLimiter", () => {
  it("grants up to the limit at once, queues up to the queue size and refuses the rest at once", async () => {
    const limiter = new ConcurrencyLimiter({ limit: 2, queueSize: 1 });
    const first = limiter.acquire();
    const second = limiter.acquire();
    const queued = limiter.acquire();
    expect(await state(first)).toBe("fulfilled");
    expect(await state(second)).toBe("fulfilled");
    expect(await state(queued)).toBe("pending");
    expect((await rejection(limiter.acquire())).reason).toBe("queue-full");
    expect({ running: limiter.running, queued: limiter.queued }).toEqual({ running: 2, queued: 1 });
  });

  it("hands a released slot to the longest waiter, in order", async () => {
    const limiter = new ConcurrencyLimiter({ limit: 1, queueSize: 3 });
    const holder = await limiter.acquire();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => limiter.acquire().then((release) => (order.push(n), release)));
    holder();
    const releaseOne = await waiters[0];
    expect(order).toEqual([1]);
    releaseOne();
    (await waiters[1])();
    (await waiters[2])();
    expect(order).toEqual([1, 2, 3]);
    expect({ running: limiter.running, queued: limiter.queued }).toEqual({ running: 0, queued: 0 });
  });

  it("frees one slot however often a release is called", async () => {
    const limiter = new ConcurrencyLimiter({ limit: 1, queueSize: 2 });
    const release = await limiter.acquire();
    const a = limiter.acquire();
    const b = limiter.acquire();
    release();
    release();
    expect(await state(a)).toBe("fulfilled");
    expect(await state(b)).toBe("pending");
    expect(limiter.running).toBe(1);
  });

  it("refuses a waiter after its longest wait, and one whose signal aborts, and forgets both", async () => {
    const limiter = new ConcurrencyLimiter({ limit: 1, queueSize: 5 });
    const holder = await limiter.acquire();
    const timedOut = limiter.acquire({ maxWaitMs: 20 });
    const controller = new AbortController();
    const aborted = limiter.acquire({ signal: controller.signal });
    controller.abort();
    expect((await rejection(aborted)).reason).toBe("aborted");
    expect((await rejection(timedOut)).reason).toBe("timed-out");
    expect(limiter.queued).toBe(0);
    holder();
    expect(limiter.running).toBe(0);
  });

  it("refuses at once a caller who would, by the average hold time, wait longer than it may", async () => {
    const limiter = new ConcurrencyLimiter({ limit: 1, queueSize: 5 });
    const slow = await limiter.acquire();
    // A slot held for at least 200 ms sets the average; a caller allowed 10 ms cannot be served in time.
    await new Promise((resolve) => setTimeout(resolve, 200));
    slow();
    const holder = await limiter.acquire();
    const refused = limiter.acquire({ maxWaitMs: 10 });
    expect(await state(refused)).toBe("rejected");
    expect((await rejection(refused)).reason).toBe("timed-out");
    holder();
  });
});

describe("admission control", () => {
  let server: Server;
  let url: string;
  /** Releases of the requests the handler holds, in arrival order. */
  const held: Array<() => void> = [];
  const budgets: RequestBudget[] = [];
  let admission: ReturnType<typeof createAdmissionControl>;

  beforeAll(async () => {
    admission = createAdmissionControl({ maxConcurrentRequests: 1, requestQueueSize: 1, requestQueueTimeoutMs: 10_000, requestTimeoutMs: 60_000 });
    const app = express();
    app.post("/graphql", admission.middleware, (_req, res) => {
      const budget = requestBudgetOf(res);
      if (budget) budgets.push(budget);
      held.push(() => res.json({ data: { ok: true } }));
    });
    const short = createAdmissionControl({ maxConcurrentRequests: 5, requestQueueSize: 0, requestQueueTimeoutMs: 1000, requestTimeoutMs: 150 });
    app.post("/short", short.middleware, (_req, res) => {
      const budget = requestBudgetOf(res) as RequestBudget;
      budget.signal.addEventListener("abort", () => res.status(504).json({ reason: (budget.signal.reason as RequestAbandonedError).reason }));
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (path = "/graphql", signal?: AbortSignal) =>
    fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}", signal });

  it("answers the excess at once with 503, Retry-After and an OVERLOADED error, and lets the queued one proceed", async () => {
    const first = post();
    await until(() => held.length === 1);
    const queued = post();
    await until(() => admission.limiter.queued === 1);
    const excess = await post();
    // Answered while the first is still held: the refusal did not wait for a slot.
    expect(held.length).toBe(1);
    expect(excess.status).toBe(503);
    expect(excess.headers.get("retry-after")).toBe("1");
    expect(await excess.json()).toEqual({
      errors: [{ message: "The hub is busy: retry in 1 s.", extensions: { code: "OVERLOADED", retryAfterSeconds: 1 } }],
    });
    held[0]();
    expect((await first).status).toBe(200);
    await until(() => held.length === 2);
    held[1]();
    const answer = await queued;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { ok: true } });
  });

  it("aborts an admitted request's budget when its client goes away", async () => {
    const before = budgets.length;
    const controller = new AbortController();
    const request = post("/graphql", controller.signal).catch(() => undefined);
    await until(() => budgets.length === before + 1);
    const budget = budgets[before];
    expect(budget.signal.aborted).toBe(false);
    controller.abort();
    await request;
    await until(() => budget.signal.aborted);
    expect((budget.signal.reason as RequestAbandonedError).reason).toBe("client-gone");
    held[held.length - 1]();
  });

  it("aborts an admitted request's budget when its deadline passes", async () => {
    const answer = await post("/short");
    expect(answer.status).toBe(504);
    expect(await answer.json()).toEqual({ reason: "deadline" });
  });

  it("frees the slot of a finished or abandoned request for the next one", async () => {
    await until(() => admission.limiter.running === 0 && admission.limiter.queued === 0);
    const before = held.length;
    const next = post();
    await until(() => held.length === before + 1);
    held[before]();
    expect((await next).status).toBe(200);
    await until(() => admission.limiter.running === 0);
  });
});

describe("overload settings", () => {
  it("defaults to sizes for a small machine and reads each variable", () => {
    expect(readOverloadConfig({})).toEqual({
      maxConcurrentRequests: 4,
      requestQueueSize: 8,
      requestQueueTimeoutMs: 1000,
      requestTimeoutMs: 10_000,
      subgraphMaxConcurrency: 16,
      subgraphQueueSize: 64,
    });
    expect(readOverloadConfig({ MAX_CONCURRENT_REQUESTS: "50", REQUEST_QUEUE_SIZE: "0", SUBGRAPH_MAX_CONCURRENCY: "4" })).toMatchObject({
      maxConcurrentRequests: 50,
      requestQueueSize: 0,
      subgraphMaxConcurrency: 4,
    });
  });

  it("refuses a limit below one, naming the variable", () => {
    expect(() => readOverloadConfig({ MAX_CONCURRENT_REQUESTS: "0" })).toThrow(/MAX_CONCURRENT_REQUESTS/);
  });
});
