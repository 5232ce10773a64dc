import "@agora-hub/runtime/tracing-preload";
import "reflect-metadata";
import path from "node:path";
import { assertPortsFree, closeOnSignals, connectDatabase, logger } from "@agora-hub/runtime";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit";
import { CORE_SUBGRAPHS } from "../subgraphs/core-subgraphs";
import { type HubConfig, plannedPorts, readHubConfig } from "./hub-config";
import { buildCoreSchemas, startHub } from "./hub";
import { type MailCatcher, startMailCatcher } from "./mail-catcher";

/**
 * `npm start`: the whole hub on one machine. Uses DATABASE_URL, or an embedded PostgreSQL keeping its
 * data in .data/, seeds demo data on first start, and stops everything (database included) on Ctrl-C.
 * Without SMTP_URL (outside production) the e-mail goes to a mail catcher writing it to .data/mail/.
 */
async function main(): Promise<void> {
  const config = readHubConfig(CORE_SUBGRAPHS, process.env);
  // At once, before PostgreSQL starts or anything migrates: a second hub in the same checkout fails here, naming the port.
  await assertPortsFree(plannedPorts(config), config.shared.HOST);
  const production = config.shared.NODE_ENV === "production";
  // Never in production: a catcher there would swallow real people's mail; without SMTP_URL the alerts send none.
  const mail = config.smtpUrl || production ? undefined : await startMailCatcher({ directory: path.join(config.shared.AGORA_DATA_DIR, "mail") });
  try {
    await run(config, production, mail);
  } catch (error) {
    await mail?.stop().catch(() => {});
    throw error;
  }
}

/** Starts the database and the hub, and stops both, and `mail`, on Ctrl-C. */
async function run(config: HubConfig, production: boolean, mail: MailCatcher | undefined): Promise<void> {
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
      production,
      ports: (definition) => config.subgraphPorts[definition.name],
      gatewayPort: config.gatewayPort,
      seed: config.seedDemo ? DEMO_SIZES : undefined,
      env: { ...process.env, AGORA_ADMIN_TOKEN: config.adminToken, ...(mail ? { SMTP_URL: mail.smtpUrl } : {}) },
    });
    closeOnSignals(async () => {
      await hub.stop();
      await Promise.all([database.stop(), mail?.stop()]);
    });
    const database_ = database.embedded ? "embedded PostgreSQL (data in .data/postgres)" : "DATABASE_URL";
    const tokenLine = config.adminTokenGenerated ? `\n  Admin token:    ${config.adminToken}  (this run only; set AGORA_ADMIN_TOKEN to choose one)` : "";
    console.log(
      `\nAgora Hub is running on ${database_}.\n  Directory:      ${hub.gatewayUrl}\n  GraphQL:        ${hub.gatewayUrl}graphql (Apollo Sandbox in a browser)\n  Admin API:      ${hub.gatewayUrl}admin/${tokenLine}\n  Mail:           ${mailLine(config, mail)}\nPress Ctrl-C to stop.\n`,
    );
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/** Where the hub's e-mail goes, for the banner; never SMTP_URL itself, which may hold a password. */
function mailLine(config: HubConfig, mail: MailCatcher | undefined): string {
  if (config.smtpUrl) return "via SMTP_URL";
  if (!mail) return "not sent (set SMTP_URL)";
  const relative = path.relative(process.cwd(), mail.directory);
  const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : mail.directory;
  return `${shown}${path.sep} (development mail catcher at ${mail.smtpUrl}; set SMTP_URL to send real mail)`;
}

main().catch((error: unknown) => {
  // The message alone, as the operator reads it: configuration and port problems say what to change.
  logger.fatal({ err: error }, `the hub failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
