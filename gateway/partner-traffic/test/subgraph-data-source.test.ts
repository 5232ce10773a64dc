import { startTestGateway } from "./test-gateway";
import { decodeJwt } from "jose";
import { createHubTokenSigner, rotateSigningKeys } from "@agora-hub/runtime";
import { createClientPseudonyms } from "../../protection/client-pseudonym";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLError, parse } from "graphql";
import type { ServerResponse } from "node:http";
import { logger } from "@agora-hub/runtime";
import type { GatewayContext } from "../../gateway-context";
import { SubgraphDataSource } from "../../subgraph-data-source";
import { SupergraphTypes } from "../../subgraph-answers/supergraph-types";
import { askGateway, sendJson, startLoopbackServer, type LoopbackServer } from "./loopback-server";

const PEOPLE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    person(id: ID!): Person
    organisation(id: ID!): Organisation
  }
  type Person @key(fields: "id") {
    id: ID!
    name: String!
  }
  type Organisation @key(fields: "id") {
    id: ID!
    name: String!
  }
`;

// The partner runs on a bare HTTP server so that it can answer what a hostile partner would; this is its SDL.
const MAKERS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    makersFeatured: [String]
  }
  type Person @key(fields: "id") {
    id: ID!
    makers_badge: String
  }
`;

const PERSON_WITH_BADGE = `{ person(id: "1") { __typename id name makers_badge } }`;

/** How the partner answers the next request. */
let partnerAnswer: (request: { query: string; variables?: { representations?: unknown[] } }, response: ServerResponse) => void;

let people: { url: string; stop: () => Promise<void> };
let makers: LoopbackServer;
let internal: LoopbackServer;
let hub: ApolloServer<GatewayContext>;
let closeGateway: () => Promise<void>;
/** Data sources a test builds by hand. */
const dataSources: SubgraphDataSource[] = [];

function ask(query: string) {
  return askGateway(hub, query, { kind: "operator" });
}

beforeAll(async () => {
  const peopleServer = new ApolloServer({
    logger,
    schema: buildSubgraphSchema({
      typeDefs: parse(PEOPLE_SDL),
      resolvers: {
        Query: {
          person: (_: unknown, { id }: { id: string }) => {
            if (!/^\d+$/.test(id)) throw new GraphQLError("id must be a whole number", { extensions: { code: "BAD_USER_INPUT", field: "id" } });
            return { id, name: "Ada Lovelace" };
          },
        },
        Person: { __resolveReference: ({ id }: { id: string }) => ({ id, name: "Ada Lovelace" }) },
      },
    }),
  });
  const { url } = await startStandaloneServer(peopleServer, { listen: { port: 0, host: "127.0.0.1" } });
  people = { url, stop: () => peopleServer.stop() };
  internal = await startLoopbackServer((_body, response) => response.end("INTERNAL-SECRET-TOKEN=abc123"));
  makers = await startLoopbackServer((body, response) => partnerAnswer(JSON.parse(body), response));

  ({ hub, close: closeGateway } = await startTestGateway(
    [
      { name: "people", url: people.url, sdl: PEOPLE_SDL, trust: "core" },
      { name: "makers", url: makers.url, sdl: MAKERS_SDL, trust: "partner" },
    ],
    { maxResponseBytes: 64 * 1024 },
  ));
});

afterAll(async () => {
  await closeGateway();
  await Promise.all(dataSources.map((source) => source.close()));
  await makers.close();
  await internal.close();
  await people.stop();
});

