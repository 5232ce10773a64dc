import { createCoreFetcher, createGuardedFetcher, type SubgraphFetcher } from "../guarded-fetch";
import { sendJson, startLoopbackServer, type LoopbackServer } from "./loopback-server";

const QUERY = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) };
const LIMITS = { timeoutMs: 1000, maxResponseBytes: 64 * 1024 };

const servers: LoopbackServer[] = [];
const fetchers: SubgraphFetcher[] = [];
const pendingTimers: NodeJS.Timeout[] = [];

async function server(handle: Parameters<typeof startLoopbackServer>[0]): Promise<LoopbackServer> {
  const started = await startLoopbackServer(handle);
  servers.push(started);
  return started;
}

function fetcher(options: Parameters<typeof createGuardedFetcher>[0]): SubgraphFetcher {
  const created = createGuardedFetcher(options);
  fetchers.push(created);
  return created;
}

afterAll(async () => {
  pendingTimers.forEach(clearTimeout);
  await Promise.all(fetchers.map((created) => created.close()));
  await Promise.all(servers.map((started) => started.close()));
});

describe("guarded fetch", () => {
  it("passes a normal JSON answer through", async () => {
    const partner = await server((_body, response) => sendJson(response, { data: { __typename: "Query" } }));
    const response = await fetcher({ ...LIMITS, allowPrivate: true })(partner.url, QUERY);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.url).toBe(partner.url);
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
    expect(partner.requests[0].body).toBe(QUERY.body);
  });

  it("passes a non-2xx answer through for the data source to judge", async () => {
    const partner = await server((_body, response) => sendJson(response, { errors: [{ message: "nope" }] }, 400));
    const response = await fetcher({ ...LIMITS, allowPrivate: true })(partner.url, QUERY);
    expect(response.status).toBe(400);
    expect(response.ok).toBe(false);
  });

  it("refuses a redirect without following it", async () => {
    const internal = await server((_body, response) => response.end("INTERNAL-SECRET-TOKEN=abc123"));
    const partner = await server((_body, response) => {
      response.writeHead(302, { location: internal.url });
      response.end();
    });
    await expect(fetcher({ ...LIMITS, allowPrivate: true })(partner.url, QUERY)).rejects.toThrow(new Error("subgraph redirect refused"));
    expect(internal.requests).toHaveLength(0);
  });

  it("times out a server that is too slow to answer", async () => {
    const partner = await server((_body, response) => {
      pendingTimers.push(setTimeout(() => sendJson(response, { data: {} }), 5000));
    });
    const started = Date.now();
    await expect(fetcher({ timeoutMs: 300, maxResponseBytes: 1024, allowPrivate: true })(partner.url, QUERY)).rejects.toThrow(/^subgraph timed out/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("times out a server that sends its body too slowly", async () => {
    const partner = await server((_body, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"data":');
      pendingTimers.push(setTimeout(() => response.end("{}}"), 5000));
    });
    const started = Date.now();
    await expect(fetcher({ timeoutMs: 300, maxResponseBytes: 1024, allowPrivate: true })(partner.url, QUERY)).rejects.toThrow(/^subgraph timed out/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("cuts off a huge streamed body", async () => {
    let written = 0;
    const partner = await server((_body, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, "x");
      const pump = () => {
        // Stops once the client hangs up, or after 20 MB at the most.
        while (!response.destroyed && written < 20 * 1024 * 1024) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      pump();
    });
    await expect(fetcher({ ...LIMITS, maxResponseBytes: 1024 * 1024, allowPrivate: true })(partner.url, QUERY)).rejects.toThrow(
      new Error("subgraph response too large"),
    );
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it("refuses a body whose Content-Length is over the cap before reading it", async () => {
    const partner = await server((_body, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": 5 * 1024 * 1024 });
      response.write("{");
    });
    await expect(fetcher({ ...LIMITS, maxResponseBytes: 1024 * 1024, allowPrivate: true })(partner.url, QUERY)).rejects.toThrow(
      new Error("subgraph response too large"),
    );
  });

  it("refuses a loopback IP literal unless private addresses are allowed", async () => {
    const partner = await server((_body, response) => sendJson(response, { data: {} }));
    await expect(fetcher({ ...LIMITS, allowPrivate: false })(partner.url, QUERY)).rejects.toThrow(new Error("blocked address 127.0.0.1 (a loopback address)"));
    expect(partner.requests).toHaveLength(0);
    const response = await fetcher({ ...LIMITS, allowPrivate: true })(partner.url, QUERY);
    expect(response.status).toBe(200);
    expect(partner.requests).toHaveLength(1);
  });

  it("refuses a host name that resolves to loopback when connecting, unless private addresses are allowed", async () => {
    const partner = await server((_body, response) => sendJson(response, { data: {} }));
    const byName = `http://localhost:${partner.port}/`;
    await expect(fetcher({ ...LIMITS, allowPrivate: false })(byName, QUERY)).rejects.toThrow(new Error("blocked address 127.0.0.1 for localhost"));
    expect(partner.requests).toHaveLength(0);
    const response = await fetcher({ ...LIMITS, allowPrivate: true })(byName, QUERY);
    expect(await response.json()).toEqual({ data: {} });
  });

  it("refuses the metadata address even when private addresses are allowed", async () => {
    await expect(fetcher({ ...LIMITS, allowPrivate: true })("http://169.254.169.254/latest/meta-data/", QUERY)).rejects.toThrow(
      new Error("blocked address 169.254.169.254 (a cloud metadata address)"),
    );
  });

  it("refuses schemes other than http and https", async () => {
    await expect(fetcher({ ...LIMITS, allowPrivate: true })("file:///etc/passwd", QUERY)).rejects.toThrow(new Error("subgraph URL must use http or https"));
  });

  it("reports a refused connection with a short plain message", async () => {
    const gone = await startLoopbackServer(() => undefined);
    await gone.close();
    const error = await fetcher({ ...LIMITS, allowPrivate: true })(gone.url, QUERY).catch((caught: unknown) => caught);
    expect(error).toEqual(new Error("subgraph request failed: ECONNREFUSED"));
    expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
  });

  it("lets core subgraphs on loopback through but still refuses their redirects", async () => {
    const core = createCoreFetcher({ timeoutMs: 1000 });
    fetchers.push(core);
    const people = await server((_body, response) => sendJson(response, { data: { ok: true } }));
    expect(await (await core(people.url, QUERY)).json()).toEqual({ data: { ok: true } });
    const moved = await server((_body, response) => {
      response.writeHead(307, { location: people.url });
      response.end();
    });
    await expect(core(moved.url, QUERY)).rejects.toThrow(new Error("subgraph redirect refused"));
    expect(people.requests).toHaveLength(1);
  });
});
