import type { RequestHandler } from "express";

/** Probes keep answering while a server drains: /ready says 503 so load balancers stop sending traffic. */
const PROBES = new Set(["/health", "/ready", "/metrics"]);

/** What a request that arrives while the server drains is answered (503, on a connection that then closes). */
export const SHUTTING_DOWN = {
  errors: [{ message: "the server is shutting down; retry shortly", extensions: { code: "SHUTTING_DOWN" } }],
};

/**
 * A server's open HTTP requests, so that shutdown can wait for them while the server still listens (and
 * its /ready can say 503) instead of closing the listener at once.
 */
export interface RequestDrain {
  /** Counts each request until its response closes; once draining, answers new ones 503 `SHUTTING_DOWN`. Probes pass. */
  middleware: RequestHandler;
  /**
   * The same for a handler without express (a probe never comes here): counts the request and returns true,
   * or, once draining, answers it 503 `SHUTTING_DOWN` and returns false.
   */
  admit: (res: DrainedResponse) => boolean;
  /** True from the first `drain()` on. */
  readonly draining: boolean;
  /** Requests being answered now. */
  readonly open: number;
  /** Refuses new requests and resolves once no request is open, or after `timeoutMs` at the latest. */
  drain: (timeoutMs: number) => Promise<void>;
}

/** What the drain uses of a response (Node's or express's; structural, so the published declarations need no Node types). */
export interface DrainedResponse {
  setHeader(name: string, value: string): unknown;
  statusCode: number;
  end(body: string): unknown;
  once(event: "close", listener: () => void): unknown;
  readonly headersSent: boolean;
}

/** Creates the request drain of one HTTP server. */
export function createRequestDrain(): RequestDrain {
  const open = new Set<DrainedResponse>();
  let draining = false;
  const settled: Array<() => void> = [];
  const release = (res: DrainedResponse) => {
    open.delete(res);
    if (draining && open.size === 0) for (const settle of settled.splice(0)) settle();
  };
  const admit = (res: DrainedResponse): boolean => {
    if (draining) {
      res.setHeader("connection", "close");
      res.setHeader("retry-after", "1");
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.statusCode = 503;
      res.end(JSON.stringify(SHUTTING_DOWN));
      return false;
    }
    open.add(res);
    res.once("close", () => release(res));
    return true;
  };
  return {
    middleware: (req, res, next) => {
      if (PROBES.has(req.path) || admit(res)) next();
    },
    admit,
    get draining() {
      return draining;
    },
    get open() {
      return open.size;
    },
    drain: (timeoutMs) => {
      draining = true;
      // Answers still to come close their connection, so keep-alive clients do not send more here.
      for (const res of open) if (!res.headersSent) res.setHeader("connection", "close");
      if (open.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        timer.unref();
        settled.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
