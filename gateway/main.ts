import "@agora-hub/runtime/tracing-preload";
import { readGatewayConfig } from "./config";
import { startGateway } from "./gateway-server";
import { logger } from "@agora-hub/runtime";
import { closeOnSignals } from "@agora-hub/runtime";

async function main(): Promise<void> {
  const gateway = await startGateway(readGatewayConfig());
  logger.info({ url: gateway.url }, "gateway ready");
  closeOnSignals(gateway.stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "gateway failed to start");
  process.exit(1);
});
