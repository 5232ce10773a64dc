import type DataLoader from "dataloader";
import type { GraphQLDirective, GraphQLResolveInfo } from "graphql";
import type { DataSource } from "typeorm";
import type { ServerMetrics } from "@agora-hub/runtime";
import { randomUUID } from "node:crypto";
import { ANONYMOUS, type BackgroundTask, type Viewer } from "@agora-hub/runtime";
import type { PeerSubgraphs } from "./peers/peer-subgraphs";

/** Per-request context of every subgraph: the data source and fresh DataLoaders, built in one place. */
export interface SubgraphContext<TLoaders = Record<string, DataLoader<never, unknown>>, TSettings = unknown> {
  dataSource: DataSource;
  loaders: TLoaders;
  /** Correlates logs of one request; taken from the gateway's `x-request-id` when present. */
  requestId: string;
  viewer: Viewer;
  /**
   * The gateway's pseudonym of the client's address (a keyed hash, never the address), for limits per client
   * such as on reports; absent for calls between subgraphs and without a gateway.
   */
  client?: string;
  /** The client's preferred languages, best first (from its Accept-Language, via the gateway); may be empty. */
  languages: string[];
  /** Where the subgraphs owning referenced entities are, for checking writes (`reference-check.ts`); absent in single-subgraph tests. */
  peers?: PeerSubgraphs;
  /** The hub's public base URL without a trailing slash (AGORA_PUBLIC_URL, else the gateway's port), for links such as JSON-LD `@id`s. */
  hubUrl: string;
  /** The subgraph's own settings, as its `readSettings` read them once at start. */
  settings: TSettings;
}

/** A representation sent by the gateway: `__typename` and the fields of one of the type's `@key`s. */
export type EntityRepresentation<TKey extends object = { id: string }> = TKey & { __typename: string };

/**
 * Resolves a representation sent by the gateway to the entity, or null. `TKey` is the shape of the key
 * it is called with: `{ id: string }` by default, or e.g. `{ isbn: string }`, `{ network: string; sourceId: string }`
 * or a nested `{ owner: { id: string }; slug: string }` for a type with such `@key`s (one resolver per type
 * serves all its keys, so with several keys it is their union).
 */
