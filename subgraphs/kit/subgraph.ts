import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { randomUUID } from "node:crypto";
import type { SeedSizes } from "./demo";

/** Per-request context of every subgraph: the data source and fresh DataLoaders, built in one place. */
export interface SubgraphContext<TLoaders = Record<string, DataLoader<never, unknown>>> {
  dataSource: DataSource;
  loaders: TLoaders;
  /** Correlates logs of one request; taken from the gateway's `x-request-id` when present. */
  requestId: string;
}

/** Resolves a representation `{ __typename, id }` sent by the gateway to the entity, or null. */
export type ReferenceResolver<TContext> = (reference: { id: string }, context: TContext) => Promise<unknown> | unknown;

/**
 * Everything the kit needs to run one subgraph: its GraphQL resolvers, its tables and their
 * migrations, and its loaders. A partner network builds its subgraph by writing one of these.
 */
export interface SubgraphDefinition<TLoaders = unknown> {
  /** Subgraph name; also the PostgreSQL schema holding its tables. */
  name: string;
  /** Port used when `<NAME>_PORT` is not set. */
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: [Function, ...Function[]];
  /** Entity types not reachable from a root field (key stubs resolved by reference). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name. */
  referenceResolvers: Record<string, ReferenceResolver<SubgraphContext<TLoaders>>>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  createLoaders: (dataSource: DataSource) => TLoaders;
  /** Writes demo or synthetic records into the subgraph's own (empty) tables. */
  seed?: (dataSource: DataSource, sizes: SeedSizes) => Promise<void>;
}

/** Builds the context of one request; loaders are new each time so nothing is cached across requests. */
export function createSubgraphContext<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  dataSource: DataSource,
  requestId: string = randomUUID(),
): SubgraphContext<TLoaders> {
  return { dataSource, loaders: definition.createLoaders(dataSource), requestId };
}

/** A subgraph definition whatever its loaders, for lists of subgraphs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySubgraphDefinition = SubgraphDefinition<any>;
