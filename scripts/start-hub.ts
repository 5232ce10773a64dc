import "@agora-hub/runtime/tracing-preload";
import "reflect-metadata";
import "../gateway/config";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { logger } from "@agora-hub/subgraph-kit";
import { portSchema } from "@agora-hub/runtime";
import { closeOnSignals } from "@agora-hub/runtime";
import { readEnv } from "@agora-hub/runtime";
import { portVariable } from "@agora-hub/runtime";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { connectDatabase } from "@agora-hub/runtime";
import { sharedEnvShape } from "@agora-hub/runtime";
import { startHub } from "./hub";

/**
 * `npm start`: the whole hub on one machine. Uses DATABASE_URL, or an embedded PostgreSQL keeping its
 * data in .data/, seeds demo data on first start, and stops everything (database included) on Ctrl-C.
 */
async function main(): Promise<void> {
  const env = readEnv({ ...sharedEnvShape, GATEWAY_PORT: portSchema.default(4000), AGORA_SEED_DEMO: z.enum(["0", "1"]).default("1") });
  // A local hub gets a fresh operator token each run so the admin API works out of the box.
  const generatedToken = !process.env.AGORA_ADMIN_TOKEN && env.NODE_ENV !== "production" ? randomBytes(24).toString("base64url") : undefined;
  const adminToken = process.env.AGORA_ADMIN_TOKEN ?? generatedToken;
  const database = await connectDatabase(env);
  try {
    const hub = await startHub({
      databaseUrl: database.url,
      host: env.HOST,
      poolSize: env.DB_POOL_SIZE,
      production: env.NODE_ENV === "production",
      ports: (definition) => readEnv({ port: portSchema.default(definition.defaultPort) }, { port: process.env[portVariable(definition.name)] }).port,
      gatewayPort: env.GATEWAY_PORT,
      seed: env.AGORA_SEED_DEMO === "1" ? DEMO_SIZES : undefined,
      env: { ...process.env, AGORA_ADMIN_TOKEN: adminToken },
    });
    closeOnSignals(async () => {
      await hub.stop();
      await database.stop();
    });
    const database_ = database.embedded ? "embedded PostgreSQL (data in .data/postgres)" : "DATABASE_URL";
    const tokenLine = generatedToken ? `\n  Admin token:    ${generatedToken}  (this run only; set AGORA_ADMIN_TOKEN to choose one)` : "";
    console.log(`\nAgora Hub is running on ${database_}.\n  Apollo Sandbox: ${hub.gatewayUrl}\n  GraphQL:        ${hub.gatewayUrl}graphql\n  Admin API:      ${hub.gatewayUrl}admin/${tokenLine}\nPress Ctrl-C to stop.\n`);
  } catch (error) {
    await database.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "the hub failed to start");
  process.exit(1);
});
