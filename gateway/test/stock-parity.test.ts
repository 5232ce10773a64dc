import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { readFileSync } from "node:fs";
import { SUPERGRAPH_PATH } from "../../registry/composition/composition";
import { logger } from "@agora-hub/runtime";
import { postGraphQL } from "./gateway-client";
import { startTestHub, type TestHub } from "./test-hub";

// The hub's gateway checks and cuts every subgraph answer; on well-behaved subgraphs that must change
// nothing. So the same operations run through it and through a stock @apollo/gateway over the same
// subgraphs (with the hub's tokens, as every subgraph requires) must give the very same answers.

let testHub: TestHub;
let stock: ApolloServer;

const OPERATIONS: Array<[string, string]> = [
  [
    "the walk person → memberships → organisation → opportunities and events",
    `{ people(first: 10, orderBy: NAME) { totalCount edges { cursor node { id displayName country disciplines bio { text textLanguage }
        memberships(first: 3) { edges { node { role isCurrent organisation { id name kind
          opportunities(first: 2) { edges { node { id type status title { text } publisher { name } } } }
          events(first: 2) { edges { node { id format title { text } organisers { name } speakers { displayName } } } } } } } }
        events(first: 2) { totalCount } } } pageInfo { hasNextPage endCursor } } }`,
  ],
  [
    "cross-type search with abstract nodes",
    `{ search(query: "festival", first: 10) { totalCount edges { type score snippet node { __typename ... on Person { displayName } ... on Organisation { name } ... on Opportunity { title { text } } ... on Event { title { text } startsAt } } } } }`,
  ],
  [
    "facets and filters",
    `{ organisations(first: 5, filter: { countries: [TN, MA, FR] }) { totalCount facets { countries { value count } kinds { value count } } edges { node { name members(first: 2) { totalCount edges { node { person { displayName } memberOrganisation { name } } } } } } } }`,
  ],
  [
    "matchmaking through @requires",
    `{ opportunities(first: 5) { edges { node { id title { text } contact { displayName } partnerSuggestions(first: 2) { score organisation { name } reasons { kind } } suggestedApplicants(first: 2) { score person { displayName } } } } } }`,
  ],
  ["JSON-LD through @requires", `{ events(first: 5) { edges { node { id jsonLd speakers { id } } } } }`],
  [
    "aliases, fragments and @include",
    `query($yes: Boolean = true) { a: people(first: 2) { ...P } b: people(first: 2, orderBy: NEWEST) { ...P } } fragment P on PersonConnection { edges { node { id name: displayName events(first: 1) @include(if: $yes) { totalCount } } } }`,
  ],
];

beforeAll(async () => {
  testHub = await startTestHub();
  const urls = Object.fromEntries(testHub.hub.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const signer = testHub.hub.signer;
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, "utf8"),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource({
        url: urls[name],
        fetcher: async (url, init = {}) => {
          const body = typeof init.body === "string" ? init.body : "";
          const token = await signer.sign({ audience: name, viewer: { kind: "anonymous" }, body });
          return fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } } as RequestInit) as never;
        },
      }),
    logger,
  });
  stock = new ApolloServer({ gateway, logger });
  await stock.start();
});

afterAll(async () => {
  await stock?.stop();
  await testHub?.close();
});

describe("the hub's gateway answers exactly as stock @apollo/gateway on well-behaved subgraphs", () => {
  it.each(OPERATIONS)("%s", async (_name, query) => {
    const ours = await postGraphQL(testHub.hub.gatewayUrl, query);
    const result = await stock.executeOperation({ query });
    if (result.body.kind !== "single") throw new Error("expected a single result");
    const theirs = JSON.parse(JSON.stringify(result.body.singleResult)) as typeof ours;
    expect(ours.errors).toBeUndefined();
    expect(theirs.errors).toBeUndefined();
    expect(ours.data).toEqual(theirs.data);
    expect(JSON.stringify(ours.data).length).toBeGreaterThan(200);
  });
});
