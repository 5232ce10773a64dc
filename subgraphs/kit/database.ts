import { DataSource, type Logger as TypeOrmLogger, type MixedList } from "typeorm";
import { SnakeNamingStrategy } from "typeorm-naming-strategies";
import { Client } from "pg";

/** What a subgraph needs to open its own PostgreSQL schema. */
export interface SubgraphDatabaseOptions {
  /** PostgreSQL connection URL; the subgraph keeps all its tables in the schema named `schema`. */
  url: string;
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  /** Connection pool size (default 10). */
  poolSize?: number;
  /** Receives every SQL statement; tests use it to count queries. */
  logger?: TypeOrmLogger;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Creates (without connecting) the TypeORM DataSource of one subgraph: its own schema first on the
 * search path, snake_case names, migrations as the schema of record and never `synchronize`.
 */
export function createSubgraphDataSource(options: SubgraphDatabaseOptions): DataSource {
  if (!SCHEMA_NAME.test(options.schema)) throw new Error(`Invalid PostgreSQL schema name: ${options.schema}`);
  return new DataSource({
    type: "postgres",
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "migrations",
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: `agora-${options.schema}`,
    logger: options.logger,
    logging: options.logger ? "all" : false,
    extra: { max: options.poolSize ?? 10, options: `-c search_path=${options.schema},public` },
  });
}

/**
 * Connects a subgraph's DataSource and brings its schema up to date. An advisory lock serialises
 * replicas that start together, so each migration runs once.
 */
export async function openSubgraphDatabase(options: SubgraphDatabaseOptions): Promise<DataSource> {
  const dataSource = createSubgraphDataSource(options);
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query("SELECT pg_advisory_lock(hashtext($1))", [`agora-migrations-${options.schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await dataSource.runMigrations({ transaction: "each" });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  } finally {
    if (dataSource.isInitialized) {
      await runner.query("SELECT pg_advisory_unlock(hashtext($1))", [`agora-migrations-${options.schema}`]);
      await runner.release();
    }
  }
  return dataSource;
}

/** Creates a database on the server at `serverUrl` unless it exists. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
