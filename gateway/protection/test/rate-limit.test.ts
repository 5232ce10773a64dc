import Redis from "ioredis";
import { randomInt } from "node:crypto";
import { readGatewayConfig } from "../../config";
import { type RunningGateway, startGateway } from "../../gateway-server";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../test/test-hub";
import { CORE_SUBGRAPHS } from "../../../subgraphs/core-subgraphs";
import { firstCode, post } from "./http-request";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const QUERY = "{ __typename }";

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ env: { RATE_LIMIT_PER_MINUTE_IP: "3", RATE_LIMIT_PER_MINUTE_KEY: "5" } });
}, 60_000);

afterAll(async () => {
  await hub?.close();
});

describe("in-memory rate limits", () => {
  it("answers 429 RATE_LIMITED with Retry-After once a client IP has used its budget", async () => {
    for (let i = 0; i < 3; i++) expect((await post(hub.hub.gatewayUrl, QUERY)).status).toBe(200);
    const refused = await post(hub.hub.gatewayUrl, QUERY);
    expect(refused.status).toBe(429);
    expect(firstCode(refused)).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.errors?.[0].message).toMatch(/3 per minute per client IP/);
  });

  it("gives a valid API key its own budget, and charges unknown tokens to the IP", async () => {
    const unknown = await post(hub.hub.gatewayUrl, QUERY, undefined, { authorization: "Bearer not-a-real-key-0123456789" });
    expect(unknown.status).toBe(429);
    const keyed = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    for (let i = 0; i < 5; i++) expect((await post(hub.hub.gatewayUrl, QUERY, undefined, keyed)).status).toBe(200);
    const refused = await post(hub.hub.gatewayUrl, QUERY, undefined, keyed);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0].message).toMatch(/5 per minute per API key/);
  });
});

describe("rate limits shared through Redis", () => {
  const gateways: RunningGateway[] = [];

  beforeAll(async () => {
    // Redis runs beside PostgreSQL on every machine of this project (CI included): without it this fails.
    const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await probe.connect();
      expect(await probe.ping()).toBe("PONG");
    } finally {
      probe.disconnect();
    }
    const subgraphUrls = Object.fromEntries(CORE_SUBGRAPHS.map((definition, index) => [definition.name, hub.hub.subgraphs[index].url]));
    for (let i = 0; i < 2; i++) {
      const config = readGatewayConfig({
        DATABASE_URL: hub.database.url,
        HOST: "127.0.0.1",
        GATEWAY_PORT: "0",
        REDIS_URL,
        TRUST_PROXY: "loopback",
        RATE_LIMIT_PER_MINUTE_IP: "4",
      });
      gateways.push(await startGateway({ ...config, subgraphUrls }));
    }
  }, 60_000);

  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
  });

  it("makes two gateway replicas share one budget per client IP", async () => {
    expect(gateways).toHaveLength(2);
    // A fresh client address (through the trusted proxy header) so earlier runs' counts do not interfere.
    const client = { "x-forwarded-for": `2001:db8::${randomInt(1, 0xffff).toString(16)}:${randomInt(1, 0xffff).toString(16)}` };
    const [first, second] = gateways;
    for (const gateway of [first, second, first, second]) expect((await post(gateway.url, QUERY, undefined, client)).status).toBe(200);
    const refused = await post(second.url, QUERY, undefined, client);
    expect(refused.status).toBe(429);
    expect(firstCode(refused)).toBe("RATE_LIMITED");
    expect(refused.headers.get("retry-after")).toBeTruthy();
  });
});
