import { composeSupergraph, loadCoreSubgraphs, readCommitted, subgraphSdlPath, SUPERGRAPH_PATH } from "../../../registry/composition/composition";
import { printCoreSubgraphs } from "../print-core-subgraphs";

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
    expect(loadCoreSubgraphs()).toEqual(subgraphs);
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
