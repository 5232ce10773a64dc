import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApolloServer } from "@apollo/server";
import type { Viewer } from "@agora-hub/subgraph-kit";
import type { GatewayContext } from "../../gateway-context";

/** A throw-away HTTP server on 127.0.0.1 that counts the requests it received. */
export interface LoopbackServer {
  url: string;
  port: number;
  /** Requests received so far, with their headers and body. */
  requests: Array<{ headers: IncomingMessage["headers"]; body: string }>;
  close: () => Promise<void>;
}

/** Starts a server on 127.0.0.1, port 0; `handle` answers each request once its body has been read. */
export async function startLoopbackServer(handle: (body: string, response: ServerResponse, request: IncomingMessage) => void): Promise<LoopbackServer> {
  const requests: LoopbackServer["requests"] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ headers: request.headers, body });
      // A client that hangs up mid-answer is expected here (timeouts, size caps).
      response.on("error", () => undefined);
      handle(body, response, request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a JSON body. */
export function sendJson(response: ServerResponse, value: unknown, status = 200): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

/** What a client of a gateway in a test receives. */
export interface TestAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** Runs `query` on an in-process gateway server as `viewer`, answered as a client would see it (JSON). */
export async function askGateway(hub: ApolloServer<GatewayContext>, query: string, viewer: Viewer = { kind: "anonymous" }): Promise<TestAnswer> {
  const result = await hub.executeOperation({ query }, { contextValue: { requestId: "req-42", viewer } });
  if (result.body.kind !== "single") throw new Error("expected a single result");
  return JSON.parse(JSON.stringify(result.body.singleResult)) as TestAnswer;
}
