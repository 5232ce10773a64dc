import { z } from "zod";
import { assertPortsFree, createHubTokenSigner, emptyAsUnset, hubPublicUrl, portSchema, portVariable, readEnv, sharedEnvShape } from "@agora-hub/runtime";
import { connectDatabase } from "@agora-hub/runtime";
import { openSubgraphDatabase } from "@agora-hub/runtime";
import { logger } from "@agora-hub/runtime";
import { type PeerSubgraphs, resolvePeerSubgraphs } from "../peers/peer-subgraphs";
import type { BackgroundTask, ServerMetrics } from "@agora-hub/runtime";
import { closeOnSignals } from "@agora-hub/runtime";
import type { SeedSizes, SubgraphDefinition } from "../subgraph";
import { listenSubgraph, type RunningSubgraph, type SubgraphIngressOptions, type SubgraphServerOptions } from "./subgraph-server";
import type { DataSource, Logger as TypeOrmLogger } from "typeorm";

/** A subgraph serving HTTP on its own database schema. */
export interface StartedSubgraph extends RunningSubgraph {
  name: string;
  dataSource: DataSource;
}

/** What a subgraph's process tells it besides its database and port. */
interface ProcessOptions {
  /**
   * The process's environment: the definition's `readSettings`, background work (erasure feed, webhooks),
   * SUBGRAPH_<NAME>_URL of its peers and REFERENCE_CHECK_TIMEOUT_MS; `process.env` unless given.
   */
  env?: NodeJS.ProcessEnv;
  /**
   * Where its peers are, by name, when SUBGRAPH_<NAME>_URL does not say: a core subgraph's process gives the
   * routing table (`subgraphs/core-routes.ts`), the one-process hub the actual URLs of the subgraphs it started.
   */
  peerUrls?: Readonly<Record<string, string>>;
  /** The hub's public base URL for the context's `hubUrl`; `hubPublicUrl(env)` unless given. */
  hubUrl?: string;
  /** METRICS_TOKEN guarding /metrics; read from `env` unless given. */
  metricsToken?: string;
}

/** Starts the definition's background work. */
function startBackgroundTasks<TLoaders, TSettings>(
  definition: SubgraphDefinition<TLoaders, TSettings>,
  dataSource: DataSource,
  options: { env: NodeJS.ProcessEnv; peers: PeerSubgraphs; settings: TSettings; hubUrl: string; metrics: ServerMetrics["registry"] } & SubgraphIngressOptions,
): BackgroundTask[] {
  const tasks: BackgroundTask[] = [];
  try {
    const background = definition.startBackground?.({
      subgraph: definition.name,
      settings: options.settings,
      dataSource,
      env: options.env,
      peers: options.peers,
      partner: options.partner ?? false,
      hubUrl: options.hubUrl,
      metrics: options.metrics,
    });
    if (background) tasks.push(background);
    return tasks;
  } catch (error) {
    for (const task of tasks) void task.stop();
    throw error;
  }
}

