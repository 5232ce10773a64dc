import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { logger } from "../subgraphs/kit/logger";
import type { GatewayContext } from "./gateway-context";

/**
 * How the gateway calls a subgraph: with a timeout, never following redirects, forwarding only the
 * request id (never the client's credentials), and reporting a failed subgraph without internal details.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly subgraph: { name: string; url: string; timeoutMs: number }) {
    super({
      url: subgraph.url,
      fetcher: ((url: string, init?: RequestInit) =>
        fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(subgraph.timeoutMs) })) as unknown as RemoteGraphQLDataSource["fetcher"],
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.requestId) request.http?.headers.set("x-request-id", context.requestId);
  }

  override didEncounterError(error: Error): void {
    logger.warn({ err: error, subgraph: this.subgraph.name }, "subgraph request failed");
    throw new GraphQLError(`The ${this.subgraph.name} subgraph is unavailable`, {
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: this.subgraph.name },
    });
  }
}
