import { createTestDatabase, type TestDatabase } from "@agora-hub/subgraph-kit/testing";
import { type ComposeFunction, composeInProcess } from "../registry.service";
import { addNetwork, admin, FEDERATION_HEADER, OPERATOR_TOKEN, PARTNER_URL, startRegistryGateway } from "./registry-gateway";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

/** Real composition, counting its calls. */
function countingCompose(): { compose: ComposeFunction; calls: () => number } {
  let calls = 0;
  return {
    compose: (subgraphs) => {
      calls++;
      return composeInProcess(subgraphs);
    },
    calls: () => calls,
  };
}

async function liveSupergraph(gatewayUrl: string): Promise<string> {
  const response = await fetch(new URL("/admin/supergraph", gatewayUrl), { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  return response.text();
}

describe("composition at gateway start", () => {
  it("serves the stored supergraph without composing when nothing changed since it was composed", async () => {
    const first = countingCompose();
    const gateway = await startRegistryGateway({ database, hooks: { compose: first.compose } });
    const composed = await liveSupergraph(gateway.url);
    await gateway.close();
    expect(first.calls()).toBe(1);

    const second = countingCompose();
    const restarted = await startRegistryGateway({ database, hooks: { compose: second.compose } });
    try {
      expect(second.calls()).toBe(0);
      expect(await liveSupergraph(restarted.url)).toBe(composed);
    } finally {
      await restarted.close();
    }
  }, 120_000);

  it("composes again at start once a partner changed what composes, and includes it", async () => {
    const gateway = await startRegistryGateway({ database });
    const key = await addNetwork(gateway.url, "startup");
    const published = await admin(gateway.url, key, "POST", "/subgraphs/publish", {
      name: "startup-partner",
      url: PARTNER_URL,
      sdl: `${FEDERATION_HEADER}\ntype Query { startupPartner: String }`,
    });
    await gateway.close();
    expect(published.status).toBe(200);

    const counting = countingCompose();
    const restarted = await startRegistryGateway({ database, hooks: { compose: counting.compose } });
    try {
      expect(counting.calls()).toBe(1);
      expect(await liveSupergraph(restarted.url)).toContain("startupPartner");
    } finally {
      await restarted.close();
    }
  }, 120_000);
});
