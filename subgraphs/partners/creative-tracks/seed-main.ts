import "reflect-metadata";
import type { DataSource } from "typeorm";
import { logger } from "@agora-hub/subgraph-kit";
import { openSubgraphDatabase } from "@agora-hub/runtime";
import { readEnv } from "@agora-hub/runtime";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { connectDatabase } from "@agora-hub/runtime";
import { sharedEnvShape } from "@agora-hub/runtime";
import { creativeTracksSubgraph } from "./creative-tracks.subgraph";
import { seedCreativeTracks } from "./demo/creative-tracks.seed";

/** True when none of the subgraph's tables holds a row yet. */
async function isEmpty(dataSource: DataSource): Promise<boolean> {
  for (const entity of creativeTracksSubgraph.entities) {
    if (await dataSource.getRepository(entity).exists()) return false;
  }
  return true;
}

/**
 * Seeds the Creative Tracks demo into its own schema (`creative_tracks`) of the hub's database:
 * DATABASE_URL, or the embedded PostgreSQL under AGORA_DATA_DIR. A database with records is left alone.
 */
async function main(): Promise<void> {
  const env = readEnv(sharedEnvShape);
  const database = await connectDatabase(env);
  try {
    const dataSource = await openSubgraphDatabase({
      url: database.url,
      schema: creativeTracksSubgraph.name,
      entities: creativeTracksSubgraph.entities,
      migrations: creativeTracksSubgraph.migrations,
    });
    try {
      if (!(await isEmpty(dataSource))) {
        logger.info({ subgraph: creativeTracksSubgraph.name }, "already holds records; nothing to seed");
        return;
      }
      const started = Date.now();
      await seedCreativeTracks(dataSource, DEMO_SIZES);
      logger.info({ subgraph: creativeTracksSubgraph.name, ms: Date.now() - started }, "seeded the Creative Tracks demo");
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "creative_tracks seed failed");
  process.exit(1);
});
