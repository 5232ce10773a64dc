/** A test subgraph whose queries sleep in PostgreSQL, for the hub's cancellation and overload tests. */
import { Client } from "pg";
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { DataSource } from "typeorm";
import { openSubgraphDatabase } from "@agora-hub/runtime";
import { pollUntil } from "@agora-hub/subgraph-kit/testing";
import { listenSubgraph, type RunningSubgraph, type SubgraphContext, type SubgraphDefinition } from "@agora-hub/subgraph-kit";

const TAG = /^[a-z0-9]{1,32}$/;

/** The SQL comment that marks a nap's statement in pg_stat_activity. */
export function napMarker(tag: string): string {
  return `agora-nap-${tag}`;
}

@Resolver()
class NapResolver {
  @Query(() => Int, { description: "Sleeps 30 s in PostgreSQL; the statement carries `tag` so a test can find it." })
  async sleepersNap(@Arg("tag") tag: string, @Ctx() context: SubgraphContext): Promise<number> {
    if (!TAG.test(tag)) throw new Error("tag: 1 to 32 lower-case letters or digits");
    await context.dataSource.query(`SELECT pg_sleep(30) /* ${napMarker(tag)} */`);
    return 30;
  }

  @Query(() => Int, { description: "Answers 1 from PostgreSQL at once." })
  async sleepersAwake(@Ctx() context: SubgraphContext): Promise<number> {
    const [row] = (await context.dataSource.query("SELECT 1 AS one")) as Array<{ one: number }>;
    return row.one;
  }
}

/** A subgraph (for cancellation tests only) whose one query runs a 30-second statement. */
export const sleepersSubgraph: SubgraphDefinition<Record<string, never>> = {
  name: "sleepers",
  defaultPort: 0,
  resolvers: [NapResolver],
  referenceResolvers: {},
  entities: [],
  migrations: [],
  createLoaders: () => ({}),
};

/** The sleepers subgraph served by the kit's own server, as a partner (unsigned), without a statement timeout that would end naps first. */
export async function startSleepersSubgraph(
  databaseUrl: string,
  poolSize = 2,
): Promise<RunningSubgraph & { dataSource: DataSource; close: () => Promise<void> }> {
  const dataSource = await openSubgraphDatabase({ url: databaseUrl, schema: "sleepers", entities: [], migrations: [], poolSize, statementTimeoutMs: 120_000 });
  const running = await listenSubgraph(sleepersSubgraph, dataSource, { port: 0, host: "127.0.0.1", partner: true });
  return {
    ...running,
    dataSource,
    close: async () => {
      await running.stop();
      await dataSource.destroy();
    },
  };
}

/** How many statements marked with `tag` are running now. */
export async function runningNaps(databaseUrl: string, tag: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND position($1 in query) > 0",
      [napMarker(tag)],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** Polls until `count` naps tagged `tag` are running (within `timeoutMs`); returns how many were at the end. */
export function waitForNaps(databaseUrl: string, tag: string, count: number, timeoutMs = 15_000): Promise<number> {
  return pollUntil(
    () => runningNaps(databaseUrl, tag),
    (running) => running === count,
    timeoutMs,
  );
}
