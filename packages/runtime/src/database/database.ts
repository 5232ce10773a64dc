import { DataSource, MigrationExecutor, type Logger as TypeOrmLogger, type MixedList } from "typeorm";
import { SnakeNamingStrategy } from "typeorm-naming-strategies";
import { Client } from "pg";
import type { Logger } from "pino";
import { readEnv, sharedEnvShape } from "../config";
import { logger as processLogger } from "../logger";
import { fastTypeParsers } from "./type-parsers";
import { ensureWriteAnnouncements } from "./write-announcements";

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
  /** Longest a statement or an idle transaction may last, 0 for no limit (default DB_STATEMENT_TIMEOUT_MS, 5000). */
  statementTimeoutMs?: number;
  /** Longest wait for a new connection (default DB_CONNECT_TIMEOUT_MS, 5000). */
  connectTimeoutMs?: number;
  /** Receives every SQL statement; tests use it to count queries. */
  logger?: TypeOrmLogger;
  /** Where pool errors (a lost idle connection) are logged; the process logger unless given. */
  log?: Logger;
}

/**
 * The part of a pool error worth a log line. pg-pool hangs the whole client on the error (`err.client`),
 * which pino would serialise in full (kilobytes of sockets and config, the connection string included).
 */
export function describePoolError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, errno, severity } = error as Error & { code?: unknown; errno?: unknown; severity?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(code !== undefined && { code }),
    ...(errno !== undefined && { errno }),
    ...(severity !== undefined && { severity }),
  };
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Creates (without connecting) the TypeORM DataSource of one subgraph: its own schema first on the
 * search path, snake_case names, migrations as the schema of record and never `synchronize`.
 */
export function createSubgraphDataSource(options: SubgraphDatabaseOptions): DataSource {
  if (!SCHEMA_NAME.test(options.schema)) throw new Error(`Invalid PostgreSQL schema name: ${options.schema}`);
  const defaults = readEnv({ DB_STATEMENT_TIMEOUT_MS: sharedEnvShape.DB_STATEMENT_TIMEOUT_MS, DB_CONNECT_TIMEOUT_MS: sharedEnvShape.DB_CONNECT_TIMEOUT_MS });
  const statementTimeout = options.statementTimeoutMs ?? defaults.DB_STATEMENT_TIMEOUT_MS;
  // A runaway query or a transaction left open cannot hold a connection (and its locks) for long.
  const timeouts = statementTimeout > 0 ? ` -c statement_timeout=${statementTimeout} -c idle_in_transaction_session_timeout=${statementTimeout}` : "";
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
    connectTimeoutMS: options.connectTimeoutMs ?? defaults.DB_CONNECT_TIMEOUT_MS,
    // An idle connection the server drops (restart, failover, pg_terminate_backend) must not crash the process;
    // the pool discards it and opens a new one on the next query.
    poolErrorHandler: (error: unknown) =>
      (options.log ?? processLogger).warn({ err: describePoolError(error), schema: options.schema }, "idle database connection lost"),
    // pg's parsers with fast paths for the text[] and timestamptz values every page of rows carries.
    extra: { max: options.poolSize ?? 10, options: `-c search_path=${options.schema},public${timeouts}`, types: fastTypeParsers },
  });
}

/**
 * Connects a subgraph's DataSource and brings its schema up to date: its migrations, then the triggers
 * announcing its writes (see `ensureWriteAnnouncements`). An advisory lock serialises replicas that start
 * together, so each migration runs once.
 */
export async function openSubgraphDatabase(options: SubgraphDatabaseOptions): Promise<DataSource> {
  const dataSource = createSubgraphDataSource(options);
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query("SELECT pg_advisory_lock(hashtext($1))", [`agora-migrations-${options.schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    // Migrations (index builds on big tables) may outlast the statement timeout: they run on this connection, without it.
    await runner.query("SET statement_timeout = 0");
    const migrations = new MigrationExecutor(dataSource, runner);
    migrations.transaction = "each";
    await migrations.executePendingMigrations();
    await ensureWriteAnnouncements(runner, options.schema);
    await runner.query("RESET statement_timeout");
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
