import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { readBaselineConfig } from "./baseline-config";

/*
 * A baseline of `npm run bench:gateway`: Apollo Server 5 (standalone) + @apollo/gateway on a fixed supergraph,
 * as an operator would set them up, with one addition: each subgraph request carries the hub's token, signed
 * for the exact body the data source's own (default) fetcher sends.
 */

const config = readBaselineConfig();

class SigningDataSource extends RemoteGraphQLDataSource {
  constructor(url: string) {
    super({ url });
    const stock = this.fetcher;
    this.fetcher = async (target, init = {}) => {
      const token = await config.tokenFor(String(target), typeof init.body === "string" ? init.body : "");
      const headers = { ...(init.headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) };
      return stock(target, { ...init, headers });
    };
  }
}

async function main(): Promise<void> {
  const gateway = new ApolloGateway({ supergraphSdl: config.supergraphSdl, buildService: ({ url }) => new SigningDataSource(url!) });
  const server = new ApolloServer({ gateway, plugins: [ApolloServerPluginLandingPageDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: config.port } });
  console.log(`stock apollo gateway ready at ${url}`);
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
