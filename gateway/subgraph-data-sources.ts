import type { ApolloGateway } from "@apollo/gateway";
import { parse } from "graphql";
import { logger } from "@agora-hub/runtime";
import type { SubgraphDataSource } from "./subgraph-data-source";

/** The subgraph names of a composed supergraph: the `name` of each `join__Graph` value's `@join__graph`. */
export function supergraphSubgraphNames(supergraphSdl: string): Set<string> {
  const names = new Set<string>();
  for (const definition of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (definition.kind !== "EnumTypeDefinition" || definition.name.value !== "join__Graph") continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((directive) => directive.name.value === "join__graph");
      const name = graph?.arguments?.find((argument) => argument.name.value === "name")?.value;
      if (name?.kind === "StringValue") names.add(name.value);
    }
  }
  return names;
}

/**
 * The data sources (and with them the connection pools) the gateway built, one per subgraph name. Apollo's
 * gateway keeps every data source it ever built and drops a replaced one without closing it, so a partner
 * removed or republished at another URL would hold its pool: here the replaced one is closed and, after each
 * supergraph update, so is the one of every subgraph the supergraph no longer has (each after a grace period).
 */
export class SubgraphDataSources {
  private readonly live = new Map<string, SubgraphDataSource>();
  private readonly retiring = new Map<SubgraphDataSource, NodeJS.Timeout>();

  /**
   * @param graceMs how long a retired data source stays open first: a request planned on the previous
   * supergraph may still be waiting in its queue; the request deadline (REQUEST_TIMEOUT_MS) bounds that wait.
   */
  constructor(private readonly graceMs: number) {}

  /** Takes the data source just built for its subgraph, closing the one it replaces. */
  adopt<T extends SubgraphDataSource>(dataSource: T): T {
    const previous = this.live.get(dataSource.name);
    this.live.set(dataSource.name, dataSource);
    if (previous && previous !== dataSource) this.retire(previous);
    return dataSource;
  }

  /** The data source in use for `name`, if any. */
  get(name: string): SubgraphDataSource | undefined {
    return this.live.get(name);
  }

  /** The subgraphs that have a data source open. */
  names(): string[] {
    return [...this.live.keys()];
  }

  /** After every supergraph `gateway` loads, closes the data sources of subgraphs it no longer has. */
  watch(gateway: ApolloGateway): void {
    gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
      const current = supergraphSubgraphNames(coreSupergraphSdl);
      // @apollo/gateway's own map (private, not pruned by it): forgetting the entry makes a later publish under that name build afresh.
      const built = (gateway as unknown as { serviceMap?: Record<string, unknown> }).serviceMap;
      for (const [name, dataSource] of this.live) {
        if (current.has(name)) continue;
        this.live.delete(name);
        if (built) delete built[name];
        this.retire(dataSource);
      }
    });
  }

  /** Data sources retired but still open for their grace period. */
  get retiringCount(): number {
    return this.retiring.size;
  }

  /** Closes every data source, retiring ones included (the gateway stops). */
  async closeAll(): Promise<void> {
    for (const timer of this.retiring.values()) clearTimeout(timer);
    const open = [...this.live.values(), ...this.retiring.keys()];
    this.live.clear();
    this.retiring.clear();
    await Promise.all(open.map((dataSource) => dataSource.close()));
  }

  // Closing lets requests already sent finish (undici's Agent.close); new ones no longer come to it.
  private retire(dataSource: SubgraphDataSource): void {
    const timer = setTimeout(() => {
      this.retiring.delete(dataSource);
      dataSource.close().catch((error: unknown) => logger.warn({ err: error, subgraph: dataSource.name }, "closing a retired subgraph data source failed"));
    }, this.graceMs);
    timer.unref();
    this.retiring.set(dataSource, timer);
  }
}
