import "@agora-hub/runtime/tracing-preload";
import "reflect-metadata";
import { assertPortsFree, closeOnSignals, connectDatabase, logger } from "@agora-hub/runtime";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit";
import { CORE_SUBGRAPHS } from "../subgraphs/core-subgraphs";
import { plannedPorts, readHubConfig } from "./hub-config";
import { buildCoreSchemas, startHub } from "./hub";

/**
 * `npm start`: the whole hub on one machine. Uses DATABASE_URL, or an embedded PostgreSQL keeping its
 * data in .data/, seeds demo data on first start, and stops everything (database included) on Ctrl-C.
 */
async function main(): Promise<void> {
  const config = readHubConfig(CORE_SUBGRAPHS, process.env);
  // At once, before PostgreSQL starts or anything migrates: a second hub in the same checkout fails here, naming the port.
  await assertPortsFree(plannedPorts(config), config.shared.HOST);
  const connecting = connectDatabase(config.shared);
  // Handled where awaited below; this only keeps a failure while the schemas build from counting as unhandled.
  connecting.catch(() => {});
  let schemas: Awaited<ReturnType<typeof buildCoreSchemas>>;
  try {
    // While PostgreSQL starts (the embedded one boots in a process of its own for a second or two).
    schemas = await buildCoreSchemas();
  } catch (error) {
    await connecting.then((database) => database.stop()).catch(() => {});
    throw error;
  }
  const database = await connecting;
  try {
    const hub = await startHub({
      schemas,
      databaseUrl: database.url,
      host: config.shared.HOST,
      poolSize: config.shared.DB_POOL_SIZE,
      production: config.shared.NODE_ENV === "production",
      ports: (definition) => config.subgraphPorts[definition.name],
      gatewayPort: config.gatewayPort,
      seed: config.seedDemo ? DEMO_SIZES : undefined,
      env: { ...process.env, AGORA_ADMIN_TOKEN: config.adminToken },
    });
    closeOnSignals(async () => {
      await hub.stop();
      await database.stop();
    });
    const database_ = database.embedded ? "embedded PostgreSQL (data in .data/postgres)" : "DATABASE_URL";
    const tokenLine = config.adminTokenGenerated ? `\n  Admin token:    ${config.adminToken}  (this run only; set AGORA_ADMIN_TOKEN to choose one)` : "";
    console.log(
      `\nAgora Hub is running on ${database_}.\n  Directory:      ${hub.gatewayUrl}\n  GraphQL:        ${hub.gatewayUrl}graphql (Apollo Sandbox in a browser)\n  Admin API:      ${hub.gatewayUrl}admin/${tokenLine}\nPress Ctrl-C to stop.\n`,
    );
  } catch (error) {
    await database.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  // The message alone, as the operator reads it: configuration and port problems say what to change.
  logger.fatal({ err: error }, `the hub failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
