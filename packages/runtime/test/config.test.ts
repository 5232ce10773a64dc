import { createServer, type Server } from "node:net";
import { assertPortsFree, hubPublicUrl, readEnv, sharedEnvShape, subgraphUrlOverrides, subgraphUrlVariable } from "../src";

describe("the hub's public URL", () => {
  it("follows GATEWAY_PORT unless AGORA_PUBLIC_URL is set, without a trailing slash", () => {
    expect(hubPublicUrl({})).toBe("http://localhost:4000");
    expect(hubPublicUrl({ GATEWAY_PORT: "5500" })).toBe("http://localhost:5500");
    expect(hubPublicUrl({ GATEWAY_PORT: "5500", AGORA_PUBLIC_URL: "https://hub.example.org/agora/" })).toBe("https://hub.example.org/agora");
    expect(hubPublicUrl({ GATEWAY_PORT: "5500", AGORA_PUBLIC_URL: "" })).toBe("http://localhost:5500");
  });

  it("names the variable of a bad value", () => {
    expect(() => hubPublicUrl({ AGORA_PUBLIC_URL: "hub.example.org?x=1" })).toThrow(
      "Invalid configuration:\n  AGORA_PUBLIC_URL: must be an http(s) URL without query or fragment",
    );
    expect(() => hubPublicUrl({ GATEWAY_PORT: "70000" })).toThrow(/^Invalid configuration:\n {2}GATEWAY_PORT: /);
    expect(() => readEnv(sharedEnvShape, { METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
  });
});

describe("checking ports before starting", () => {
  let busy: Server;
  let busyPort: number;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    busyPort = (busy.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
  });

  it("names every busy port with the variable that sets it, and passes free ports and port 0", async () => {
    await expect(assertPortsFree([{ port: 0, variable: "GATEWAY_PORT" }], "127.0.0.1")).resolves.toBeUndefined();
    await expect(
      assertPortsFree(
        [
          { port: busyPort, variable: "GATEWAY_PORT" },
          { port: 0, variable: "PEOPLE_PORT" },
          { port: busyPort, variable: "EVENTS_PORT" },
        ],
        "127.0.0.1",
      ),
    ).rejects.toThrow(
      `Ports not free:\n  GATEWAY_PORT: port ${busyPort} is already in use on 127.0.0.1 (another hub running in this checkout?); stop it or set GATEWAY_PORT to a free port\n` +
        `  EVENTS_PORT: port ${busyPort} is already in use on 127.0.0.1 (another hub running in this checkout?); stop it or set EVENTS_PORT to a free port`,
    );
  });
});

describe("where a subgraph is: SUBGRAPH_<NAME>_URL", () => {
  it("is one variable per subgraph, read by name, ignoring unset and empty ones", () => {
    expect(subgraphUrlVariable("creative_tracks")).toBe("SUBGRAPH_CREATIVE_TRACKS_URL");
    expect(
      subgraphUrlOverrides({ SUBGRAPH_PEOPLE_URL: "http://people.internal:4001/graphql", SUBGRAPH_EVENTS_URL: "", SUBGRAPH_TIMEOUT_MS: "5000", PATH: "/bin" }),
    ).toEqual({ people: "http://people.internal:4001/graphql" });
  });

  it("stops the start naming the variable whose value is not an http(s) URL", () => {
    expect(() => subgraphUrlOverrides({ SUBGRAPH_SEARCH_URL: "ftp://search" })).toThrow("SUBGRAPH_SEARCH_URL: must be an http(s) URL");
  });
});
