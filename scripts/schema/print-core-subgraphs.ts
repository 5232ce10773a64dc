import { printSubgraphSchema } from "@apollo/subgraph";
import path from "node:path";
import { CORE_SUBGRAPHS } from "../../subgraphs/core-subgraphs";
import { type AnySubgraphDefinition, buildSubgraphSchema, printSharedTypes } from "@agora-hub/subgraph-kit";
import { localSubgraphUrl } from "@agora-hub/runtime";
import { type ComposableSubgraph, GENERATED_HEADER, SCHEMA_DIR } from "../../registry/composition/composition";
import { type NullabilityProblem, nullabilityProblems } from "../../registry/policy/nullability";

/** The entity types a subgraph owns: the GraphQL types of its tables' entities and its `ownedTypes`. */
export function ownedEntityTypes(definition: AnySubgraphDefinition): Set<string> {
  return new Set([...definition.entities.map((entity) => entity.name), ...(definition.ownedTypes ?? [])]);
}

/** Every core subgraph's breaches of the graph's nullability rule (`rules/nullability.ts`). */
export function coreNullabilityProblems(subgraphs: ComposableSubgraph[]): Array<NullabilityProblem & { subgraph: string }> {
  return subgraphs.flatMap((subgraph) => {
    const definition = CORE_SUBGRAPHS.find((candidate) => candidate.name === subgraph.name);
    if (!definition) throw new Error(`no core subgraph named ${subgraph.name}`);
    const owned = ownedEntityTypes(definition);
    return nullabilityProblems(subgraph.sdl, (type) => owned.has(type)).map((problem) => ({ ...problem, subgraph: subgraph.name }));
  });
}

/** Prints the SDL of every core subgraph from its code, with its default routing URL. */
export async function printCoreSubgraphs(): Promise<Array<ComposableSubgraph & { peers: readonly string[] }>> {
  const subgraphs: Array<ComposableSubgraph & { peers: readonly string[] }> = [];
  for (const definition of CORE_SUBGRAPHS) {
    const schema = await buildSubgraphSchema(definition);
    subgraphs.push({
      name: definition.name,
      url: localSubgraphUrl(definition.defaultPort),
      sdl: GENERATED_HEADER + printSubgraphSchema(schema),
      peers: definition.peers ?? [],
    });
  }
  return subgraphs;
}

/** Where the SDL of the graph's shared types is committed, for subgraphs written without the kit. */
export const SHARED_TYPES_PATH = path.join(SCHEMA_DIR, "shared-types.graphql");

/** The content of `schema/shared-types.graphql`, printed from the kit. */
export async function printSharedTypesFile(): Promise<string> {
  return (
    GENERATED_HEADER +
    "# The graph's shared types, as every subgraph built with @agora-hub/subgraph-kit defines them. A subgraph\n" +
    "# written otherwise starts its SDL from this file (its own types below), or copies the definitions it\n" +
    "# uses unchanged, so that composition finds them identical in every subgraph.\n\n" +
    (await printSharedTypes())
  );
}
