import { composeServices } from "@apollo/composition";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { parse } from "graphql";
import { logger } from "@agora-hub/runtime";
import type { GatewayContext } from "../../gateway-context";
import { SupergraphTypes } from "../../subgraph-answers/supergraph-types";
import { SubgraphDataSource, type SubgraphTrust } from "../../subgraph-data-source";

/** A subgraph the test gateway federates: where it listens, its SDL, and how far the gateway trusts it. */
export interface TestSubgraph {
  name: string;
  url: string;
  sdl: string;
  trust: SubgraphTrust;
}

/**
 * An in-process gateway over `subgraphs`, composed here, calling each through the hub's `SubgraphDataSource`
 * (partners on 127.0.0.1 allowed) with the answer checks of the real gateway; `close` stops it all.
 */
export async function startTestGateway(
  subgraphs: TestSubgraph[],
  options: { maxResponseBytes?: number } = {},
): Promise<{ hub: ApolloServer<GatewayContext>; close: () => Promise<void> }> {
  const composed = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (composed.errors) throw composed.errors[0];
  const types = new SupergraphTypes();
  const trustOf = new Map(subgraphs.map(({ name, trust }) => [name, trust]));
  const dataSources: SubgraphDataSource[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ name, url }) => {
      const source = new SubgraphDataSource({
        name,
        url: url ?? "",
        // Generous: on a busy machine a subgraph's first answer (cold) can take seconds; no test here times out on purpose.
        timeoutMs: 10_000,
        trust: trustOf.get(name) ?? "partner",
        types,
        maxResponseBytes: options.maxResponseBytes,
        allowPrivate: true,
      });
      dataSources.push(source);
      return source;
    },
    logger,
  });
  types.watch(gateway);
  const hub = new ApolloServer<GatewayContext>({ gateway, includeStacktraceInErrorResponses: false, logger });
  await hub.start();
  return {
    hub,
    close: async () => {
      await hub.stop();
      await Promise.all(dataSources.map((source) => source.close()));
    },
  };
}
