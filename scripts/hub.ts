import type { DataSource, Logger as TypeOrmLogger } from "typeorm";
import { readGatewayConfig } from "../gateway/config";
import { type RunningGateway, startGateway } from "../gateway/gateway-server";
import { CORE_SUBGRAPHS } from "../subgraphs/core-subgraphs";
import { type AnySubgraphDefinition, logger, type SeedSizes, type StartedSubgraph, startSubgraph } from "../subgraphs/kit";

/** The whole hub in one process: the core subgraphs and the gateway in front of them. */
export interface RunningHub {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: StartedSubgraph[];
  stop: () => Promise<void>;
}

/** True when no core subgraph holds any record yet. */
export async function isHubEmpty(subgraphs: Array<{ definition: AnySubgraphDefinition; dataSource: DataSource }>): Promise<boolean> {
  for (const { definition, dataSource } of subgraphs) {
    for (const entity of definition.entities) {
      if (await dataSource.getRepository(entity).exists()) return false;
    }
  }
  return true;
}

/** Seeds every core subgraph, each into its own schema. */
export async function seedHub(subgraphs: Array<{ definition: AnySubgraphDefinition; dataSource: DataSource }>, sizes: SeedSizes): Promise<void> {
  for (const { definition, dataSource } of subgraphs) {
    const started = Date.now();
    await definition.seed?.(dataSource, sizes);
    logger.info({ subgraph: definition.name, ms: Date.now() - started }, "seeded");
  }
}

/**
 * Starts every core subgraph on `databaseUrl` (migrating each schema), seeds the demo data when
 * the database is empty, then the gateway routed to the subgraphs' actual addresses.
 */
export async function startHub(options: {
  databaseUrl: string;
  host: string;
  poolSize: number;
  production: boolean;
  /** Port per subgraph name; 0 picks a free one. */
  ports: (definition: AnySubgraphDefinition) => number;
  gatewayPort: number;
  seed?: SeedSizes;
  env?: NodeJS.ProcessEnv;
  /** Receives every SQL statement of every subgraph (tests count them). */
  sqlLogger?: TypeOrmLogger;
}): Promise<RunningHub> {
  const subgraphs: StartedSubgraph[] = [];
  const stopAll = async () => {
    for (const subgraph of subgraphs.reverse()) await subgraph.stop();
  };
  try {
    for (const definition of CORE_SUBGRAPHS) {
      subgraphs.push(
        await startSubgraph(definition, {
          databaseUrl: options.databaseUrl,
          port: options.ports(definition),
          host: options.host,
          poolSize: options.poolSize,
          production: options.production,
          logger: options.sqlLogger,
        }),
      );
    }
    const pairs = CORE_SUBGRAPHS.map((definition, index) => ({ definition, dataSource: subgraphs[index].dataSource }));
    if (options.seed && (await isHubEmpty(pairs))) {
      logger.info("empty database: seeding demo data");
      await seedHub(pairs, options.seed);
    }
    const subgraphUrls = Object.fromEntries(CORE_SUBGRAPHS.map((definition, index) => [definition.name, subgraphs[index].url]));
    const config = readGatewayConfig({
      ...(options.env ?? process.env),
      DATABASE_URL: options.databaseUrl,
      GATEWAY_PORT: String(options.gatewayPort),
      HOST: options.host,
    });
    const gateway = await startGateway({ ...config, subgraphUrls: { ...subgraphUrls, ...config.subgraphUrls } });
    return {
      gatewayUrl: gateway.url,
      gateway,
      subgraphs,
      stop: async () => {
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
