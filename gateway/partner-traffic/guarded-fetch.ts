import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { isIP } from "node:net";
import { STATUS_CODES } from "node:http";
import { Agent, type Dispatcher, request } from "undici";
import { ANONYMOUS, DEADLINE_HEADER, type Viewer } from "@agora-hub/runtime";
import { ConcurrencyLimiter, LimiterRejectedError } from "../protection/concurrency-limiter";
import {
  addressRefusal,
  ADDRESS_REFUSED,
  classifyAddress,
  describeAddressCategory,
  guardedLookup,
  isAddressAllowed,
  type AddressPolicyOptions,
} from "@agora-hub/runtime";

/** A fetch for RemoteGraphQLDataSource's `fetcher` option, with `close()` to release its connection pool. */
export type SubgraphFetcher = RemoteGraphQLDataSource["fetcher"] & { close: () => Promise<void> };

/** Limits for every request to a subgraph. */
export interface SubgraphFetchOptions {
  /** Whole request, from connecting to the last byte of the body. */
  timeoutMs: number;
  /** Largest (decoded) response body; larger ones are cut off. */
  maxResponseBytes?: number;
}

/** Limits for partner traffic: every address, resolved or literal, must pass the address policy. */
export interface GuardedFetchOptions extends SubgraphFetchOptions, AddressPolicyOptions {
  maxResponseBytes: number;
}

// Marks the errors this module raises on purpose, so their message survives undici's "fetch failed" wrapping.
const REFUSED = ADDRESS_REFUSED;

const refusal = addressRefusal;

/**
 * The fetcher for partner subgraphs: undici's fetch on its own Agent that checks every address a host name
 * resolves to at connect time (so DNS rebinding gains nothing) and IP-literal hosts before connecting, never
 * follows redirects, gives up after `timeoutMs`, and cuts off bodies larger than `maxResponseBytes`.
 * It throws plain Errors with short messages, meant for logs rather than clients.
 */
export function createGuardedFetcher(options: GuardedFetchOptions): SubgraphFetcher {
  return createFetcher(options, { allowPrivate: options.allowPrivate });
}

/**
 * The fetcher for the hub's own subgraphs, whose routing URLs come from the operator and may be on a private
 * network: the same timeout, redirect refusal and optional size cap, without the address policy.
 */
export function createCoreFetcher(options: SubgraphFetchOptions): SubgraphFetcher {
  return createFetcher(options, null);
}

