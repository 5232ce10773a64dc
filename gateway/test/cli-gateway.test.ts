import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { freePort } from "@agora-hub/runtime";
import { runCli } from "../cli/agora";

/** A stand-in for the gateway's admin API that records the paths it was asked for. */
let server: Server;
let port: number;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(`${req.headers.host}${req.url}`);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ subgraphs: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; err: string[] }> {
  const err: string[] = [];
  const code = await runCli(["--token", "operator-token", ...args], { out: () => {}, err: (line) => err.push(line) }, env);
  return { code, err };
}

describe("the gateway the CLI talks to", () => {
  beforeEach(() => void asked.splice(0));

  it("follows GATEWAY_PORT when nothing else says", async () => {
    expect(await cli(["subgraph", "list"], { GATEWAY_PORT: String(port) })).toEqual({ code: 0, err: [] });
    expect(asked).toEqual([`localhost:${port}/admin/subgraphs`]);
  });

  it("follows AGORA_PUBLIC_URL over GATEWAY_PORT, and --gateway over both", async () => {
    expect((await cli(["subgraph", "list"], { AGORA_PUBLIC_URL: `http://127.0.0.1:${port}/`, GATEWAY_PORT: "1" })).code).toBe(0);
    expect((await cli(["--gateway", `http://127.0.0.1:${port}`, "subgraph", "list"], { AGORA_PUBLIC_URL: "http://127.0.0.1:1", GATEWAY_PORT: "1" })).code).toBe(
      0,
    );
    expect(asked).toEqual([`127.0.0.1:${port}/admin/subgraphs`, `127.0.0.1:${port}/admin/subgraphs`]);
  });

  it("names the gateway it could not reach, and a bad GATEWAY_PORT as a usage error", async () => {
    const unused = await freePort();
    const closed = await cli(["subgraph", "list"], { GATEWAY_PORT: String(unused) });
    expect(closed.code).toBe(1);
    expect(closed.err.join("\n")).toMatch(
      /cannot reach the gateway at http:\/\/localhost:\d+ \(ECONNREFUSED\): is the hub running\? Set --gateway or AGORA_GATEWAY_URL/,
    );
    const bad = await cli(["subgraph", "list"], { GATEWAY_PORT: "eighty" });
    expect(bad.code).toBe(2);
    expect(bad.err.join("\n")).toMatch(/GATEWAY_PORT: /);
  });
});
