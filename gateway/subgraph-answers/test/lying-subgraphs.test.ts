import { startTestGateway } from "../../partner-traffic/test/test-gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import type { ServerResponse } from "node:http";
import { logger } from "@agora-hub/runtime";
import type { GatewayContext } from "../../gateway-context";
import { askGateway, sendJson, startLoopbackServer, type LoopbackServer } from "../../partner-traffic/test/loopback-server";

// A core subgraph built with the real library, and a partner that is a bare HTTP server answering what a
// hostile or buggy partner would. The partner owns an entity interface; the core subgraph refers to it.
const PEOPLE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])
  type Query { people: [Person] featured: [MakersMedia] }
  type Person @key(fields: "id") { id: ID! displayName: String! contactEmail: String }
  type MakersMedia @key(fields: "id") @interfaceObject { id: ID! }
`;
const MAKERS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { makersLatest: MakersMedia }
  interface MakersMedia @key(fields: "id") { id: ID! title: String }
  type MakersVideo implements MakersMedia @key(fields: "id") { id: ID! title: String seconds: Int }
  type MakersBook implements MakersMedia @key(fields: "id") { id: ID! title: String pages: Int }
  type Person @key(fields: "id") { id: ID! makers_badge: String }
`;

const PEOPLE = [
  { id: "p1", displayName: "Ada Lovelace", contactEmail: "ada@example.org" },
  { id: "p2", displayName: "Hypatia", contactEmail: null },
];

type PartnerRequest = { query: string; variables?: { representations?: Array<Record<string, unknown>> } };
let partnerAnswer: (request: PartnerRequest, response: ServerResponse) => void;
let people: { stop: () => Promise<void> };
let makers: LoopbackServer;
let hub: ApolloServer<GatewayContext>;
let closeGateway: () => Promise<void>;

function ask(query: string) {
  return askGateway(hub, query);
}

/** The partner answers each representation with `entity(representation)`. */
function answerEntities(entity: (representation: Record<string, unknown>) => unknown) {
  partnerAnswer = ({ variables }, response) => sendJson(response, { data: { _entities: (variables?.representations ?? []).map(entity) } });
}

beforeAll(async () => {
  const peopleServer = new ApolloServer({
    logger,
    schema: buildSubgraphSchema({
      typeDefs: parse(PEOPLE_SDL),
      resolvers: {
        Query: { people: () => PEOPLE, featured: () => [{ id: "v1" }, { id: "b1" }] },
        Person: { __resolveReference: ({ id }: { id: string }) => PEOPLE.find((person) => person.id === id) ?? null },
      },
    }),
  });
  const { url } = await startStandaloneServer(peopleServer, { listen: { port: 0, host: "127.0.0.1" } });
  people = { stop: () => peopleServer.stop() };
  makers = await startLoopbackServer((body, response) => partnerAnswer(JSON.parse(body) as PartnerRequest, response));
  ({ hub, close: closeGateway } = await startTestGateway([
    { name: "people", url, sdl: PEOPLE_SDL, trust: "core" },
    { name: "makers", url: makers.url, sdl: MAKERS_SDL, trust: "partner" },
  ]));
});

afterAll(async () => {
  await closeGateway();
  await makers.close();
  await people.stop();
});

describe("a partner answering more than it was asked", () => {
  it("cannot replace another subgraph's fields or the entity's id", async () => {
    answerEntities(() => ({ __typename: "Person", makers_badge: "gold", id: "forged", displayName: "SPOOFED", contactEmail: "spoof@evil.example" }));
    const result = await ask(`{ people { id displayName contactEmail makers_badge } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      people: [
        { id: "p1", displayName: "Ada Lovelace", contactEmail: "ada@example.org", makers_badge: "gold" },
        { id: "p2", displayName: "Hypatia", contactEmail: null, makers_badge: "gold" },
      ],
    });
  });

  it("has a value of the wrong kind nulled with an error naming it, the rest of the entity kept", async () => {
    answerEntities(() => ({ makers_badge: { html: "<script>" } }));
    const result = await ask(`{ people { displayName makers_badge } }`);
    expect(result.data).toEqual({
      people: [
        { displayName: "Ada Lovelace", makers_badge: null },
        { displayName: "Hypatia", makers_badge: null },
      ],
    });
    expect(result.errors?.[0]).toMatchObject({
      message: "The makers subgraph returned an invalid value",
      extensions: { code: "SUBGRAPH_INVALID_RESPONSE", subgraph: "makers" },
    });
  });
});

describe("entity interfaces", () => {
  it("accepts a concrete type of the interface asked for, as stock federation does", async () => {
    answerEntities(({ id }) =>
      id === "v1" ? { __typename: "MakersVideo", title: "Sea", seconds: 30 } : { __typename: "MakersBook", title: "Salt", pages: 90 },
    );
    const result = await ask(`{ featured { id title ... on MakersVideo { seconds } ... on MakersBook { pages } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      featured: [
        { id: "v1", title: "Sea", seconds: 30 },
        { id: "b1", title: "Salt", pages: 90 },
      ],
    });
  });

  it("still refuses an entity answered as a type that does not implement the interface", async () => {
    answerEntities(({ id }) => (id === "v1" ? { __typename: "Person", title: "Forged" } : { __typename: "MakersBook", title: "Salt" }));
    const result = await ask(`{ featured { id title } }`);
    expect(result.data?.featured).toEqual([
      { id: "v1", title: null },
      { id: "b1", title: "Salt" },
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ message: "The makers subgraph returned an entity of the wrong type", extensions: { subgraph: "makers" } });
  });
});
