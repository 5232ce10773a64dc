import { composeServices } from "@apollo/composition";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import type { DataSource } from "typeorm";
import { logger, openSubgraphDatabase } from "@agora-hub/runtime";
import { buildSubgraphSchema, printSchemaExtension } from "../src/schema/build-subgraph-schema";
import { listenSubgraph, type RunningSubgraph } from "../src/server/subgraph-server";
import type { SubgraphDefinition } from "../src/subgraph";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";
import { chartsSubgraph } from "./federation/charts.subgraph";
import { LOWERCASE_SPEC_URL, mediaSubgraph } from "./federation/media.subgraph";

// Every Federation 2 feature written through the kit, proved by composing two subgraphs that use them
// all and by querying the composed graph through a stock gateway over the running subgraphs.

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

async function post(url: string, query: string, options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return (await response.json()) as Answer;
}

async function sdlOf(definition: SubgraphDefinition<unknown>): Promise<string> {
  return printSubgraphSchema(await buildSubgraphSchema(definition));
}

let database: TestDatabase;
let dataSource: DataSource;
let media: RunningSubgraph;
let charts: RunningSubgraph;
let supergraphSdl: string;
let gateway: ApolloServer;

beforeAll(async () => {
  database = await createTestDatabase();
  // The test subgraphs keep their data in memory; the server still needs a database for /ready.
  dataSource = await openSubgraphDatabase({ url: database.url, schema: "media", entities: [], migrations: [], poolSize: 2 });
  media = await listenSubgraph(mediaSubgraph, dataSource, { port: 0, host: "127.0.0.1", inlineTracing: true });
  charts = await listenSubgraph(chartsSubgraph, dataSource, { port: 0, host: "127.0.0.1" });
  const composed = composeServices([
    { name: "media", url: media.url, typeDefs: parse(await sdlOf(mediaSubgraph)) },
    { name: "charts", url: charts.url, typeDefs: parse(await sdlOf(chartsSubgraph)) },
  ]);
  if (composed.errors) throw new Error(`composition failed:\n${composed.errors.map((error) => error.message).join("\n")}`);
  supergraphSdl = composed.supergraphSdl;
  gateway = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl, logger }), logger });
  await gateway.start();
});

afterAll(async () => {
  await gateway?.stop();
  await media?.stop();
  await charts?.stop();
  await dataSource?.destroy();
  await database?.drop();
});

async function throughGateway(query: string): Promise<Answer> {
  const result = await gateway.executeOperation({ query });
  if (result.body.kind !== "single") throw new Error("expected a single result");
  return JSON.parse(JSON.stringify(result.body.singleResult)) as Answer;
}

