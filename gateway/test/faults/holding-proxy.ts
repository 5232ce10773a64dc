import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A pass-through HTTP proxy in front of one subgraph that can hold GraphQL requests (POST /graphql) until
 * released, so a test knows requests are in flight and for how long. Probes (/ready…) always pass.
 */
export interface HoldingProxy {
  /** The proxy's GraphQL URL, to give the gateway as SUBGRAPH_<NAME>_URL. */
  url: string;
  /** GraphQL requests waiting now. */
  readonly held: number;
  /** From now on GraphQL requests wait until `release()`. */
  hold: () => void;
  /** Forwards every waiting request and stops holding. */
  release: () => void;
  /** Resolves once `count` requests are waiting; fails after `timeoutMs`. */
  waitForHeld: (count: number, timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
}

/** Starts a holding proxy on a free port, forwarding to `target()` (the subgraph's GraphQL URL, read per request). */
export async function startHoldingProxy(target: () => string): Promise<HoldingProxy> {
  let holding = false;
  const waiting: Array<() => void> = [];
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const to = new URL(req.url ?? "/", target());
    const upstream = request(to, { method: req.method, headers: { ...req.headers, host: to.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: "holding proxy: subgraph unreachable" }] }));
    });
    req.pipe(upstream);
  };
  const server = createServer((req, res) => {
    if (holding && req.method === "POST" && req.url?.startsWith("/graphql")) waiting.push(() => forward(req, res));
    else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get held() {
      return waiting.length;
    },
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const send of waiting.splice(0)) send();
    },
    waitForHeld: async (count, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (waiting.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${waiting.length} of ${count} requests reached the holding proxy in time`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const send of waiting.splice(0)) send();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
