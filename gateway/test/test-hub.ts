import { startHub, type RunningHub } from "../../scripts/hub";
import type { SeedSizes } from "@agora-hub/subgraph-kit";
import { QueryCounter } from "@agora-hub/runtime";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { createTestDatabase, type TestDatabase } from "@agora-hub/subgraph-kit/testing";

/** The operator token test hubs run with. */
export const TEST_ADMIN_TOKEN = "test-operator-token-0123456789abcdef";

/** A whole hub (core subgraphs + gateway on the registry) on a fresh database, for one test file. */
export interface TestHub {
  hub: RunningHub;
  database: TestDatabase;
  queries: QueryCounter;
  close: () => Promise<void>;
}

/** Starts the core subgraphs and the gateway on free ports (the gateway on `gatewayPort` if given), seeded with `seed` (the demo set by default). */
export async function startTestHub(options: { seed?: SeedSizes; env?: NodeJS.ProcessEnv; gatewayPort?: number } = {}): Promise<TestHub> {
  const database = await createTestDatabase();
  const queries = new QueryCounter();
  const hub = await startHub({
    databaseUrl: database.url,
    host: "127.0.0.1",
    poolSize: 4,
    production: false,
    ports: () => 0,
    gatewayPort: options.gatewayPort ?? 0,
    seed: options.seed ?? DEMO_SIZES,
    sqlLogger: queries,
    env: {
      AGORA_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      AGORA_ALLOW_PRIVATE_SUBGRAPHS: "1",
      REGISTRY_POLL_MS: "300",
      PARTNER_TIMEOUT_MS: "1500",
      // Tests fire many requests from one address; rate-limit tests set their own budgets.
      RATE_LIMIT_PER_MINUTE_IP: "0",
      RATE_LIMIT_PER_MINUTE_KEY: "0",
      // Likewise many at once on a busy machine; overload.test.ts sets small limits of its own.
      MAX_CONCURRENT_REQUESTS: "32",
      // Tests that stop subgraphs or count statements expect every request to reach the subgraphs: the response
      // cache and request merging are tested on their own (gateway/response-cache/test/).
      RESPONSE_CACHE_MAX_MB: "0",
      MERGE_INFLIGHT_REQUESTS: "0",
      REQUEST_QUEUE_SIZE: "64",
      ...options.env,
    },
  });
  return {
    hub,
    database,
    queries,
    close: async () => {
      await hub.stop();
      await database.drop();
    },
  };
}
