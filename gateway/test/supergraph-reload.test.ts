import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "graphql";
import { type ComposableSubgraph, composeSupergraph, loadCoreSubgraphs } from "../../registry/composition/composition";
import { createTestDatabase, type TestDatabase } from "@agora-hub/subgraph-kit/testing";
import { startSubgraph, type StartedSubgraph } from "@agora-hub/subgraph-kit";
import { peopleSubgraph } from "../../subgraphs/people/people.subgraph";
import { readGatewayConfig } from "../config";
import { type RunningGateway, startGateway } from "../gateway-server";
import { postGraphQL, waitFor } from "./gateway-client";

const PARTNER_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { makersFeatured: [MakersShowcase!]! }
  type MakersShowcase { title: String! }
`;

let database: TestDatabase;
let people: StartedSubgraph;
let partner: { url: string; stop: () => Promise<void> };
let gateway: RunningGateway;
let supergraphFile: string;
// Every core subgraph is composed (they reference each other); only people runs, which the queries need.
let core: ComposableSubgraph[];

beforeAll(async () => {
  database = await createTestDatabase();
  people = await startSubgraph(peopleSubgraph, { databaseUrl: database.url, port: 0, host: "127.0.0.1", poolSize: 2, production: false });
  const partnerServer = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(PARTNER_SDL), resolvers: { Query: { makersFeatured: () => [{ title: "Open studios" }] } } }),
  });
  const { url } = await startStandaloneServer(partnerServer, { listen: { port: 0, host: "127.0.0.1" } });
  partner = { url, stop: () => partnerServer.stop() };

  core = loadCoreSubgraphs({ people: people.url });
  supergraphFile = path.join(mkdtempSync(path.join(tmpdir(), "agora-supergraph-")), "supergraph.graphql");
  writeFileSync(supergraphFile, composeSupergraph(core));
  gateway = await startGateway(readGatewayConfig({ GATEWAY_PORT: "0", AGORA_SUPERGRAPH_FILE: supergraphFile, AGORA_ALLOW_PRIVATE_SUBGRAPHS: "1" }));
});

afterAll(async () => {
  await gateway.stop();
  await partner.stop();
  await people.stop();
  await database.drop();
});

describe("gateway supergraph file", () => {
  it("serves the supergraph in the file", async () => {
    const result = await postGraphQL(gateway.url, "{ people(first: 1) { totalCount } }");
    expect(result).toEqual({ data: { people: { totalCount: 0 } } });
  });

  it("answers /health once the supergraph is loaded", async () => {
    const response = await fetch(new URL("/health", gateway.url));
    expect(response.status).toBe(200);
  });

  it("keeps serving the last good supergraph when the file is replaced by an invalid one", async () => {
    writeFileSync(supergraphFile, "this is not a supergraph");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await postGraphQL(gateway.url, "{ people(first: 1) { totalCount } }")).toEqual({ data: { people: { totalCount: 0 } } });
  });

  it("picks up a new subgraph written to the file, without a restart", async () => {
    writeFileSync(supergraphFile, composeSupergraph([...core, { name: "makers", url: partner.url, sdl: PARTNER_SDL }]));
    const result = await waitFor(
      () => postGraphQL(gateway.url, "{ makersFeatured { title } people(first: 1) { totalCount } }"),
      (answer) => !answer.errors,
    );
    expect(result).toEqual({ data: { makersFeatured: [{ title: "Open studios" }], people: { totalCount: 0 } } });
  });
});
