import { buildSubgraphSchema as buildApolloSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLFieldResolver, GraphQLScalarType, type GraphQLSchema, parse } from "graphql";
import { buildSchema, createResolversMap, getMetadataStorage } from "type-graphql";
import type { FederationLink, SubgraphDefinition } from "../subgraph";
import { refuseNulCharacters, validateInput } from "../input/validation";

/** The Federation 2 spec every subgraph links. */
export const FEDERATION_SPEC_URL = "https://specs.apollo.dev/federation/v2.7";

/**
 * The federation directives a subgraph writes by their short names (`@Directive("@override(from: \"people\")")`).
 * Every directive of the v2.7 spec that the hub's gateway honours; the router-only ones
 * (`@authenticated`, `@requiresScopes`, `@policy`) are left out because nothing would enforce them.
 */
export const FEDERATION_IMPORTS = [
  "@key",
  "@shareable",
  "@external",
  "@requires",
  "@provides",
  "@override",
  "@inaccessible",
  "@tag",
  "@interfaceObject",
  "@extends",
  "@composeDirective",
] as const;

const DIRECTIVE_NAME = /^@[A-Za-z_][A-Za-z0-9_]*$/;

/** One `@link` argument list in SDL. */
function printLink({ url, import: imports = [] }: FederationLink): string {
  const names = imports.map((entry) =>
    typeof entry === "string" ? JSON.stringify(entry) : `{ name: ${JSON.stringify(entry.name)}, as: ${JSON.stringify(entry.as)} }`,
  );
  return `@link(url: ${JSON.stringify(url)}${names.length > 0 ? `, import: [${names.join(", ")}]` : ""})`;
}

/** The names a link makes available in the schema, as written there (`as` when renamed). */
function importedNames(link: FederationLink): string[] {
  return (link.import ?? []).map((entry) => (typeof entry === "string" ? entry : entry.as));
}

/**
 * The `extend schema` of a subgraph: the federation `@link`, the subgraph's own `@link`s and its
 * `@composeDirective`s. A composed directive must come from one of the subgraph's own links, as
 * composition requires; that is checked here so the mistake is named before composition.
 */
export function printSchemaExtension(definition: Pick<SubgraphDefinition<unknown>, "name" | "links" | "composeDirectives">): string {
  const links = definition.links ?? [];
  for (const link of links) {
    if (!URL.canParse(link.url)) throw new Error(`${definition.name}: the @link url ${JSON.stringify(link.url)} is not a URL`);
    for (const name of importedNames(link)) {
      if (!DIRECTIVE_NAME.test(name))
        throw new Error(
          `${definition.name}: @link(url: ${JSON.stringify(link.url)}) imports ${JSON.stringify(name)}, which is not a directive name like "@lowercase"`,
        );
    }
  }
  const linked = new Set(links.flatMap(importedNames));
  for (const name of definition.composeDirectives ?? []) {
    if (!linked.has(name))
      throw new Error(`${definition.name}: @composeDirective(name: ${JSON.stringify(name)}) names a directive none of the subgraph's links imports`);
  }
  return [
    "extend schema",
    `  ${printLink({ url: FEDERATION_SPEC_URL, import: [...FEDERATION_IMPORTS] })}`,
    ...links.map((link) => `  ${printLink(link)}`),
    ...(definition.composeDirectives ?? []).map((name) => `  @composeDirective(name: ${JSON.stringify(name)})`),
  ].join("\n");
}

/** What the kit reads of type-graphql's metadata storage (not in its published types). */
type MetadataStorage = {
  fields: Array<{ name: string; schemaName: string; simple?: boolean }>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  objectTypes: Array<{ name: string; target: Function }>;
  fieldResolvers: Array<{
    kind: "internal" | "external";
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    target: Function;
    methodName: string;
    schemaName: string;
    params?: Array<{
      kind: string;
      index: number;
      name?: string;
      propertyName?: string;
      getType?: () => unknown;
      validateSettings?: unknown;
      validateFn?: unknown;
    }>;
    roles?: unknown[];
    middlewares?: unknown[];
  }>;
  middlewares: unknown[];
  resolverMiddlewares: unknown[];
  authorizedFields: unknown[];
  authorizedResolver: unknown[];
};