describe("SubgraphDataSource", () => {
  it("merges a partner's entity when its __typename matches the representation", async () => {
    partnerAnswer = ({ variables }, response) => {
      expect(variables?.representations).toEqual([{ __typename: "Person", id: "1" }]);
      sendJson(response, { data: { _entities: [{ __typename: "Person", makers_badge: "gold" }] } });
    };
    expect(await ask(PERSON_WITH_BADGE)).toEqual({ data: { person: { __typename: "Person", id: "1", name: "Ada Lovelace", makers_badge: "gold" } } });
  });

  it("nulls an entity a partner returns under another type, with one error naming the subgraph", async () => {
    partnerAnswer = (_request, response) =>
      sendJson(response, { data: { _entities: [{ __typename: "Organisation", makers_badge: "forged", name: "Spoofed" }] } });
    const result = await ask(PERSON_WITH_BADGE);
    expect(result.data).toEqual({ person: { __typename: "Person", id: "1", name: "Ada Lovelace", makers_badge: null } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      message: "The makers subgraph returned an entity of the wrong type",
      path: ["person"],
      extensions: { code: "SUBGRAPH_INVALID_RESPONSE", subgraph: "makers" },
    });
  });

  it("drops a partner's answer whose _entities does not match the representations", async () => {
    partnerAnswer = (_request, response) => sendJson(response, { data: { _entities: [] } });
    const result = await ask(PERSON_WITH_BADGE);
    expect(result.data).toEqual({ person: { __typename: "Person", id: "1", name: "Ada Lovelace", makers_badge: null } });
    expect(result.errors?.map((error) => error.message)).toEqual(["The makers subgraph returned an invalid response"]);
  });

  it("replaces a partner's error text with the hub's and keeps only the path and an allow-listed code", async () => {
    partnerAnswer = (_request, response) =>
      sendJson(response, {
        data: { makersFeatured: null },
        errors: [
          {
            message: "Session expired – log in again at https://evil.example/login",
            path: ["makersFeatured"],
            locations: [{ line: 1, column: 3 }],
            extensions: { code: "UNAUTHENTICATED", loginUrl: "https://evil.example/login" },
          },
        ],
      });
    const result = await ask("{ makersFeatured }");
    expect(result.data).toEqual({ makersFeatured: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      message: "The makers subgraph returned an error",
      path: ["makersFeatured"],
      extensions: { code: "UNAUTHENTICATED", subgraph: "makers" },
    });
    expect(JSON.stringify(result)).not.toContain("evil.example");
  });

  it("drops a partner's error code that is not on the allow-list", async () => {
    partnerAnswer = (_request, response) =>
      sendJson(response, {
        data: { makersFeatured: null },
        errors: [{ message: "Pay now", path: ["makersFeatured"], extensions: { code: "PAYMENT_REQUIRED" } }],
      });
    const result = await ask("{ makersFeatured }");
    expect(result.errors?.[0].message).toBe("The makers subgraph returned an error");
    // Without an allow-listed code the gateway files it under its own generic one.
    expect(result.errors?.[0].extensions?.code).toBe("DOWNSTREAM_SERVICE_ERROR");
    expect(JSON.stringify(result)).not.toContain("Pay now");
  });

  it("passes a core subgraph's BAD_USER_INPUT through unchanged", async () => {
    const result = await ask(`{ person(id: "abc") { name } }`);
    expect(result.data).toEqual({ person: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ message: "id must be a whole number", path: ["person"], extensions: { code: "BAD_USER_INPUT", field: "id" } });
  });

  it("reports a partner that redirects as unavailable, without following it or leaking anything, and keeps the core data", async () => {
    partnerAnswer = (_request, response) => {
      response.writeHead(302, { location: internal.url });
      response.end();
    };
    const result = await ask(`{ person(id: "1") { name } makersFeatured }`);
    expect(result.data).toEqual({ person: { name: "Ada Lovelace" }, makersFeatured: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      message: "The makers subgraph is unavailable",
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "makers" },
    });
    expect(internal.requests).toHaveLength(0);
    expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|INTERNAL-SECRET/);
  });

  it("reports a partner answering with something other than JSON as unavailable, without echoing the body", async () => {
    partnerAnswer = (_request, response) => response.end("INTERNAL-SECRET-TOKEN=abc123");
    const result = await ask("{ makersFeatured }");
    expect(result.errors?.map((error) => error.message)).toEqual(["The makers subgraph is unavailable"]);
    expect(JSON.stringify(result)).not.toContain("INTERNAL-SECRET");
  });

  it("reports a partner answering with a body over the size cap as unavailable", async () => {
    partnerAnswer = (_request, response) => sendJson(response, { data: { makersFeatured: Array.from({ length: 20_000 }, () => "padding") } });
    const result = await ask("{ makersFeatured }");
    expect(result.errors?.map((error) => error.message)).toEqual(["The makers subgraph is unavailable"]);
  });

  it("sends a subgraph the request id and none of the client's headers", async () => {
    partnerAnswer = (_request, response) => sendJson(response, { data: { makersFeatured: [] } });
    const source = new SubgraphDataSource({
      name: "makers",
      url: makers.url,
      timeoutMs: 2000,
      trust: "partner",
      allowPrivate: true,
      types: new SupergraphTypes(),
    });
    dataSources.push(source);
    const before = makers.requests.length;
    await source.process({
      // GraphQLDataSourceRequestKind.INCOMING_OPERATION; @apollo/gateway exports the enum's type but not its value.
      kind: "incoming operation" as never,
      request: {
        query: "{ makersFeatured }",
        http: {
          method: "POST",
          url: makers.url,
          headers: new Headers({
            authorization: "Bearer client-token",
            cookie: "session=abc",
            "x-request-id": "forged",
            "apollo-federation-include-trace": "ftv1",
          }),
        },
      },
      context: { requestId: "req-42" },
      incomingRequestContext: {} as never,
    });
    const { headers } = makers.requests[before];
    expect(headers["x-request-id"]).toBe("req-42");
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
    expect(headers["apollo-federation-include-trace"]).toBeUndefined();
  });

  it("signs the client's pseudonym into core subgraphs' tokens only, never a partner's", async () => {
    partnerAnswer = (_request, response) => sendJson(response, { data: { makersFeatured: [] } });
    const signer = createHubTokenSigner({ keys: rotateSigningKeys() });
    const client = createClientPseudonyms("test-secret")("203.0.113.7")!;
    const sources = (["core", "partner"] as const).map((trust) => {
      const target = trust === "core" ? internal : makers;
      const source = new SubgraphDataSource({ name: trust, url: target.url, timeoutMs: 2000, trust, allowPrivate: true, signer, types: new SupergraphTypes() });
      dataSources.push(source);
      return { source, target };
    });
    for (const { source, target } of sources) {
      const before = target.requests.length;
      await source
        .process({
          kind: "incoming operation" as never,
          request: { query: "{ makersFeatured }", http: { method: "POST", url: target.url, headers: new Headers() } },
          context: { requestId: "req-43", viewer: { kind: "network", network: "makers" }, client },
          incomingRequestContext: {} as never,
        })
        .catch(() => undefined); // the core stand-in answers no GraphQL; only what it was sent matters here
      const token = String(target.requests[before].headers.authorization).replace(/^Bearer /, "");
      const claims = decodeJwt(token);
      expect(claims).toMatchObject({ role: "network", network: "makers" });
      if (source === sources[0].source) expect(claims.cl).toBe(client);
      else expect(claims.cl).toBeUndefined();
    }
  });
});

describe("client pseudonyms", () => {
  it("give one address one pseudonym a day, another the next day or under another secret, and never the address", () => {
    const pseudonyms = createClientPseudonyms("secret-a");
    const day = Date.UTC(2026, 11, 3, 10);
    const today = pseudonyms("198.51.100.4", day)!;
    expect(today).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(pseudonyms("198.51.100.4", day + 3_600_000)).toBe(today);
    expect(pseudonyms("198.51.100.5", day)).not.toBe(today);
    expect(pseudonyms("198.51.100.4", day + 86_400_000)).not.toBe(today);
    expect(createClientPseudonyms("secret-b")("198.51.100.4", day)).not.toBe(today);
    expect(today).not.toContain("198");
    expect(pseudonyms(undefined, day)).toBeUndefined();
  });
});
