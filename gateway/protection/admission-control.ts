import type { RequestHandler, Response } from "express";
import { z } from "zod";
import { readEnv } from "@agora-hub/runtime";
import { ConcurrencyLimiter, LimiterRejectedError } from "./concurrency-limiter";
import { sendRefusal } from "./protection-errors";

/** How much work the gateway takes on at once, and how long a request may take. */
export interface OverloadConfig {
  /** Client requests served at once (MAX_CONCURRENT_REQUESTS). */
  maxConcurrentRequests: number;
  /** Requests waiting for a slot; more are answered 503 at once (REQUEST_QUEUE_SIZE). */
  requestQueueSize: number;
  /** Longest wait in that line before a 503 (REQUEST_QUEUE_TIMEOUT_MS). */
  requestQueueTimeoutMs: number;
  /** Deadline of a whole client request, subgraph calls included; they are aborted when it passes (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Calls in flight to any one subgraph (SUBGRAPH_MAX_CONCURRENCY). */
  subgraphMaxConcurrency: number;
  /** Calls waiting for one subgraph; more fail at once with SUBGRAPH_UNAVAILABLE (SUBGRAPH_QUEUE_SIZE). */
  subgraphQueueSize: number;
}

const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** Reads the overload settings; a bad value stops the process with a clear message. */
export function readOverloadConfig(env: NodeJS.ProcessEnv = process.env): OverloadConfig {
  // Sized for a 2-core machine running the whole hub: bench:overload finds it saturated at 2-4 requests at once,
  // past which more only add latency (and event-loop delay, which every answer, a 503 too, waits for).
  const values = readEnv(
    {
      MAX_CONCURRENT_REQUESTS: count(4, 10_000),
      REQUEST_QUEUE_SIZE: z.coerce.number().int().min(0).max(100_000).default(8),
      REQUEST_QUEUE_TIMEOUT_MS: count(1000, 60_000),
      REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
      SUBGRAPH_MAX_CONCURRENCY: count(16, 10_000),
      SUBGRAPH_QUEUE_SIZE: z.coerce.number().int().min(0).max(100_000).default(64),
    },
    env,
  );
  return {
    maxConcurrentRequests: values.MAX_CONCURRENT_REQUESTS,
    requestQueueSize: values.REQUEST_QUEUE_SIZE,
    requestQueueTimeoutMs: values.REQUEST_QUEUE_TIMEOUT_MS,
    requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
    subgraphMaxConcurrency: values.SUBGRAPH_MAX_CONCURRENCY,
    subgraphQueueSize: values.SUBGRAPH_QUEUE_SIZE,
  };
}

/** What an admitted request may still spend: aborted when the client goes away or its deadline passes. */
export interface RequestBudget {
  signal: AbortSignal;
  /** Epoch milliseconds after which its work is abandoned. */
  deadline: number;
}

/** Seconds a refused client is told to wait. */
const RETRY_AFTER_SECONDS = 1;
const BUDGET = Symbol("agora.requestBudget");

type BudgetLocals = { [BUDGET]?: RequestBudget };

/** The budget admission control gave this request, if it went through it. */
export function requestBudgetOf(res: Response): RequestBudget | undefined {
  return (res.locals as BudgetLocals)[BUDGET];
}

/** Why a request's work was abandoned (the AbortSignal's reason). */
export class RequestAbandonedError extends Error {
  constructor(readonly reason: "client-gone" | "deadline") {
    super(reason === "client-gone" ? "the client went away" : "the request deadline passed");
    this.name = "RequestAbandonedError";
  }
}

/** Admission control for the gateway's request routes, and the limiter behind it. */
export interface AdmissionControl {
  middleware: RequestHandler;
  limiter: ConcurrencyLimiter;
}

/**
 * At most `maxConcurrentRequests` requests are served at once and `requestQueueSize` wait in line; the rest
 * are answered at once with 503, `Retry-After` and an `OVERLOADED` GraphQL error, and so is a request that
 * waited `requestQueueTimeoutMs`. Each admitted request gets a {@link RequestBudget} whose signal aborts when
 * its client disconnects or `requestTimeoutMs` passes, so the work done for it (subgraph calls) stops too.
 */
export function createAdmissionControl(
  config: Pick<OverloadConfig, "maxConcurrentRequests" | "requestQueueSize" | "requestQueueTimeoutMs" | "requestTimeoutMs">,
): AdmissionControl {
  const limiter = new ConcurrencyLimiter({ limit: config.maxConcurrentRequests, queueSize: config.requestQueueSize });
  const middleware: RequestHandler = (_req, res, next) => {
    const controller = new AbortController();
    const deadline = Date.now() + config.requestTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    let release: (() => void) | undefined;
    // 'close' comes both after the answer is sent and when the client hangs up first; only the latter aborts.
    res.once("close", () => {
      if (!res.writableFinished) controller.abort(new RequestAbandonedError("client-gone"));
      if (timer) clearTimeout(timer);
      release?.();
    });
    limiter.acquire({ signal: controller.signal, maxWaitMs: Math.min(config.requestQueueTimeoutMs, config.requestTimeoutMs) }).then(
      (granted) => {
        release = granted;
        if (controller.signal.aborted || res.writableEnded) return granted();
        timer = setTimeout(() => controller.abort(new RequestAbandonedError("deadline")), Math.max(0, deadline - Date.now()));
        (res.locals as BudgetLocals)[BUDGET] = { signal: controller.signal, deadline };
        next();
      },
      (error: unknown) => {
        // A client that left while waiting needs no answer.
        if (error instanceof LimiterRejectedError && error.reason === "aborted") return;
        res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
        sendRefusal(res, 503, "OVERLOADED", `The hub is busy: retry in ${RETRY_AFTER_SECONDS} s.`, { retryAfterSeconds: RETRY_AFTER_SECONDS });
      },
    );
  };
  return { middleware, limiter };
}
