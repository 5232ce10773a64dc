import type { GraphQLSchema } from "graphql";
import type { DataSource, Logger as TypeOrmLogger } from "typeorm";
import { readGatewayConfig } from "../gateway/config";
import { type RunningGateway, startGateway } from "../gateway/gateway-server";
import { CORE_SUBGRAPHS } from "../subgraphs/core-subgraphs";
import { hubPublicUrl } from "@agora-hub/runtime";
import {
  type AnySubgraphDefinition,
  buildSubgraphSchema,
  isSubgraphEmpty,
  logger,
  type SeedSizes,
  type StartedSubgraph,
  startSubgraph,
} from "@agora-hub/subgraph-kit";
import { createHubTokenSigner, type HubTokenSigner, readEnv, rotateSigningKeys, sharedEnvShape } from "@agora-hub/runtime";
import { assertProductionSecrets } from "../gateway/protection/production-checks";

/** The whole hub in one process: the core subgraphs and the gateway in front of them. */
export interface RunningHub {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: StartedSubgraph[];
  /** The hub's key set, shared by the gateway and the core subgraphs (AGORA_SIGNING_KEYS, or generated for this run). */
  signer: HubTokenSigner;
  stop: () => Promise<void>;
}

/** True when no core subgraph holds any record yet. */
export async function isHubEmpty(subgraphs: Array<{ definition: AnySubgraphDefinition; dataSource: DataSource }>): Promise<boolean> {
  for (const { definition, dataSource } of subgraphs) {
    if (!(await isSubgraphEmpty(definition, dataSource))) return false;
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
 * Builds the core subgraphs' schemas (seconds of CPU), letting pending I/O run between them, so that work
 * started before (the embedded PostgreSQL booting in a process of its own) goes on meanwhile.
 */
export async function buildCoreSchemas(): Promise<Map<string, GraphQLSchema>> {
  const schemas = new Map<string, GraphQLSchema>();
  for (const definition of CORE_SUBGRAPHS) {
    await new Promise((resolve) => setImmediate(resolve));
    schemas.set(definition.name, await buildSubgraphSchema(definition));
  }
  return schemas;
}

/**
 * Starts every core subgraph on `databaseUrl` (migrating each schema), seeds the demo data when
 * the database is empty, then the gateway routed to the subgraphs' actual addresses. The gateway and
 * the subgraphs share the hub's key set: AGORA_SIGNING_KEYS, or a key generated for this run when it is unset.
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
  /** Subgraph schemas built ahead (`buildCoreSchemas`), by subgraph name; the others are built as each subgraph starts. */
  schemas?: ReadonlyMap<string, GraphQLSchema>;
}): Promise<RunningHub> {
  const env = options.env ?? process.env;
  // Before anything starts: production needs its configured keys (and the admin token), never generated ones.
  assertProductionSecrets(env);
  // Everything runs in this one process, so outside production a fresh key per run is all the hub needs.
  const identity = readEnv({ AGORA_SIGNING_KEYS: sharedEnvShape.AGORA_SIGNING_KEYS, AGORA_TOKEN_ISSUER: sharedEnvShape.AGORA_TOKEN_ISSUER }, env);
  const signingKeys = identity.AGORA_SIGNING_KEYS ?? JSON.stringify(rotateSigningKeys());
  const signer = createHubTokenSigner({ keys: signingKeys, issuer: identity.AGORA_TOKEN_ISSUER });
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
          schema: options.schemas?.get(definition.name),
          // The hub's own subgraphs verify with the key set itself and sign their calls to peers with it.
          signer,
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
      AGORA_SIGNING_KEYS: signingKeys,
      DATABASE_URL: options.databaseUrl,
      GATEWAY_PORT: String(options.gatewayPort),
      HOST: options.host,
    });
    const gateway = await startGateway({ ...config, subgraphUrls: { ...subgraphUrls, ...config.subgraphUrls } });
    return {
      gatewayUrl: gateway.url,
      gateway,
      subgraphs,
      signer,
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
