import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import {
  composeGraph,
  composeSupergraph,
  loadCorePeers,
  loadCoreSubgraphs,
  readCommitted,
  subgraphSdlPath,
  SUPERGRAPH_PATH,
} from "../../../registry/composition/composition";
import { printCoreSubgraphs, printSharedTypesFile, SHARED_TYPES_PATH } from "../print-core-subgraphs";

describe("committed schema", () => {
  it("matches the SDL printed from each subgraph's code and the supergraph composed from it", async () => {
    const subgraphs = await printCoreSubgraphs();
    for (const subgraph of subgraphs) {
      expect({ file: subgraphSdlPath(subgraph.name), sdl: readCommitted(subgraphSdlPath(subgraph.name)) }).toEqual({
        file: subgraphSdlPath(subgraph.name),
        sdl: subgraph.sdl,
      });
    }
    expect(readCommitted(SUPERGRAPH_PATH)).toEqual(composeSupergraph(subgraphs));
    expect(loadCoreSubgraphs()).toEqual(subgraphs.map(({ name, url, sdl }) => ({ name, url, sdl })));
    expect(loadCorePeers()).toEqual(Object.fromEntries(subgraphs.map(({ name, peers }) => [name, peers])));
  });

  it("holds the shared types' SDL as printed from the kit", async () => {
    expect(readCommitted(SHARED_TYPES_PATH)).toEqual(await printSharedTypesFile());
  });

  it("lets a subgraph written in SDL alone, from the shared types, extend the graph", () => {
    // What a partner without type-graphql writes: the committed shared types, then its own types.
    const sdl = `${readCommitted(SHARED_TYPES_PATH)}
      type Query { festivalGuide(country: CountryCode): [Festival!]! }
      "A festival in the guide."
      type Festival @key(fields: "id") {
        id: ID!
        name: LocalizedText!
        disciplines: [Discipline!]!
        country: CountryCode!
        website: WebUrl
        startsOn: LocalDate
        organiser: Organisation
      }
      type Organisation @key(fields: "id", resolvable: false) { id: ID! }`;
    expect(() => buildSubgraphSchema({ typeDefs: parse(sdl) })).not.toThrow();
    const result = composeGraph([...loadCoreSubgraphs(), { name: "festival-guide", url: "http://festival-guide.invalid/graphql", sdl }]);
    expect(result.problems).toEqual([]);
    expect(result.supergraphSdl).toContain("festivalGuide(country: CountryCode): [Festival!]!");
  });

  it("refuses to compose subgraphs that disagree on a shared type", () => {
    const subgraph = (name: string, field: string) => ({
      name,
      url: `http://${name}.invalid/graphql`,
      sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
            type Query { ${name}: Thing } type Thing { value: ${field} }`,
    });
    expect(() => composeSupergraph([subgraph("a", "Int"), subgraph("b", "String")])).toThrow(/Composition failed/);
  });
});
