import {
  type ASTNode,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  Kind,
  type TypeDefinitionNode,
  type TypeExtensionNode,
  type TypeNode,
  print,
  visit,
} from "graphql";

/** Directive names federation defines; used bare, they are taken to mean federation's, imported or not. */
const FEDERATION_DIRECTIVES = new Set([
  "key",
  "shareable",
  "external",
  "requires",
  "provides",
  "override",
  "inaccessible",
  "tag",
  "extends",
  "composeDirective",
  "interfaceObject",
  "authenticated",
  "requiresScopes",
  "policy",
  "context",
  "fromContext",
  "cost",
  "listSize",
]);

/** Types federation and the link spec add to a subgraph; printers of other libraries may include them. */
export const FEDERATION_TYPES: ReadonlySet<string> = new Set([
  "_Any",
  "_Entity",
  "_Service",
  "_FieldSet",
  "FieldSet",
  "link__Import",
  "link__Purpose",
  "federation__FieldSet",
  "federation__Scope",
  "federation__Policy",
  "federation__ContextFieldValue",
]);
/** Root fields federation adds; the gateway alone calls them. */
export const FEDERATION_ROOT_FIELDS: ReadonlySet<string> = new Set(["_service", "_entities"]);
export const FEDERATION_SPEC_URL = /^https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+$/;
const ROOT_TYPES: Record<string, string> = { query: "Query", mutation: "Mutation", subscription: "Subscription" };

/** A type definition or extension. */
export type TypeNodeAny = TypeDefinitionNode | TypeExtensionNode;
type TypeKind = TypeDefinitionNode["kind"];
/** Maps a directive name as written to federation's own name (see {@link directiveNamer}). */
export type CanonicalName = (localName: string) => string;

/** The list properties a type definition may carry. */
const TYPE_LISTS = ["interfaces", "directives", "fields", "values", "types"] as const;
/** Lists whose order carries no meaning, per node kind; sorted before two definitions are compared. */
const SORTED_LISTS: Partial<Record<string, readonly string[]>> = {
  [Kind.DIRECTIVE]: ["arguments"],
  [Kind.FIELD_DEFINITION]: ["arguments", "directives"],
  [Kind.INPUT_VALUE_DEFINITION]: ["directives"],
  [Kind.ENUM_VALUE_DEFINITION]: ["directives"],
  [Kind.SCALAR_TYPE_DEFINITION]: TYPE_LISTS,
  [Kind.OBJECT_TYPE_DEFINITION]: TYPE_LISTS,
  [Kind.INTERFACE_TYPE_DEFINITION]: TYPE_LISTS,
  [Kind.UNION_TYPE_DEFINITION]: TYPE_LISTS,
  [Kind.ENUM_TYPE_DEFINITION]: TYPE_LISTS,
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: TYPE_LISTS,
};

/** The definition kind of each type definition or extension kind. */
export const DEFINITION_KIND: Record<TypeNodeAny["kind"], TypeKind> = {
  [Kind.SCALAR_TYPE_DEFINITION]: Kind.SCALAR_TYPE_DEFINITION,
  [Kind.SCALAR_TYPE_EXTENSION]: Kind.SCALAR_TYPE_DEFINITION,
  [Kind.OBJECT_TYPE_DEFINITION]: Kind.OBJECT_TYPE_DEFINITION,
  [Kind.OBJECT_TYPE_EXTENSION]: Kind.OBJECT_TYPE_DEFINITION,
  [Kind.INTERFACE_TYPE_DEFINITION]: Kind.INTERFACE_TYPE_DEFINITION,
  [Kind.INTERFACE_TYPE_EXTENSION]: Kind.INTERFACE_TYPE_DEFINITION,
  [Kind.UNION_TYPE_DEFINITION]: Kind.UNION_TYPE_DEFINITION,
  [Kind.UNION_TYPE_EXTENSION]: Kind.UNION_TYPE_DEFINITION,
  [Kind.ENUM_TYPE_DEFINITION]: Kind.ENUM_TYPE_DEFINITION,
  [Kind.ENUM_TYPE_EXTENSION]: Kind.ENUM_TYPE_DEFINITION,
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: Kind.INPUT_OBJECT_TYPE_DEFINITION,
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: Kind.INPUT_OBJECT_TYPE_DEFINITION,
};

/** True for a type definition or extension. */
export function isTypeNode(node: DefinitionNode): node is TypeNodeAny {
  return node.kind in DEFINITION_KIND;
}

/** A subgraph SDL read once: its types grouped by name (definition plus extensions), roots and directive names. */
export interface SubgraphModel {
  groups: Map<string, TypeNodeAny[]>;
  /** Root type name → operation (`Query`, `Mutation`, `Subscription`), following any `schema { query: X }`. */
  roots: Map<string, string>;
  canonical: CanonicalName;
  links: ConstDirectiveNode[];
  schemaDirectives: ConstDirectiveNode[];
}

