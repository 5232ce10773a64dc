import "../subgraphs/kit/observability/tracing-preload";
import { readGatewayConfig } from "./config";
import { startGateway } from "./gateway-server";
import { logger } from "../subgraphs/kit/logger";
import { closeOnSignals } from "../subgraphs/kit/shutdown";

async function main(): Promise<void> {
  const gateway = await startGateway(readGatewayConfig());
  logger.info({ url: gateway.url }, "gateway ready");
  closeOnSignals(gateway.stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "gateway failed to start");
  process.exit(1);
});
