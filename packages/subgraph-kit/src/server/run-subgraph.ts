import { portSchema, portVariable, readEnv, sharedEnvShape } from "@agora-hub/runtime";
import { connectDatabase } from "@agora-hub/runtime";
import { openSubgraphDatabase } from "@agora-hub/runtime";
import { logger } from "@agora-hub/runtime";
import { type PeerSubgraphs, resolvePeerSubgraphs } from "../peers/peer-subgraphs";
import type { BackgroundTask } from "@agora-hub/runtime";
import { closeOnSignals } from "@agora-hub/runtime";
import type { SubgraphDefinition } from "../subgraph";
import { listenSubgraph, type RunningSubgraph, type SubgraphIngressOptions, type SubgraphServerOptions } from "./subgraph-server";
import type { DataSource, Logger as TypeOrmLogger } from "typeorm";

/** A subgraph serving HTTP on its own database schema. */
export interface StartedSubgraph extends RunningSubgraph {
  name: string;
  dataSource: DataSource;
}

/** Where background work reads its settings, and where the other core subgraphs are. */
interface PeerOptions {
  /** Settings of background tasks (erasure feed, webhooks) and SUBGRAPH_<NAME>_URL; `process.env` unless given. */
  env?: NodeJS.ProcessEnv;
  /** The actual GraphQL URLs of core subgraphs started before this one, by name (the hub's free ports); SUBGRAPH_<NAME>_URL still wins. */
  peerUrls?: Record<string, string>;
  /** Where peers are when nothing else says: the hub's committed routing table, by name. */
  peerDefaults?: Readonly<Record<string, string>>;
}

/** Starts the definition's background work. */
function startBackgroundTasks<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  dataSource: DataSource,
  options: { env?: NodeJS.ProcessEnv; peers: PeerSubgraphs } & SubgraphIngressOptions,
): BackgroundTask[] {
  const env = options.env ?? process.env;
  const tasks: BackgroundTask[] = [];
  try {
    const background = definition.startBackground?.({
      subgraph: definition.name,
      dataSource,
      env,
      peers: options.peers,
      partner: options.partner ?? false,
      subgraphSecret: options.subgraphSecret,
    });
    if (background) tasks.push(background);
    return tasks;
  } catch (error) {
    for (const task of tasks) void task.stop();
    throw error;
  }
}

/** Opens (and migrates) the subgraph's schema at `databaseUrl`, serves it on `port` and starts its background work. */
export async function startSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  options: { databaseUrl: string; port: number; host: string; poolSize: number; production: boolean; logger?: TypeOrmLogger } & SubgraphIngressOptions &
    SubgraphServerOptions &
    PeerOptions,
): Promise<StartedSubgraph> {
  // Resolved once, before anything opens: a bad SUBGRAPH_<NAME>_URL stops the start with a clear message.
  const peers = resolvePeerSubgraphs(options.env ?? process.env, { started: options.peerUrls, defaults: options.peerDefaults, secret: options.subgraphSecret });
  const dataSource = await openSubgraphDatabase({
    url: options.databaseUrl,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: options.poolSize,
    logger: options.logger,
  });
  try {
    const running = await listenSubgraph(definition, dataSource, { ...options, peers });
    let tasks: BackgroundTask[];
    try {
      tasks = startBackgroundTasks(definition, dataSource, { ...options, peers });
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
 * Entry point of a subgraph run alone: reads its environment, starts, and stops cleanly on signals.
 * A partner network's subgraph passes `{ partner: true }` (see `SubgraphIngressOptions`).
 */
export async function runSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  ingress: { partner?: boolean; peerDefaults?: Readonly<Record<string, string>> } & SubgraphServerOptions = {},
): Promise<void> {
  const env = readEnv(sharedEnvShape);
  const { port } = readEnv({ port: portSchema.default(definition.defaultPort) }, { port: process.env[portVariable(definition.name)] });
  const database = await connectDatabase(env);
  const subgraph = await startSubgraph(definition, {
    databaseUrl: database.url,
    port,
    host: env.HOST,
    poolSize: env.DB_POOL_SIZE,
    production: env.NODE_ENV === "production",
    subgraphSecret: env.AGORA_SUBGRAPH_SECRET,
    partner: ingress.partner,
    peerDefaults: ingress.peerDefaults,
    inlineTracing: ingress.inlineTracing,
  });
  logger.info({ subgraph: definition.name, url: subgraph.url }, "subgraph ready");
  closeOnSignals(async () => {
    await subgraph.stop();
    await database.stop();
  });
}
