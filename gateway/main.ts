import "@agora-hub/runtime/tracing-preload";
import cluster from "node:cluster";
import { assertPortsFree, closeOnSignals, logger } from "@agora-hub/runtime";
import { superviseGatewayWorkers } from "./cluster";
import { readGatewayConfig } from "./config";
import { startGateway } from "./gateway-server";

async function main(): Promise<void> {
  // Read (and checked: production secrets, every value) once in the primary, before any worker starts.
  const config = readGatewayConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    await assertPortsFree([{ port: config.port, variable: "GATEWAY_PORT" }], config.host);
    // One key set for all: a key generated here, not one per worker, so the JWKS any worker serves verifies every worker's tokens.
    superviseGatewayWorkers({ workers: config.workers, env: { AGORA_SIGNING_KEYS: config.signingKeys } });
    return;
  }
  const gateway = await startGateway(config);
  logger.info({ url: gateway.url, pid: process.pid }, "gateway ready");
  closeOnSignals(gateway.stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "gateway failed to start");
  process.exit(1);
});
