import type { ApolloServer } from "@apollo/server";
import type { DataSource } from "typeorm";
import { openSubgraphDatabase } from "@agora-hub/runtime";
import type { PeerSubgraphs } from "../peers/peer-subgraphs";
import { QueryCounter } from "@agora-hub/runtime";
import { createSubgraphContext, type SubgraphContext, type SubgraphDefinition } from "../subgraph";
import type { Viewer } from "@agora-hub/runtime";
import { OPERATOR } from "@agora-hub/runtime";
import { hubPublicUrl } from "@agora-hub/runtime";
import { createSubgraphServer } from "../server/subgraph-server";
import { createTestDatabase, type TestDatabase } from "./test-database";

/** The result of one operation, as a client would see it. */
export interface OperationResult<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

/** A subgraph on its own fresh database, driven through GraphQL like the gateway drives it. */
export interface TestSubgraph<TLoaders, TSettings = unknown> {
  dataSource: DataSource;
  server: ApolloServer<SubgraphContext<TLoaders, TSettings>>;
  /** Counts every SQL statement the subgraph sends. */
  queries: QueryCounter;
  /** Runs an operation as `viewer` (the operator unless given). */
  execute: <TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { viewer?: Viewer },
  ) => Promise<OperationResult<TData>>;
  close: () => Promise<void>;
}

/**
 * Starts a subgraph for one test file: a new database, the real migrations, the real schema. Its peers are
 * not running, so references to other subgraphs' entities go unchecked (with a warning) unless `peers` says
 * where to check them; the whole hub (gateway/test/test-hub.ts) checks them for real. Settings and the hub's
 * URL are read from `env` (none: every default) as a running subgraph reads them from its environment.
 */
export async function startTestSubgraph<TLoaders, TSettings = unknown>(
  definition: SubgraphDefinition<TLoaders, TSettings>,
  options: { database?: TestDatabase; peers?: PeerSubgraphs; env?: NodeJS.ProcessEnv } = {},
): Promise<TestSubgraph<TLoaders, TSettings>> {
  const env = options.env ?? {};
  const settings = definition.readSettings?.(env) as TSettings;
  const hubUrl = hubPublicUrl(env);
  const database = options.database ?? (await createTestDatabase());
  const queries = new QueryCounter();
  const dataSource = await openSubgraphDatabase({
    url: database.url,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: 4,
    logger: queries,
  });
  const server = await createSubgraphServer(definition);
  await server.start();
  const peers = options.peers;
  return {
    dataSource,
    server,
    queries,
    execute: async <TData>(query: string, variables?: Record<string, unknown>, options: { viewer?: Viewer } = {}) => {
      const response = await server.executeOperation(
        { query, variables },
        { contextValue: createSubgraphContext(definition, dataSource, { viewer: options.viewer ?? OPERATOR, peers, hubUrl, settings }) },
      );
      if (response.body.kind !== "single") throw new Error("incremental delivery is not used by the hub");
      return response.body.singleResult as OperationResult<TData>;
    },
    close: async () => {
      await server.stop();
      await dataSource.destroy();
      if (!options.database) await database.drop();
    },
  };
}