/** Whether no middleware or `@Authorized` exists anywhere, so type-graphql's resolver wrappers only convert and validate. */
function withoutMiddlewares(storage: MetadataStorage): boolean {
  return !storage.middlewares.length && !storage.resolverMiddlewares.length && !storage.authorizedFields.length && !storage.authorizedResolver.length;
}

/**
 * Lets graphql-js's default resolver read plain fields. type-graphql otherwise wraps every `@Field` without
 * a field resolver in one that allocates a resolver-data object to run middlewares and auth checks, for each
 * field of each object of an answer: a good share of a subgraph's CPU for none of them. Only where no
 * middleware or `@Authorized` exists anywhere (the kit passes no global ones), and only for fields named as
 * their property (the default resolver reads the schema name). A field resolver still wins over `simple`.
 */
function readPlainFieldsDirectly(storage: MetadataStorage): void {
  if (!withoutMiddlewares(storage)) return;
  for (const field of storage.fields) if (field.simple === undefined && field.name === field.schemaName) field.simple = true;
}

const SCALAR_CLASSES: unknown[] = [String, Number, Boolean];

/**
 * Calls object types' own field methods taking only scalar arguments, the context and info (`LocalizedText.text(lang)`,
 * on every text of an answer) without type-graphql's parameter handling, whose validation is asynchronous: a handful
 * of promises per field for what, for scalars, is `validateInput`'s NUL check alone. A root that is not an instance of
 * the type, or a method with its own validation settings, goes through type-graphql as before.
 */
function callScalarFieldMethodsDirectly(storage: MetadataStorage, resolvers: GraphQLResolverMap<unknown>): void {
  if (!withoutMiddlewares(storage)) return;
  for (const type of storage.objectTypes) {
    const fields = resolvers[type.name] as Record<string, GraphQLFieldResolver<unknown, unknown>> | undefined;
    if (!fields) continue;
    for (const method of storage.fieldResolvers) {
      const original = fields[method.schemaName];
      if (method.kind !== "internal" || typeof original !== "function" || method.roles?.length || method.middlewares?.length) continue;
      if (type.target !== method.target && !(type.target.prototype instanceof method.target)) continue;
      const params = [...(method.params ?? [])].sort((a, b) => a.index - b.index);
      const direct = params.every(
        (param) =>
          param.kind === "info" ||
          (param.kind === "context" && !param.propertyName) ||
          (param.kind === "arg" &&
            param.validateSettings === undefined &&
            param.validateFn === undefined &&
            (param.getType?.() instanceof GraphQLScalarType || SCALAR_CLASSES.includes(param.getType?.()))),
      );
      if (!direct) continue;
      const target = type.target;
      fields[method.schemaName] = (root, args: Record<string, unknown>, context, info) => {
        if (!(root instanceof target)) return original(root, args, context, info);
        // A `@Field` getter is read, as type-graphql does.
        const handler = (root as Record<string, unknown>)[method.methodName];
        if (typeof handler !== "function") return handler;
        refuseNulCharacters(args);
        const values = params.map((param) => (param.kind === "arg" ? args[param.name!] : param.kind === "context" ? context : info));
        return handler.apply(root, values) as unknown;
      };
    }
  }
}

/**
 * Turns type-graphql resolvers into a Federation 2 subgraph schema. type-graphql has no federation
 * support, so its schema is printed with directives (those of `@Directive` and the definitions of
 * `directives`), the `extend schema` with the `@link`s prepended, and the result rebuilt by
 * `@apollo/subgraph` with type-graphql's resolvers plus the reference resolvers.
 */
export async function buildSubgraphSchema<TLoaders, TSettings>(definition: SubgraphDefinition<TLoaders, TSettings>): Promise<GraphQLSchema> {
  const storage = getMetadataStorage() as unknown as MetadataStorage;
  readPlainFieldsDirectly(storage);
  const schema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    directives: definition.directives,
    validateFn: validateInput,
    skipCheck: true,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  callScalarFieldMethodsDirectly(storage, resolvers);
  for (const [typeName, resolveReference] of Object.entries(definition.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference } as never;
  }
  return buildApolloSubgraphSchema({
    typeDefs: parse(`${printSchemaExtension(definition)}\n\n${printSchemaWithDirectives(schema)}`),
    resolvers,
  });
}
