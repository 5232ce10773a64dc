import { printSubgraphSchema } from "@apollo/subgraph";
import { CORE_SUBGRAPHS } from "../subgraphs/core-subgraphs";
import { buildSubgraphSchema } from "../subgraphs/kit";
import { type ComposableSubgraph, GENERATED_HEADER } from "./composition";

/** Prints the SDL of every core subgraph from its code, with its default routing URL. */
export async function printCoreSubgraphs(): Promise<ComposableSubgraph[]> {
  const subgraphs: ComposableSubgraph[] = [];
  for (const definition of CORE_SUBGRAPHS) {
    const schema = await buildSubgraphSchema(definition);
    subgraphs.push({
      name: definition.name,
      url: `http://localhost:${definition.defaultPort}/graphql`,
      sdl: GENERATED_HEADER + printSubgraphSchema(schema),
    });
  }
  return subgraphs;
}
