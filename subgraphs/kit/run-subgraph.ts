import { portSchema, portVariable, readEnv, sharedEnvShape } from "./config";
import { connectDatabase } from "./connect-database";
import { openSubgraphDatabase } from "./database";
import { logger } from "./logger";
import { closeOnSignals } from "./shutdown";
import type { SubgraphDefinition } from "./subgraph";
import { listenSubgraph, type RunningSubgraph } from "./subgraph-server";
import type { DataSource, Logger as TypeOrmLogger } from "typeorm";

/** A subgraph serving HTTP on its own database schema. */
export interface StartedSubgraph extends RunningSubgraph {
  name: string;
  dataSource: DataSource;
}

/** Opens (and migrates) the subgraph's schema at `databaseUrl` and serves it on `port`. */
export async function startSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  options: { databaseUrl: string; port: number; host: string; poolSize: number; production: boolean; logger?: TypeOrmLogger },
): Promise<StartedSubgraph> {
  const dataSource = await openSubgraphDatabase({
    url: options.databaseUrl,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: options.poolSize,
    logger: options.logger,
  });
  try {
    const running = await listenSubgraph(definition, dataSource, options);
    let stopping: Promise<void> | undefined;
    return {
      ...running,
      name: definition.name,
      dataSource,
      // Idempotent: a test may stop a subgraph to simulate an outage and again when cleaning up.
      stop: () =>
        (stopping ??= (async () => {
          await running.stop();
          await dataSource.destroy();
        })()),
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/** Entry point of a subgraph run alone: reads its environment, starts, and stops cleanly on signals. */
export async function runSubgraph<TLoaders>(definition: SubgraphDefinition<TLoaders>): Promise<void> {
  const env = readEnv(sharedEnvShape);
  const { port } = readEnv({ port: portSchema.default(definition.defaultPort) }, { port: process.env[portVariable(definition.name)] });
  const database = await connectDatabase(env);
  const subgraph = await startSubgraph(definition, {
    databaseUrl: database.url,
    port,
    host: env.HOST,
    poolSize: env.DB_POOL_SIZE,
    production: env.NODE_ENV === "production",
  });
  logger.info({ subgraph: definition.name, url: subgraph.url }, "subgraph ready");
  closeOnSignals(async () => {
    await subgraph.stop();
    await database.stop();
  });
}
