import { buildSubgraphSchema as buildApolloSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { buildSchema, createResolversMap } from "type-graphql";
import type { SubgraphDefinition } from "../subgraph";
import { validateInput } from "../input/validation";

/** Federation 2 features the hub's subgraphs may use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/**
 * Turns type-graphql resolvers into a Federation 2 subgraph schema. type-graphql has no federation
 * support, so its schema is printed with directives, the federation `@link` prepended, and the result
 * rebuilt by `@apollo/subgraph` with type-graphql's resolvers plus the reference resolvers.
 */
export async function buildSubgraphSchema<TLoaders, TSettings>(definition: SubgraphDefinition<TLoaders, TSettings>): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    validateFn: validateInput,
    skipCheck: true,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(definition.referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference } as never;
  }
  return buildApolloSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`),
    resolvers,
  });
}