/** Opens (and migrates) the subgraph's schema at `databaseUrl`, serves it on `port` and starts its background work. */
export async function startSubgraph<TLoaders, TSettings>(
  definition: SubgraphDefinition<TLoaders, TSettings>,
  options: { databaseUrl: string; port: number; host: string; poolSize: number; production: boolean; logger?: TypeOrmLogger } & SubgraphIngressOptions &
    SubgraphServerOptions &
    ProcessOptions,
): Promise<StartedSubgraph> {
  const env = options.env ?? process.env;
  // Read once, before anything opens: a bad or missing setting stops the start naming its variable.
  const peers = resolvePeerSubgraphs(env, {
    peers: definition.peers,
    known: options.peerUrls,
    signer: options.partner ? undefined : options.signer,
    subgraph: definition.name,
  });
  const settings = definition.readSettings?.(env) as TSettings;
  const hubUrl = options.hubUrl ?? hubPublicUrl(env);
  const metricsToken = options.metricsToken ?? readEnv({ METRICS_TOKEN: sharedEnvShape.METRICS_TOKEN }, env).METRICS_TOKEN;
  const dataSource = await openSubgraphDatabase({
    url: options.databaseUrl,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: options.poolSize,
    logger: options.logger,
  });
  try {
    const running = await listenSubgraph(definition, dataSource, { ...options, peers, hubUrl, settings, metricsToken });
    let tasks: BackgroundTask[];
    try {
      tasks = startBackgroundTasks(definition, dataSource, { ...options, env, peers, settings, hubUrl, metrics: running.metrics });
    } catch (error) {
      await running.stop();
      throw error;
    }
    let stopping: Promise<void> | undefined;
    return {
      ...running,
      name: definition.name,
      dataSource,
      // Idempotent: a test may stop a subgraph to simulate an outage and again when cleaning up.
      stop: () =>
        (stopping ??= (async () => {
          await Promise.all(tasks.map((task) => task.stop()));
          await running.stop();
          await dataSource.destroy();
        })()),
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/**
 * Entry point of a subgraph run alone: reads its environment once (shared settings, `<NAME>_PORT`, the hub's
 * public URL), checks its port is free before starting PostgreSQL or migrating, starts, and stops cleanly on
 * signals. A partner network's subgraph passes `{ partner: true }` (see `SubgraphIngressOptions`); a core
 * subgraph passes where its peers are by default (`peerUrls`). The hub's tokens are checked with AGORA_JWKS_URL
 * (else, for a core subgraph, with AGORA_SIGNING_KEYS' public keys), for the audience AGORA_TOKEN_AUDIENCE
 * (default: the definition's name) and the issuer AGORA_TOKEN_ISSUER.
 */
export async function runSubgraph<TLoaders, TSettings>(
  definition: SubgraphDefinition<TLoaders, TSettings>,
  ingress: { partner?: boolean; peerUrls?: Readonly<Record<string, string>> } & SubgraphServerOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const shared = readEnv(sharedEnvShape, env);
  const identity = readEnv(
    {
      AGORA_JWKS_URL: z.preprocess(
        emptyAsUnset,
        z
          .string()
          .regex(/^https?:\/\//, "must be an http(s) URL")
          .optional(),
      ),
      AGORA_TOKEN_AUDIENCE: z.preprocess(
        emptyAsUnset,
        z
          .string()
          .regex(/^[a-z0-9_-]{2,63}$/, "must be the subgraph's name at the hub")
          .optional(),
      ),
    },
    env,
  );
  const variable = portVariable(definition.name);
  const port = readEnv({ [variable]: portSchema.default(definition.defaultPort) }, env)[variable];
  await assertPortsFree([{ port, variable }], shared.HOST);
  const database = await connectDatabase(shared);
  try {
    const subgraph = await startSubgraph(definition, {
      databaseUrl: database.url,
      port,
      host: shared.HOST,
      poolSize: shared.DB_POOL_SIZE,
      production: shared.NODE_ENV === "production",
      hubKeys: identity.AGORA_JWKS_URL ? { jwksUrl: identity.AGORA_JWKS_URL } : undefined,
      audience: identity.AGORA_TOKEN_AUDIENCE,
      issuer: shared.AGORA_TOKEN_ISSUER,
      // Given to a partner's subgraph, the key set makes it refuse to start (see SubgraphIngressOptions.signer).
      signer: shared.AGORA_SIGNING_KEYS ? createHubTokenSigner({ keys: shared.AGORA_SIGNING_KEYS, issuer: shared.AGORA_TOKEN_ISSUER }) : undefined,
      metricsToken: shared.METRICS_TOKEN,
      partner: ingress.partner,
      peerUrls: ingress.peerUrls,
      inlineTracing: ingress.inlineTracing,
      env,
    });
    logger.info({ subgraph: definition.name, url: subgraph.url }, "subgraph ready");
    closeOnSignals(async () => {
      await subgraph.stop();
      await database.stop();
    });
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/** True when none of the subgraph's tables holds a row (a seed writes only into an empty subgraph). */
export async function isSubgraphEmpty(definition: { entities: SubgraphDefinition<unknown>["entities"] }, dataSource: DataSource): Promise<boolean> {
  for (const entity of definition.entities) {
    if (await dataSource.getRepository(entity).exists()) return false;
  }
  return true;
}

/**
 * Entry point of a subgraph's seed script: opens the subgraph's schema (DATABASE_URL, else the embedded
 * PostgreSQL under AGORA_DATA_DIR), migrates it and, when none of its tables holds a row, writes the
 * definition's `seed`. A schema with records is left alone. Returns whether it seeded.
 */
export async function seedSubgraph<TLoaders, TSettings>(
  definition: SubgraphDefinition<TLoaders, TSettings>,
  sizes: SeedSizes,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  if (!definition.seed) throw new Error(`the ${definition.name} subgraph has no seed`);
  const shared = readEnv(sharedEnvShape, env);
  const database = await connectDatabase(shared);
  try {
    const dataSource = await openSubgraphDatabase({
      url: database.url,
      schema: definition.name,
      entities: definition.entities,
      migrations: definition.migrations,
    });
    try {
      if (!(await isSubgraphEmpty(definition, dataSource))) {
        logger.info({ subgraph: definition.name }, "already holds records; nothing to seed");
        return false;
      }
      const started = Date.now();
      await definition.seed(dataSource, sizes);
      logger.info({ subgraph: definition.name, ms: Date.now() - started }, "seeded");
      return true;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}
