import { createServer, type RequestListener } from "node:http";
import { readBaselineConfig } from "./baseline-config";

/*
 * A baseline of `npm run bench:gateway`: Hive Gateway's runtime on a fixed supergraph, served by node:http,
 * with its JavaScript query planner or (HIVE_PLANNER=rust) the Rust one of @graphql-hive/router-runtime, and
 * its merging of identical in-flight subgraph requests on (default) or off (HIVE_DEDUPLICATION=0). Each
 * subgraph request carries the hub's token, signed in onFetch for the exact body about to be sent (after the
 * merge, so merged requests are one signed request, as they are one HTTP call).
 */

/** The part of an onFetch hook's payload used here (see @graphql-mesh/types' OnFetchHookPayload). */
interface FetchHookPayload {
  url: string;
  options: { body?: unknown; headers?: unknown };
  setOptions: (options: object) => void;
}
type HiveRuntime = RequestListener & { [Symbol.asyncDispose]: () => PromiseLike<void> };

/**
 * Hive's packages are loaded without their type declarations: graphql-yoga's augment GraphQLErrorExtensions
 * (http.headers as a plain record), which would retype Apollo Server's errors in the rest of the program.
 */
async function load<T>(name: string): Promise<T> {
  return (await import(name)) as T;
}

const config = readBaselineConfig();
const planner = process.env.HIVE_PLANNER ?? "js";
if (planner !== "js" && planner !== "rust") throw new Error(`HIVE_PLANNER must be js or rust, not ${planner}`);
const deduplication = (process.env.HIVE_DEDUPLICATION ?? "1") !== "0";

const signing = {
  onFetch: async ({ url, options, setOptions }: FetchHookPayload) => {
    const body = typeof options.body === "string" ? options.body : "";
    const token = await config.tokenFor(url, body);
    if (!token) return;
    setOptions({ ...options, headers: { ...(options.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } });
  },
};

async function main(): Promise<void> {
  const { createGatewayRuntime } = await load<{ createGatewayRuntime: (config: object) => HiveRuntime }>("@graphql-hive/gateway-runtime");
  const { unifiedGraphHandler } = await load<{ unifiedGraphHandler: unknown }>("@graphql-hive/router-runtime");
  const httpTransport = (await load<{ default: unknown }>("@graphql-mesh/transport-http")).default;
  const runtime = createGatewayRuntime({
    supergraph: config.supergraphSdl,
    transports: { http: httpTransport },
    transportEntries: { "*.http": { options: { deduplicateInflightRequests: deduplication } } },
    ...(planner === "rust" ? { unifiedGraphHandler } : {}),
    plugins: () => [signing],
    landingPage: false,
    logging: false,
    graphqlEndpoint: "/graphql",
  });

  const server = createServer(runtime);
  server.listen(config.port, "127.0.0.1", () => console.log(`hive gateway (${planner} planner, deduplication ${deduplication ? "on" : "off"}) ready`));
  const stop = () => {
    server.close();
    void Promise.resolve(runtime[Symbol.asyncDispose]()).finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