export type ReferenceResolver<TContext, TKey extends object = { id: string }> = (
  reference: EntityRepresentation<TKey>,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<unknown> | unknown;

/** A `@link` to a spec of the subgraph's own, e.g. the one defining a custom directive it composes. */
export interface FederationLink {
  /** The spec's URL, ending in its name and version (`https://partner.example/lowercase/v1.0`). */
  url: string;
  /** Directives the link imports, by name or renamed (`{ name: "@lowercase", as: "@lower" }`). */
  import?: Array<string | { name: string; as: string }>;
}

/**
 * Everything the kit needs to run one subgraph: its GraphQL resolvers, its tables and their
 * migrations, and its loaders. A partner network builds its subgraph by writing one of these.
 */
export interface SubgraphDefinition<TLoaders = unknown, TSettings = unknown> {
  /** Subgraph name; also the PostgreSQL schema holding its tables. */
  name: string;
  /** Port used when `<NAME>_PORT` is not set. */
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: [Function, ...Function[]];
  /** Entity types not reachable from a root field (key stubs resolved by reference). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /**
   * `__resolveReference` per entity type name. A type without one resolves to its representation as
   * given, which is right for a key-only stub of another subgraph's entity.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  referenceResolvers?: Record<string, ReferenceResolver<SubgraphContext<TLoaders, TSettings>, any>>;
  /** Definitions of custom directives the types and fields use (`@Directive("@lowercase")`). */
  directives?: GraphQLDirective[];
  /** Further `@link`s, of the subgraph's own specs, beside the federation one the kit adds. */
  links?: FederationLink[];
  /** Custom directives composition keeps in the supergraph (`@composeDirective`); each imported by one of `links`. */
  composeDirectives?: string[];
  /**
   * The subgraphs this one calls (reference checks, feeds, fan-out), by name: each needs a URL when it starts,
   * from SUBGRAPH_<NAME>_URL or the peer URLs its process was given, and the request context carries them.
   */
  peers?: readonly string[];
  /**
   * Reads and validates the subgraph's own settings from the environment, once, when it starts (e.g. with
   * `readEnv`, so a bad value names its variable); resolvers find them in `context.settings`.
   */
  readSettings?: (env: NodeJS.ProcessEnv) => TSettings;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  /**
   * Entity types this subgraph owns besides the GraphQL types of its `entities` (e.g. a view it alone
   * resolves, like `PersonDataExport`). Every other `@key` type in its schema is another subgraph's.
   */
  ownedTypes?: string[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** Fresh loaders for one request of `viewer` (loaders that hide what the viewer may not see take it into account). */
  createLoaders: (dataSource: DataSource, viewer: Viewer) => TLoaders;
  /** Writes demo or synthetic records into the subgraph's own (empty) tables. */
  seed?: (dataSource: DataSource, sizes: SeedSizes) => Promise<void>;
  /** Background work of a running subgraph (not of tests' harness), e.g. following a feed or delivering webhooks. */
  startBackground?: (context: BackgroundContext<TSettings>) => BackgroundTask | undefined;
}

/** What a subgraph's background work is started with. */
export interface BackgroundContext<TSettings = unknown> {
  subgraph: string;
  /** The subgraph's own settings, as its `readSettings` read them at start. */
  settings: TSettings;
  dataSource: DataSource;
  /** Where background work reads its settings. */
  env: NodeJS.ProcessEnv;
  /** The core subgraphs, with the hub's key set to sign calls to them (core subgraphs only). */
  peers: PeerSubgraphs;
  /** Whether the subgraph runs as a partner's (outside the hub's trust domain). */
  partner: boolean;
  /** The hub's public base URL without a trailing slash, for links in what background work sends. */
  hubUrl: string;
  /** The Prometheus registry the subgraph's /metrics serves. */
  metrics: ServerMetrics["registry"];
}

/**
 * Several pieces of background work as one `startBackground`: each starts in turn (one that returns nothing is
 * left out), and stopping stops them all; if one fails to start, those already started are stopped.
 */
export function combineBackground<TSettings>(
  ...starters: Array<(context: BackgroundContext<TSettings>) => BackgroundTask | undefined>
): (context: BackgroundContext<TSettings>) => BackgroundTask | undefined {
  return (context) => {
    const tasks: BackgroundTask[] = [];
    try {
      for (const start of starters) {
        const task = start(context);
        if (task) tasks.push(task);
      }
    } catch (error) {
      for (const task of tasks) void task.stop();
      throw error;
    }
    if (tasks.length === 0) return undefined;
    return { stop: async () => void (await Promise.all(tasks.map((task) => task.stop()))) };
  };
}

/** How many records of each kind a seed writes. */
export interface SeedSizes {
  people: number;
  organisations: number;
  opportunities: number;
  events: number;
  /** Knowledge resources (the resources subgraph); none when omitted. */
  resources?: number;
}

/** The demo data set written on first start: hand-written records plus fictional people. */
export const DEMO_SIZES: SeedSizes = { people: 200, organisations: 36, opportunities: 60, events: 40, resources: 50 };

/** Builds the context of one request; loaders are new each time so nothing is cached across requests. */
export function createSubgraphContext<TLoaders, TSettings>(
  definition: SubgraphDefinition<TLoaders, TSettings>,
  dataSource: DataSource,
  options: { requestId?: string; viewer?: Viewer; client?: string; languages?: string[]; peers?: PeerSubgraphs; hubUrl: string; settings: TSettings },
): SubgraphContext<TLoaders, TSettings> {
  return {
    ...(options.peers ? { peers: options.peers } : {}),
    ...(options.client ? { client: options.client } : {}),
    dataSource,
    loaders: definition.createLoaders(dataSource, options.viewer ?? ANONYMOUS),
    requestId: options.requestId ?? randomUUID(),
    viewer: options.viewer ?? ANONYMOUS,
    languages: options.languages ?? [],
    hubUrl: options.hubUrl,
    settings: options.settings,
  };
}

/** A subgraph definition whatever its loaders, for lists of subgraphs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySubgraphDefinition = SubgraphDefinition<any, any>;
