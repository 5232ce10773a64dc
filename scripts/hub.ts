import { randomBytes } from "node:crypto";
import type { DataSource, Logger as TypeOrmLogger } from "typeorm";
import { readGatewayConfig } from "../gateway/config";
import { type RunningGateway, startGateway } from "../gateway/gateway-server";
import { CORE_SUBGRAPHS } from "../subgraphs/core-subgraphs";
import { hubPublicUrl } from "@agora-hub/runtime";
import { type AnySubgraphDefinition, logger, type SeedSizes, type StartedSubgraph, startSubgraph } from "@agora-hub/subgraph-kit";

/** The whole hub in one process: the core subgraphs and the gateway in front of them. */
export interface RunningHub {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: StartedSubgraph[];
  /** The secret the gateway signs core subgraph requests with (AGORA_SUBGRAPH_SECRET, or generated for this run). */
  subgraphSecret: string;
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

/** The tables a reset empties, per subgraph; subgraphs without tables (search) are left out. */
export function resetPlan(subgraphs: Array<{ definition: AnySubgraphDefinition; dataSource: DataSource }>): Array<{ subgraph: string; tables: string[] }> {
  return subgraphs
    .map(({ definition, dataSource }) => ({
      subgraph: definition.name,
      tables: dataSource.entityMetadatas.filter((metadata) => metadata.tableType !== "view").map((metadata) => `"${metadata.schema}"."${metadata.tableName}"`),
    }))
    .filter((entry) => entry.tables.length > 0);
}

/**
 * Deletes every record in the planned tables, all in one transaction on `dataSource` (the subgraphs share
 * one database): if any table cannot be emptied, no subgraph loses anything.
 */
export async function resetHub(dataSource: DataSource, plan: Array<{ subgraph: string; tables: string[] }>): Promise<void> {
  const tables = plan.flatMap((entry) => entry.tables);
  if (tables.length === 0) return;
  await dataSource.transaction(async (manager) => {
    await manager.query(`TRUNCATE ${tables.join(", ")} CASCADE`);
  });
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
 * the database is empty, then the gateway routed to the subgraphs' actual addresses. The gateway and
 * the subgraphs share AGORA_SUBGRAPH_SECRET, or a random one generated for this run when it is unset.
 * Each subgraph finds its peers at the actual addresses of those started before it (SUBGRAPH_<NAME>_URL
 * still wins), and links to the hub at AGORA_PUBLIC_URL, else at the gateway's port.
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
  const env = options.env ?? process.env;
  // Everything runs in this one process, so a fresh secret per run is all the subgraphs and the gateway need.
  const subgraphSecret = env.AGORA_SUBGRAPH_SECRET || randomBytes(32).toString("base64url");
  const hubUrl = hubPublicUrl({ ...env, GATEWAY_PORT: String(options.gatewayPort) });
  const subgraphs: StartedSubgraph[] = [];
  // Together, so their drains share the shutdown bound; the gateway, their only caller, has stopped by then.
  const stopAll = async () => {
    await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
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
          subgraphSecret,
          env,
          hubUrl,
          // Erasure followers read the people subgraph's feed there, writes check their references there, search fans out there.
          peerUrls: Object.fromEntries(subgraphs.map((subgraph) => [subgraph.name, subgraph.url])),
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
      ...env,
      AGORA_SUBGRAPH_SECRET: subgraphSecret,
      DATABASE_URL: options.databaseUrl,
      GATEWAY_PORT: String(options.gatewayPort),
      HOST: options.host,
    });
    const gateway = await startGateway({ ...config, subgraphUrls: { ...subgraphUrls, ...config.subgraphUrls } });
    return {
      gatewayUrl: gateway.url,
      gateway,
      subgraphs,
      subgraphSecret,
      // The gateway drains first, while the subgraphs its requests need still serve.
      stop: async () => {
        try {
          await gateway.stop();
        } finally {
          await stopAll();
        }
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