describe("Federation 2 through the kit", () => {
  it("links every federation directive by its short name, and the subgraph's own spec and composed directive", async () => {
    const sdl = await sdlOf(mediaSubgraph);
    expect(sdl).toContain(
      '@link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@override", "@inaccessible", "@tag", "@interfaceObject", "@extends", "@composeDirective"])',
    );
    expect(sdl).toContain(`@link(url: "${LOWERCASE_SPEC_URL}", import: ["@lowercase"])`);
    expect(sdl).toContain('@composeDirective(name: "@lowercase")');
    expect(sdl).toMatch(/directive @lowercase on FIELD_DEFINITION/);
    const charts = await sdlOf(chartsSubgraph);
    for (const written of [
      '@override(from: "media")',
      '@requires(fields: "title")',
      '@provides(fields: "title")',
      "@interfaceObject",
      "@extends",
      "@external",
    ]) {
      expect(charts).toContain(written);
    }
  });

  it("composes, keeping the composed directive, the tag, the inaccessible field and the override in the supergraph", () => {
    expect(supergraphSdl).toMatch(/directive @lowercase on FIELD_DEFINITION/);
    expect(supergraphSdl).toContain(`@link(url: "${LOWERCASE_SPEC_URL}", import: ["@lowercase"])`);
    expect(supergraphSdl).toContain('title: String! @join__field(graph: CHARTS, external: true) @join__field(graph: MEDIA) @lowercase @tag(name: "public")');
    expect(supergraphSdl).toContain('chartTitle: String! @join__field(graph: CHARTS, requires: "title")');
    expect(supergraphSdl).toContain('leader: Album! @join__field(graph: CHARTS, provides: "title")');
    expect(supergraphSdl).toContain("internalCode: String! @inaccessible");
    expect(supergraphSdl).toContain('playCount: Int! @join__field(graph: CHARTS, override: "media")');
    expect(supergraphSdl).toContain('@join__type(graph: CHARTS, key: "id", isInterfaceObject: true)');
  });

  it("answers across both subgraphs: @requires, @override, @extends and the shareable type", async () => {
    const answer = await throughGateway(`{ mediaAlbum(id: "album-1") { title chartTitle playCount rating { stars } artist { name chartPeak } } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      mediaAlbum: {
        title: "nuits blanches",
        chartTitle: "NUITS BLANCHES (charts)",
        playCount: 1000,
        rating: { stars: 4 },
        artist: { name: "Nadia Quartet", chartPeak: 3 },
      },
    });
  });

  it("resolves a nested composite key, a provided field and an interface object through typed reference resolvers", async () => {
    const answer = await throughGateway(
      `{ chartsThisWeek { name leader { title chartTitle } topTrack { position title album { label } } mostCited { id citations title ... on Recording { seconds } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      chartsThisWeek: {
        name: "week 12",
        leader: { title: "nuits blanches", chartTitle: "NUITS BLANCHES (charts)" },
        topTrack: { position: 2, title: "nocturne", album: { label: "Ondes" } },
        mostCited: { id: "work-1", citations: 12, title: "nocturne (live)", seconds: 312 },
      },
    });
  });

  it("resolves an entity by its second, multi-field key", async () => {
    const answer = await post(media.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Album { id title } } }`, {
      variables: {
        r: [
          { __typename: "Album", label: "Ondes", catalogueNumber: "OND-042" },
          { __typename: "Album", label: "Ondes", catalogueNumber: "nope" },
        ],
      },
    });
    expect(answer).toEqual({ data: { _entities: [{ id: "album-1", title: "nuits blanches" }, null] } });
  });

  it("hides an @inaccessible field from clients of the composed graph", async () => {
    const answer = await throughGateway(`{ mediaAlbum(id: "album-1") { internalCode } }`);
    expect(answer.errors?.[0]?.message).toMatch(/Cannot query field "internalCode"/);
  });

  it("refuses a composed directive that none of the subgraph's links imports, naming it", () => {
    expect(() => printSchemaExtension({ name: "media", links: [], composeDirectives: ["@lowercase"] })).toThrow(
      'media: @composeDirective(name: "@lowercase") names a directive none of the subgraph\'s links imports',
    );
  });
});

describe("federated tracing (ftv1)", () => {
  const HEADER = { "apollo-federation-include-trace": "ftv1" };

  it("adds an ftv1 trace to the extensions when enabled and asked for", async () => {
    const answer = await post(media.url, `{ mediaAlbum(id: "album-1") { title } }`, { headers: HEADER });
    expect(answer.data).toEqual({ mediaAlbum: { title: "nuits blanches" } });
    expect(typeof answer.extensions?.ftv1).toBe("string");
    // A protobuf Trace in base64: non-empty and decodable.
    expect(Buffer.from(answer.extensions!.ftv1 as string, "base64").length).toBeGreaterThan(10);
  });

  it("adds none when not asked for, or when the subgraph does not enable it", async () => {
    expect((await post(media.url, `{ mediaAlbum(id: "album-1") { title } }`)).extensions?.ftv1).toBeUndefined();
    expect((await post(charts.url, `{ chartsThisWeek { name } }`, { headers: HEADER })).extensions?.ftv1).toBeUndefined();
  });
});
