import type { SupergraphManager } from "@apollo/gateway";
import { composeSupergraph, loadCoreSubgraphs } from "../../registry/composition/composition";
import { readGatewayConfig } from "../config";
import { createFederatedGateway } from "../federated-gateway";
import { createGatewayObservability } from "../observability/gateway-observability";
import { SubgraphDataSources, supergraphSubgraphNames } from "../subgraph-data-sources";

const PARTNER = {
  name: "makers",
  url: "http://127.0.0.1:9/graphql",
  sdl: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { makersFeatured: [MakersShowcase!]! }
    type MakersShowcase { title: String! }
  `,
};
const core = loadCoreSubgraphs();
const coreNames = core.map((subgraph) => subgraph.name);
const CORE_ONLY = composeSupergraph(core);
const WITH_PARTNER = composeSupergraph([...core, PARTNER]);

/** A gateway whose supergraph the test sets, over data sources retired with no grace period. */
async function gatewayUnderTest(): Promise<{ dataSources: SubgraphDataSources; update: (sdl: string) => void; stop: () => Promise<void> }> {
  let update: (sdl: string) => void = () => {
    throw new Error("not loaded");
  };
  const manager: SupergraphManager = {
    initialize: async (hooks) => {
      update = hooks.update;
      return { supergraphSdl: WITH_PARTNER };
    },
  };
  const config = readGatewayConfig({ GATEWAY_PORT: "0", AGORA_ALLOW_PRIVATE_SUBGRAPHS: "1" });
  const dataSources = new SubgraphDataSources(0);
  const coreSubgraphs = new Set(coreNames);
  const observability = createGatewayObservability({ coreSubgraphs, registryDatabase: null });
  const gateway = createFederatedGateway({ config, supergraph: manager, coreSubgraphs, observability, dataSources });
  await gateway.load();
  return {
    dataSources,
    update: (sdl) => update(sdl),
    stop: async () => {
      await gateway.stop();
      await dataSources.closeAll();
    },
  };
}

/** Resolves once `probe` holds, polling; fails after `timeoutMs`. */
async function waitUntil(probe: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the gateway's subgraph data sources", () => {
  it("reads the subgraph names of a composed supergraph", () => {
    expect([...supergraphSubgraphNames(WITH_PARTNER)].sort()).toEqual([...coreNames, "makers"].sort());
    expect([...supergraphSubgraphNames(CORE_ONLY)].sort()).toEqual([...coreNames].sort());
  });

  it("closes the data source of a partner removed from the supergraph, and builds a fresh one when it is published again", async () => {
    const gateway = await gatewayUnderTest();
    try {
      const first = gateway.dataSources.get("makers")!;
      expect(first).toBeDefined();
      const closed = jest.spyOn(first, "close");

      gateway.update(CORE_ONLY);
      expect(gateway.dataSources.names().sort()).toEqual([...coreNames].sort());
      await waitUntil(() => closed.mock.calls.length === 1, "the removed partner's data source to close");
      expect(gateway.dataSources.retiringCount).toBe(0);

      gateway.update(WITH_PARTNER);
      const second = gateway.dataSources.get("makers");
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
    } finally {
      await gateway.stop();
    }
  });

  it("closes a partner's data source replaced by one for a new URL, and keeps the core subgraphs' across updates", async () => {
    const gateway = await gatewayUnderTest();
    try {
      const first = gateway.dataSources.get("makers")!;
      const people = gateway.dataSources.get("people");
      const closed = jest.spyOn(first, "close");
      gateway.update(composeSupergraph([...core, { ...PARTNER, url: "http://127.0.0.1:9/graphql?v=2" }]));
      await waitUntil(() => closed.mock.calls.length === 1, "the replaced data source to close");
      expect(gateway.dataSources.get("makers")).not.toBe(first);
      expect(gateway.dataSources.get("people")).toBe(people);
    } finally {
      await gateway.stop();
    }
  });
});
