import { readGatewayConfig } from "../../config";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../test/test-hub";
import { post } from "./http-request";

const SUBGRAPH_SECRET = "test-subgraph-secret-0123456789abcdef";

describe("production start-up checks", () => {
  it("refuses to start in production without its secrets, listing every missing one", () => {
    expect(() => readGatewayConfig({ NODE_ENV: "production" })).toThrow(/refuses to start in production[\s\S]*AGORA_ADMIN_TOKEN: not set[\s\S]*AGORA_SUBGRAPH_SECRET: not set/);
    expect(() => readGatewayConfig({ NODE_ENV: "production", AGORA_ADMIN_TOKEN: TEST_ADMIN_TOKEN, AGORA_SUBGRAPH_SECRET: "too-short" })).toThrow(
      /AGORA_SUBGRAPH_SECRET: must be at least 32 characters/,
    );
  });

  it("starts in production with both secrets, and without them outside production", () => {
    expect(readGatewayConfig({ NODE_ENV: "production", AGORA_ADMIN_TOKEN: TEST_ADMIN_TOKEN, AGORA_SUBGRAPH_SECRET: SUBGRAPH_SECRET }).production).toBe(true);
    expect(readGatewayConfig({}).production).toBe(false);
  });
});

describe("a production gateway", () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub({ env: { NODE_ENV: "production", AGORA_SUBGRAPH_SECRET: SUBGRAPH_SECRET } });
  }, 60_000);

  afterAll(async () => {
    await hub?.close();
  });

  it("refuses introspection", async () => {
    const answer = await post(hub.hub.gatewayUrl, `{ __schema { types { name } } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].message).toMatch(/introspection/i);
  });

  it("hides field suggestions from errors", async () => {
    const answer = await post(hub.hub.gatewayUrl, `{ persn { id } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].message).toMatch(/Cannot query field "persn"/);
    expect(answer.body.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});
