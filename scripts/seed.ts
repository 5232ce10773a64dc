import "reflect-metadata";
import { parseArgs } from "node:util";
import { CORE_SUBGRAPHS } from "../subgraphs/core-subgraphs";
import type { DataSource } from "typeorm";
import { type AnySubgraphDefinition, logger, type SeedSizes } from "@agora-hub/subgraph-kit";
import { openSubgraphDatabase } from "@agora-hub/runtime";
import { readEnv } from "@agora-hub/runtime";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { connectDatabase } from "@agora-hub/runtime";
import { sharedEnvShape } from "@agora-hub/runtime";
import { isHubEmpty, resetHub, resetPlan, seedHub } from "./hub";

const USAGE = `Usage: npm run seed -- [--people N] [--organisations N] [--opportunities N] [--events N] [--resources N] [--reset | --if-empty]

Seeds the hub's database (DATABASE_URL, or the embedded one in .data/). Counts default to the demo set
(${Object.entries(DEMO_SIZES)
  .map(([kind, n]) => `${n} ${kind}`)
  .join(", ")}); records past the hand-written demo ones are synthetic.
The database must be empty unless --reset is given, which first deletes every record of the core subgraphs
(all or nothing: in one transaction, once every subgraph is connected and migrated); with --if-empty a
database that already holds records is left alone (exit 0).`;

function parseSizes(values: Record<string, string | boolean | undefined>): SeedSizes {
  const sizes = { ...DEMO_SIZES };
  for (const kind of Object.keys(sizes) as Array<keyof SeedSizes>) {
    const given = values[kind];
    if (given === undefined) continue;
    const count = Number(given);
    if (!Number.isInteger(count) || count < 0 || count > 5_000_000) throw new Error(`--${kind} must be a whole number from 0 to 5000000`);
    sizes[kind] = count;
  }
  return sizes;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        people: { type: "string" },
        organisations: { type: "string" },
        opportunities: { type: "string" },
        events: { type: "string" },
        resources: { type: "string" },
        reset: { type: "boolean", default: false },
        "if-empty": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) return console.log(USAGE);
  let sizes: SeedSizes;
  try {
    sizes = parseSizes(values);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }

  if (values.reset && values["if-empty"]) {
    console.error(`--reset and --if-empty contradict each other\n\n${USAGE}`);
    process.exit(2);
  }

  const env = readEnv(sharedEnvShape);
  const database = await connectDatabase(env);
  const subgraphs: Array<{ definition: AnySubgraphDefinition; dataSource: DataSource }> = [];
  try {
    // Every subgraph connected and migrated before anything is deleted.
    for (const definition of CORE_SUBGRAPHS) {
      const dataSource = await openSubgraphDatabase({
        url: database.url,
        schema: definition.name,
        entities: definition.entities,
        migrations: definition.migrations,
      });
      subgraphs.push({ definition, dataSource });
    }
    if (values.reset) {
      const tables = resetPlan(subgraphs);
      console.log(`Deleting every record of ${tables.map(({ subgraph, tables: names }) => `${subgraph} (${names.length} tables)`).join(", ")}.`);
      await resetHub(subgraphs[0].dataSource, tables);
    } else if (!(await isHubEmpty(subgraphs))) {
      if (values["if-empty"]) return console.log("The database already holds records; nothing to seed.");
      console.error("The database already holds records; nothing was written. Pass --reset to replace them.");
      process.exitCode = 1;
      return;
    }
    const started = Date.now();
    await seedHub(subgraphs, sizes);
    console.log(
      `Seeded ${Object.entries(sizes)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(", ")} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    for (const { dataSource } of subgraphs) await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "seeding failed");
  process.exit(1);
});