/** Reads a subgraph document into a {@link SubgraphModel}. */
export function readSubgraph(document: DocumentNode): SubgraphModel {
  const groups = new Map<string, TypeNodeAny[]>();
  const roots = new Map<string, string>(Object.values(ROOT_TYPES).map((name) => [name, name]));
  const schemaDirectives: ConstDirectiveNode[] = [];
  for (const definition of document.definitions) {
    if (isTypeNode(definition)) {
      groups.set(definition.name.value, [...(groups.get(definition.name.value) ?? []), definition]);
    } else if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) {
      schemaDirectives.push(...(definition.directives ?? []));
      for (const operation of definition.operationTypes ?? []) roots.set(operation.type.name.value, ROOT_TYPES[operation.operation]);
    }
  }
  const links = schemaDirectives.filter((directive) => directive.name.value === "link");
  return { groups, roots, canonical: directiveNamer(links), links, schemaDirectives };
}

/** A directive argument's value, when given. */
export function argumentValue(directive: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return directive.arguments?.find((argument) => argument.name.value === name)?.value;
}

/** A directive argument's value when it is a string literal. */
export function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = argumentValue(directive, name);
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function withoutAt(name: string): string {
  return name.startsWith("@") ? name.slice(1) : name;
}

/**
 * Maps a directive name as written in the SDL to federation's own name, following the federation
 * `@link`'s `import` renames and namespace (`@federation__override`, or `as:`), so renaming a
 * directive cannot slip it past the policy.
 */
export function directiveNamer(links: ConstDirectiveNode[]): CanonicalName {
  const imports = new Map<string, string>();
  const namespaces = new Set(["federation"]);
  for (const link of links) {
    if (!FEDERATION_SPEC_URL.test(stringArgument(link, "url") ?? "")) continue;
    const namespace = stringArgument(link, "as");
    if (namespace) namespaces.add(namespace);
    const imported = argumentValue(link, "import");
    for (const item of imported?.kind === Kind.LIST ? imported.values : []) {
      if (item.kind === Kind.STRING) {
        imports.set(withoutAt(item.value), withoutAt(item.value));
      } else if (item.kind === Kind.OBJECT) {
        const field = (key: string) => item.fields.find((f) => f.name.value === key)?.value;
        const name = field("name");
        const alias = field("as");
        if (name?.kind === Kind.STRING) {
          imports.set(withoutAt(alias?.kind === Kind.STRING ? alias.value : name.value), withoutAt(name.value));
        }
      }
    }
  }
  return (localName) => {
    const imported = imports.get(localName);
    if (imported) return imported;
    for (const namespace of namespaces) {
      const prefix = `${namespace}__`;
      if (localName.startsWith(prefix) && FEDERATION_DIRECTIVES.has(localName.slice(prefix.length))) {
        return localName.slice(prefix.length);
      }
    }
    return localName;
  };
}

/** The directives among `nodes` that are federation's `name`, however written. */
export function directivesNamed(nodes: readonly ConstDirectiveNode[] | undefined, name: string, canonical: CanonicalName): ConstDirectiveNode[] {
  return (nodes ?? []).filter((directive) => canonical(directive.name.value) === name);
}

/** The fields (or input fields) of a type node. */
export function fieldsOf(node: TypeNodeAny): ReadonlyArray<FieldDefinitionNode | InputValueDefinitionNode> {
  return "fields" in node && node.fields ? node.fields : [];
}

/** The output fields of a type written as a definition plus extensions. */
export function objectFieldsOf(nodes: TypeNodeAny[]): FieldDefinitionNode[] {
  return nodes.flatMap((node) => fieldsOf(node).filter((field): field is FieldDefinitionNode => field.kind === Kind.FIELD_DEFINITION));
}

/** The named type inside list and non-null wrappers. */
export function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** Adds the field → named type map of a type to `fieldTypes`. */
export function recordFieldTypes(fieldTypes: Map<string, Map<string, string>>, name: string, nodes: TypeNodeAny[]): void {
  const fields = fieldTypes.get(name) ?? new Map<string, string>();
  for (const node of nodes) for (const field of fieldsOf(node)) fields.set(field.name.value, namedType(field.type));
  fieldTypes.set(name, fields);
}

/**
 * One printable definition for a type written as a definition plus extensions, with descriptions
 * dropped, federation directives under their own names and every list put in a stable order, so two
 * copies compare equal when they declare the same thing.
 */
export function normalisedDefinition(nodes: TypeNodeAny[], canonical: CanonicalName): string {
  const merged: Record<string, unknown> = { kind: DEFINITION_KIND[nodes[0].kind], name: nodes[0].name };
  for (const key of TYPE_LISTS) {
    const items = nodes.flatMap((node) => (node as unknown as Record<string, readonly unknown[] | undefined>)[key] ?? []);
    if (items.length > 0) merged[key] = items;
  }
  const normalised = visit(merged as unknown as TypeDefinitionNode, {
    leave(node) {
      const copy: Record<string, unknown> = { ...node };
      if ("description" in node) copy.description = undefined;
      if (node.kind === Kind.DIRECTIVE) copy.name = { ...node.name, value: canonical(node.name.value) };
      for (const key of SORTED_LISTS[node.kind] ?? []) {
        const items = copy[key] as ASTNode[] | undefined;
        if (items) copy[key] = [...items].sort((a, b) => print(a).localeCompare(print(b)));
      }
      return copy as unknown as ASTNode;
    },
  });
  return print(normalised);
}