function createFetcher(options: SubgraphFetchOptions, policy: AddressPolicyOptions | null): SubgraphFetcher {
  const { timeoutMs, maxResponseBytes } = options;
  const agent = new Agent({
    connect: { timeout: timeoutMs, ...(policy ? { lookup: guardedLookup(policy) } : {}) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  // undici's request() rather than its fetch(): the same connection pool without WHATWG streams and Response
  // objects, whose cost showed in the gateway's profile on every subgraph call; it never follows redirects.
  const fetcher: RemoteGraphQLDataSource["fetcher"] = async (url, init = {}) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new Error("subgraph URL is not a valid URL");
    }
    if (target.protocol !== "http:" && target.protocol !== "https:") throw new Error("subgraph URL must use http or https");
    // Node never calls the lookup hook for IP-literal hosts, so those are checked here.
    const literal = target.hostname.startsWith("[") ? target.hostname.slice(1, -1) : target.hostname;
    if (policy && isIP(literal) && !isAddressAllowed(literal, policy)) {
      throw new Error(`blocked address ${literal} (${describeAddressCategory(classifyAddress(literal))})`);
    }

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = isAbortSignal(init.signal) ? AbortSignal.any([timeout, init.signal]) : timeout;
    try {
      const response = await request(target, {
        method: (init.method ?? "GET") as Dispatcher.HttpMethod,
        headers: init.headers as Record<string, string> | undefined,
        body: init.body as string | Buffer | undefined,
        signal,
        dispatcher: agent,
      });
      if (response.statusCode >= 300 && response.statusCode < 400) {
        discard(response);
        throw refusal("subgraph redirect refused");
      }
      const body = await readBody(response, maxResponseBytes);
      return new BufferedResponse(response.statusCode, response.headers, NULL_BODY_STATUS.has(response.statusCode) ? EMPTY : body, target.href);
    } catch (error) {
      if (timeout.aborted) throw new Error(`subgraph timed out after ${timeoutMs} ms`, { cause: error });
      if (isAbortSignal(init.signal) && init.signal.aborted) throw new Error(`subgraph request abandoned: ${abortReason(init.signal)}`, { cause: error });
      throw plainError(error);
    }
  };
  return Object.assign(fetcher, { close: () => agent.close() });
}

const EMPTY = Buffer.alloc(0);

type FetcherResponse = Awaited<ReturnType<RemoteGraphQLDataSource["fetcher"]>>;

/**
 * A subgraph's answer read whole into memory, with the part of the Fetch API's Response that the gateway and
 * the registry use (status, headers, text, json).
 */
class BufferedResponse implements FetcherResponse {
  readonly ok: boolean;
  readonly statusText: string;
  readonly redirected = false;
  readonly headers: Headers;
  private used = false;

  constructor(
    readonly status: number,
    rawHeaders: Record<string, string | string[] | undefined>,
    private readonly body: Buffer,
    readonly url: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? "";
    this.headers = new Headers();
    for (const [name, value] of Object.entries(rawHeaders)) {
      if (Array.isArray(value)) for (const item of value) this.headers.append(name, item);
      else if (value !== undefined) this.headers.set(name, value);
    }
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  async text(): Promise<string> {
    this.used = true;
    return this.body.toString("utf8");
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    this.used = true;
    return this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer;
  }

  clone(): BufferedResponse {
    return new BufferedResponse(this.status, Object.fromEntries(this.headers), this.body, this.url);
  }
}

/** The client request a subgraph call serves: what it may still spend, and who is asking. */
export interface CallScope {
  budget?: FetchBudget;
  viewer: Viewer;
  /** The client's pseudonym, signed into core subgraphs' tokens only. */
  client?: string;
}

type FetchInit = NonNullable<Parameters<RemoteGraphQLDataSource["fetcher"]>[1]>;
const SCOPE = Symbol("agora.callScope");

/** `init` carrying `scope` to the fetchers below it (never sent: the transport passes on only what it knows). */
export function withCallScope(init: FetchInit, scope: CallScope): FetchInit {
  return Object.assign(init, { [SCOPE]: scope });
}

/** The scope a call's options carry; an anonymous call without a budget when none was given. */
export function callScope(init: FetchInit | undefined): CallScope {
  return (init as { [SCOPE]?: CallScope } | undefined)?.[SCOPE] ?? { viewer: ANONYMOUS };
}

/** What a subgraph call may still spend, from the client request it serves. */
export interface FetchBudget {
  /** Aborts when the client goes away or the request's deadline passes. */
  signal?: AbortSignal;
  /** Epoch milliseconds; the subgraph is told what is left of it in `x-agora-deadline`. */
  deadline?: number;
}

/** Bounds for the calls to one subgraph. */
export interface SubgraphLimitOptions {
  /** Calls in flight at once. */
  maxConcurrent: number;
  /** Calls waiting for a free place; past that a call fails at once. */
  queueSize: number;
  /** Longest wait for a place (also bounded by the request's deadline). */
  maxWaitMs: number;
}

/**
 * Bulkhead for one subgraph: at most `maxConcurrent` calls in flight and `queueSize` waiting, so a slow subgraph
 * holds a bounded share of the gateway's sockets and its callers fail fast instead of piling up. Each call
 * carries the request's abort signal and tells the subgraph the milliseconds left before the deadline.
 */
export function limitSubgraphCalls(inner: SubgraphFetcher, options: SubgraphLimitOptions): SubgraphFetcher & { limiter: ConcurrencyLimiter } {
  const limiter = new ConcurrencyLimiter({ limit: options.maxConcurrent, queueSize: options.queueSize });
  const fetcher: RemoteGraphQLDataSource["fetcher"] = async (url, init = {}) => {
    const budget = callScope(init).budget;
    const remaining = () => (budget?.deadline === undefined ? Infinity : budget.deadline - Date.now());
    if (budget?.signal?.aborted) throw new Error(`subgraph call abandoned: ${abortReason(budget.signal)}`);
    if (remaining() <= 0) throw new Error("subgraph call abandoned: the request deadline passed");
    let release: () => void;
    try {
      release = await limiter.acquire({ signal: budget?.signal, maxWaitMs: Math.min(options.maxWaitMs, remaining()) });
    } catch (error) {
      if (error instanceof LimiterRejectedError) throw new Error(`subgraph call refused: ${error.message}`, { cause: error });
      throw error;
    }
    try {
      const left = remaining();
      if (left <= 0) throw new Error("subgraph call abandoned: the request deadline passed");
      const headers: Record<string, string> = { ...init.headers };
      if (left !== Infinity) headers[DEADLINE_HEADER] = String(Math.ceil(left));
      return await inner(url, withCallScope({ ...init, headers, ...(budget?.signal ? { signal: budget.signal } : {}) }, callScope(init)));
    } finally {
      release();
    }
  };
  return Object.assign(fetcher, { close: () => inner.close(), limiter });
}

function abortReason(signal: AbortSignal): string {
  const reason = signal.reason as { message?: unknown } | undefined;
  return typeof reason?.message === "string" ? reason.message : "aborted";
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof value === "object" && value !== null && "aborted" in value && typeof (value as AbortSignal).addEventListener === "function";
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/** Stops reading a response and closes its connection. */
function discard(response: Dispatcher.ResponseData): void {
  // destroy() reports the abort as an error event; it is the one intended here.
  response.body.on("error", () => undefined);
  response.body.destroy();
}

/** Reads the whole body, giving up (and closing the connection) as soon as it grows past `maxBytes`. */
async function readBody(response: Dispatcher.ResponseData, maxBytes: number | undefined): Promise<Buffer> {
  if (maxBytes !== undefined) {
    const declared = Number(response.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      discard(response);
      throw refusal("subgraph response too large");
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (maxBytes !== undefined && size > maxBytes) {
      discard(response);
      throw refusal("subgraph response too large");
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

/** Resolves like Node would, then refuses the connection when any address fails the policy. */
/** Turns undici's "fetch failed" (with the reason in `cause`) into a plain Error with a short message. */
function plainError(error: unknown): Error {
  // Duck-typed rather than instanceof: errors from Node internals may come from another realm (e.g. under jest).
  let current = error as { message?: unknown; code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; typeof current === "object" && current !== null && depth < 5; current = current.cause as typeof current, depth++) {
    const code = current.code;
    if (code === REFUSED) return new Error(String(current.message));
    if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT") {
      return new Error("subgraph timed out");
    }
    // A code of the cause, or a system error's own (ECONNREFUSED): the code alone, without addresses.
    if (typeof code === "string" && (current !== error || /^E[A-Z]+$/.test(code))) return new Error(`subgraph request failed: ${code}`);
  }
  const message = typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  return new Error(`subgraph request failed: ${message}`.slice(0, 200));
}
