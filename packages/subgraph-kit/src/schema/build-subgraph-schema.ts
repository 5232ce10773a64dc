import { buildSubgraphSchema as buildApolloSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLFieldResolver, GraphQLScalarType, type GraphQLSchema, parse } from "graphql";
import { buildSchema, createResolversMap, getMetadataStorage } from "type-graphql";
import type { FederationLink, SubgraphDefinition } from "../subgraph";
import { isKnownValid, refuseNulCharacters, validateInput } from "../input/validation";
import { nulCharacterPaths } from "@agora-hub/runtime";

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
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    getObjectType?: () => Function;
  }>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  argumentTypes: Array<{ target: Function; fields: Array<{ name: string; getType: () => unknown }> }>;
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

const SIMPLE_TYPES: unknown[] = [String, Boolean, Number, Date, Array, Promise];

/** type-graphql's convertToType for a class: `data` itself when it is null, of a simple type or an instance, else an instance holding its properties. */
function asInstance(target: new () => object, data: unknown): unknown {
  if (data == null || SIMPLE_TYPES.includes((data as object).constructor) || data instanceof target) return data;
  const instance = new target() as Record<string, unknown>;
  for (const key of Object.keys(instance)) if (instance[key] === undefined && !(key in (data as object))) delete instance[key];
  return Object.assign(instance, data);
}

/** The fields of an `@ArgsType` class (its own and its superclasses'), when every one is a scalar; else undefined. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function scalarArgsFields(storage: MetadataStorage, argsClass: Function): string[] | undefined {
  const names: string[] = [];
  let found = false;
  // As type-graphql's convertArgsToInstance: the class's own fields, then each superclass's.
  for (let target = argsClass; target.prototype !== undefined; target = Object.getPrototypeOf(target) as typeof target) {
    const argsType = storage.argumentTypes.find((type) => type.target === target);
    if (!argsType) continue;
    found = true;
    for (const field of argsType.fields) {
      const type = field.getType();
      if (!(type instanceof GraphQLScalarType) && !SCALAR_CLASSES.includes(type)) return undefined;
      names.push(field.name);
    }
  }
  return found ? names : undefined;
}

/**
 * Calls the field resolvers of resolver classes that take the root, at most one `@Args()` class of scalar fields (`PageArgs`:
 * every connection, `Organisation.events(first: 5)` for each organisation of an answer), the context and info, without
 * type-graphql's parameter handling: it finds the args class's metadata, converts and validates them asynchronously, a
 * few promises per field. Here the root and args instances are built as type-graphql builds them and the method called
 * at once when `validateInput` has already found the same values valid; anything else (a NUL character, values not
 * seen valid yet, arrays) goes through type-graphql as before. The kit's resolver
 * classes hold no state, so the method runs on an instance of its own.
 */
function callArgsFieldResolversDirectly(storage: MetadataStorage, resolvers: GraphQLResolverMap<unknown>): void {
  if (!withoutMiddlewares(storage)) return;
  for (const method of storage.fieldResolvers) {
    if (method.kind !== "external" || !method.getObjectType || method.roles?.length || method.middlewares?.length) continue;
    const params = [...(method.params ?? [])].sort((a, b) => a.index - b.index);
    const argsParams = params.filter((param) => param.kind === "args");
    if (argsParams.length > 1 || (argsParams[0] && (argsParams[0].validateSettings !== undefined || argsParams[0].validateFn !== undefined))) continue;
    const argsClass = argsParams[0]?.getType?.() as (new () => object) | undefined;
    const argsFields = typeof argsClass === "function" ? scalarArgsFields(storage, argsClass) : undefined;
    if (argsParams[0] && (!argsClass || !argsFields)) continue;
    const plainParams = params.every(
      (param) => param.kind === "args" || param.kind === "info" || ((param.kind === "context" || param.kind === "root") && !param.propertyName),
    );
    if (!plainParams) continue;
    const rootParam = params.find((param) => param.kind === "root");
    const rootType = rootParam?.getType?.() as (new () => object) | undefined;
    if (rootType !== undefined && typeof rootType !== "function") continue;
    const objectType = method.getObjectType();
    const target = method.target as new () => Record<string, (...values: unknown[]) => unknown>;
    let instance: Record<string, (...values: unknown[]) => unknown> | undefined;
    for (const type of storage.objectTypes) {
      if (type.target !== objectType && !(type.target.prototype instanceof objectType)) continue;
      const fields = resolvers[type.name] as Record<string, GraphQLFieldResolver<unknown, unknown>> | undefined;
      const original = fields?.[method.schemaName];
      if (!fields || typeof original !== "function") continue;
      fields[method.schemaName] = (root, args: Record<string, unknown>, context, info) => {
        let argsValue: object | undefined;
        if (argsClass && argsFields) {
          // As type-graphql's convertArgsToInstance, for scalar fields.
          const data: Record<string, unknown> = {};
          for (const name of argsFields) {
            const value = args[name];
            if (Array.isArray(value)) return original(root, args, context, info);
            if (value !== undefined) data[name] = value;
          }
          argsValue = asInstance(argsClass, data) as object;
          // `validateInput`'s checks, else type-graphql runs them and answers with their errors.
          if (nulCharacterPaths(args).length > 0 || !isKnownValid(argsValue)) return original(root, args, context, info);
        }
        instance ??= new target();
        const values = params.map((param) =>
          param.kind === "args"
            ? argsValue
            : param.kind === "root"
              ? rootType
                ? asInstance(rootType, root)
                : root
              : param.kind === "context"
                ? context
                : info,
        );
        return instance[method.methodName](...values);
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
  callArgsFieldResolversDirectly(storage, resolvers);
  for (const [typeName, resolveReference] of Object.entries(definition.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference } as never;
  }
  return buildApolloSubgraphSchema({
    typeDefs: parse(`${printSchemaExtension(definition)}\n\n${printSchemaWithDirectives(schema)}`),
    resolvers,
  });
}
