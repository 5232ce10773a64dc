import {
  type ASTNode,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  GraphQLError,
  type InputValueDefinitionNode,
  Kind,
  type SelectionSetNode,
  type TypeDefinitionNode,
  type TypeExtensionNode,
  type TypeNode,
  parse,
  print,
  visit,
} from "graphql";
import { type NullabilityProblem, nullabilityProblems } from "./nullability";

/** One reason a partner SDL breaks the hub's partner policy, located by schema coordinate. */
export interface PolicyProblem {
  code: string;
  /** Schema coordinate (`Person.creativeTracksScore`, `Query.foo`, `CreativeTracksLab`) or `schema`. */
  coordinate: string;
  message: string;
}

/** What the policy needs to know besides the partner SDL itself. */
export interface PolicyContext {
  /** The publishing network's slug, e.g. `creative-tracks`. */
  network: string;
  /** SDL of each core subgraph, as printed by `printSubgraphSchema`. */
  coreSdls: string[];
  /** Other networks' active partner subgraphs; entries of the publishing network itself are ignored. */
  otherPartners: Array<{ network: string; name: string; sdl: string }>;
  /** Largest accepted SDL in UTF-8 bytes; 256 KiB when omitted. */
  maxSdlBytes?: number;
  /**
   * Slugs of every other registered network. A name under this network's prefix that also lies under
   * a longer prefix of one of them (`CultureAgoraX` for network `culture` when `culture-agora` exists)
   * is that network's, not this one's.
   */
  otherNetworks?: string[];
}

export const DEFAULT_MAX_SDL_BYTES = 256 * 1024;
export const MAX_TYPE_DEFINITIONS = 500;
/** Deepest bracket nesting (`[`, `(`, `{`) a partner SDL may use; real schemas stay below 10, and the parser recurses once per level. */
export const MAX_SDL_NESTING = 32;
/** Most tokens a partner SDL may hold; 256 KiB of real SDL has far fewer. */
export const MAX_SDL_TOKENS = 100_000;

/**
 * Core fields a partner may declare `@external` and name in `@requires`. The gateway sends every
 * required field to the partner in each entity representation, so this lists only fields any
 * anonymous client can already read and that identify no one's contact channel. Anything else —
 * `contactEmail` above all — would hand personal data to a third party just by publishing an SDL.
 */
export const PARTNER_READABLE_CORE_FIELDS: ReadonlySet<string> = new Set([
  "Person.id",
  "Person.displayName",
  "Person.country",
  "Person.disciplines",
  "Organisation.id",
  "Organisation.name",
  "Organisation.country",
  "Organisation.kind",
  "Organisation.disciplines",
  "Opportunity.id",
  "Opportunity.type",
  "Event.id",
  "Event.startsAt",
]);

const FEDERATION_SPEC_URL = /^https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+$/;
const LINK_SPEC_URL = /^https:\/\/specs\.apollo\.dev\/link\/v1\.\d+$/;
const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Directive names federation defines; used bare, they are taken to mean federation's, imported or not. */
const FEDERATION_DIRECTIVES = new Set([
  "key", "shareable", "external", "requires", "provides", "override", "inaccessible", "tag", "extends",
  "composeDirective", "interfaceObject", "authenticated", "requiresScopes", "policy", "context", "fromContext",
  "cost", "listSize",
]);

/** Types federation and the link spec add to a subgraph; printers of other libraries may include them. */
const FEDERATION_TYPES = new Set([
  "_Any", "_Entity", "_Service", "_FieldSet", "FieldSet", "link__Import", "link__Purpose",
  "federation__FieldSet", "federation__Scope", "federation__Policy", "federation__ContextFieldValue",
]);
const FEDERATION_ROOT_FIELDS = new Set(["_service", "_entities"]);
const ROOT_TYPES: Record<string, string> = { query: "Query", mutation: "Mutation", subscription: "Subscription" };

type TypeNodeAny = TypeDefinitionNode | TypeExtensionNode;

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
type TypeKind = TypeDefinitionNode["kind"];
type CanonicalName = (localName: string) => string;

const DEFINITION_KIND: Record<TypeNodeAny["kind"], TypeKind> = {
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

function isTypeNode(node: DefinitionNode): node is TypeNodeAny {
  return node.kind in DEFINITION_KIND;
}

/** A subgraph SDL read once: its types grouped by name (definition plus extensions), roots and directive names. */
interface SubgraphModel {
  groups: Map<string, TypeNodeAny[]>;
  /** Root type name → operation (`Query`, `Mutation`, `Subscription`), following any `schema { query: X }`. */
  roots: Map<string, string>;
  canonical: CanonicalName;
  links: ConstDirectiveNode[];
  schemaDirectives: ConstDirectiveNode[];
}

function readSubgraph(document: DocumentNode): SubgraphModel {
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

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function argumentValue(directive: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return directive.arguments?.find((argument) => argument.name.value === name)?.value;
}

function withoutAt(name: string): string {
  return name.startsWith("@") ? name.slice(1) : name;
}

/**
 * Maps a directive name as written in the SDL to federation's own name, following the federation
 * `@link`'s `import` renames and namespace (`@federation__override`, or `as:`), so renaming a
 * directive cannot slip it past the policy.
 */
function directiveNamer(links: ConstDirectiveNode[]): CanonicalName {
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

function directivesNamed(nodes: readonly ConstDirectiveNode[] | undefined, name: string, canonical: CanonicalName): ConstDirectiveNode[] {
  return (nodes ?? []).filter((directive) => canonical(directive.name.value) === name);
}

function fieldsOf(node: TypeNodeAny): ReadonlyArray<FieldDefinitionNode | InputValueDefinitionNode> {
  return "fields" in node && node.fields ? node.fields : [];
}

function objectFieldsOf(nodes: TypeNodeAny[]): FieldDefinitionNode[] {
  return nodes.flatMap((node) => fieldsOf(node).filter((field): field is FieldDefinitionNode => field.kind === Kind.FIELD_DEFINITION));
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/**
 * One printable definition for a type written as a definition plus extensions, with descriptions
 * dropped, federation directives under their own names and every list put in a stable order, so two
 * copies compare equal when they declare the same thing.
 */
function normalisedDefinition(nodes: TypeNodeAny[], canonical: CanonicalName): string {
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

/** What the core subgraphs define, as the policy needs it. */
interface CoreModel {
  types: Map<string, CoreType>;
  /** Type → field → the field's named type, across the core subgraphs. */
  fieldTypes: Map<string, Map<string, string>>;
}

interface CoreType {
  kind: TypeKind;
  /** Carries `@key` in some core subgraph. */
  entity: boolean;
  /** An object type all core subgraphs may share (`@shareable` on the type or every field). */
  shareable: boolean;
  /** Normalised definition in each core subgraph that defines it. */
  copies: Set<string>;
}

function recordFieldTypes(fieldTypes: Map<string, Map<string, string>>, name: string, nodes: TypeNodeAny[]): void {
  const fields = fieldTypes.get(name) ?? new Map<string, string>();
  for (const node of nodes) for (const field of fieldsOf(node)) fields.set(field.name.value, namedType(field.type));
  fieldTypes.set(name, fields);
}

function readCore(coreSdls: string[]): CoreModel {
  const types = new Map<string, CoreType>();
  const fieldTypes = new Map<string, Map<string, string>>();
  for (const sdl of coreSdls) {
    const core = readSubgraph(parse(sdl));
    for (const [name, nodes] of core.groups) {
      if (core.roots.has(name) || FEDERATION_TYPES.has(name)) continue;
      recordFieldTypes(fieldTypes, name, nodes);
      const entity = nodes.some((node) => directivesNamed(node.directives, "key", core.canonical).length > 0);
      const fields = objectFieldsOf(nodes);
      const shareable =
        nodes.some((node) => directivesNamed(node.directives, "shareable", core.canonical).length > 0) ||
        (fields.length > 0 && fields.every((field) => directivesNamed(field.directives, "shareable", core.canonical).length > 0));
      const known = types.get(name);
      types.set(name, {
        kind: known?.kind ?? DEFINITION_KIND[nodes[0].kind],
        entity: (known?.entity ?? false) || entity,
        shareable: (known?.shareable ?? true) && shareable,
        copies: (known?.copies ?? new Set<string>()).add(normalisedDefinition(nodes, core.canonical)),
      });
    }
  }
  return { types, fieldTypes };
}

/** The namespace a network's partner subgraphs must use: `creative-tracks` → `CreativeTracks…` types and `creativeTracks…` fields. */
export function networkPrefixes(slug: string): { typePrefix: string; fieldPrefix: string } {
  if (!SLUG.test(slug)) {
    throw new Error(`network slug ${JSON.stringify(slug)} cannot name a GraphQL namespace: it must start with a letter and hold only lower-case letters, digits and single hyphens`);
  }
  const typePrefix = slug
    .split("-")
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("");
  return { typePrefix, fieldPrefix: typePrefix[0].toLowerCase() + typePrefix.slice(1) };
}

/** True for the prefix itself or the prefix followed by an upper-case letter or digit (`creativeTracksX`, not `creativeTracksx`). */
export function hasPrefix(name: string, prefix: string): boolean {
  if (name === prefix) return true;
  if (!name.startsWith(prefix)) return false;
  const next = name.charAt(prefix.length);
  return (next >= "A" && next <= "Z") || (next >= "0" && next <= "9");
}

/** The network's prefixes, or null for a slug that cannot name a namespace (such a network cannot publish). */
function prefixesOrNull(slug: string): { typePrefix: string; fieldPrefix: string } | null {
  return SLUG.test(slug) ? networkPrefixes(slug) : null;
}

/**
 * Of `slugs`, the network whose namespace holds `name` more specifically than a prefix `ownLength`
 * long: one whose prefix also starts `name` and is longer. Namespaces nest (`Culture` ⊃ `CultureAgora`),
 * and a name belongs to the most specific registered one.
 */
export function longerNamespaceOwner(name: string, kind: "type" | "field", ownLength: number, slugs: readonly string[]): string | null {
  let owner: { slug: string; length: number } | null = null;
  for (const slug of slugs) {
    const prefixes = prefixesOrNull(slug);
    if (!prefixes) continue;
    const prefix = kind === "type" ? prefixes.typePrefix : prefixes.fieldPrefix;
    if (prefix.length > ownLength && hasPrefix(name, prefix) && (!owner || prefix.length > owner.length)) owner = { slug, length: prefix.length };
  }
  return owner?.slug ?? null;
}

/**
 * The namespaced names an (already accepted) partner SDL publishes: its own types, and the fields it
 * adds to root types and core entities; each with the coordinate as written.
 */
export function publishedNames(sdl: string, coreSdls: string[]): Array<{ name: string; kind: "type" | "field"; coordinate: string }> {
  const core = readCore(coreSdls);
  const model = readSubgraph(parse(sdl, { noLocation: true }));
  return [...claimedNames(model, core).values()].map((coordinate) => {
    const dot = coordinate.indexOf(".");
    return dot < 0 ? { name: coordinate, kind: "type" as const, coordinate } : { name: coordinate.slice(dot + 1), kind: "field" as const, coordinate };
  });
}

/**
 * How deeply brackets nest in an SDL: outside strings and comments, and inside each string on its own
 * (field sets of `@key`/`@requires` are parsed again later). Linear and recursion-free, so it can run
 * before the recursive parser does.
 */
export function sdlNesting(sdl: string): number {
  let deepest = 0;
  let depth = 0;
  const stringNesting = (from: number, to: number) => {
    let inner = 0;
    for (let i = from; i < to; i++) {
      const c = sdl[i];
      if (c === "[" || c === "(" || c === "{") deepest = Math.max(deepest, ++inner);
      else if ((c === "]" || c === ")" || c === "}") && inner > 0) inner--;
    }
  };
  for (let i = 0; i < sdl.length; i++) {
    const c = sdl[i];
    if (c === "#") {
      while (i + 1 < sdl.length && sdl[i + 1] !== "\n" && sdl[i + 1] !== "\r") i++;
    } else if (sdl.startsWith('"""', i)) {
      // A block string ends at the next """ not escaped as \""".
      let end = i + 3;
      while (end < sdl.length && !sdl.startsWith('"""', end)) end += sdl.startsWith('\\"""', end) ? 4 : 1;
      stringNesting(i + 3, end);
      i = end + 2;
    } else if (c === '"') {
      // A string ends at the next unescaped " (or, unterminated, at the line's end, where the parser stops too).
      let end = i + 1;
      while (end < sdl.length && sdl[end] !== '"' && sdl[end] !== "\n" && sdl[end] !== "\r") end += sdl[end] === "\\" ? 2 : 1;
      stringNesting(i + 1, end);
      i = end;
    } else if (c === "[" || c === "(" || c === "{") {
      deepest = Math.max(deepest, ++depth);
    } else if ((c === "]" || c === ")" || c === "}") && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

function suggestion(name: string, prefix: string): string {
  return `${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

type TypeClass = "root" | "coreEntity" | "coreShared" | "own" | "federation";

function classify(name: string, model: SubgraphModel, core: CoreModel): TypeClass {
  if (FEDERATION_TYPES.has(name)) return "federation";
  if (model.roots.has(name)) return "root";
  const coreType = core.types.get(name);
  if (coreType) return coreType.entity ? "coreEntity" : "coreShared";
  return "own";
}

/**
 * Names a partner subgraph claims: its own types, its root fields (by operation, so a renamed root
 * type still collides) and the fields it adds to core entities. Key → coordinate as written.
 */
function claimedNames(model: SubgraphModel, core: CoreModel): Map<string, string> {
  const claims = new Map<string, string>();
  for (const [name, nodes] of model.groups) {
    const typeClass = classify(name, model, core);
    if (typeClass === "own") claims.set(name, name);
    if (typeClass !== "root" && typeClass !== "coreEntity") continue;
    const owner = typeClass === "root" ? (model.roots.get(name) ?? name) : name;
    const coreFields = core.fieldTypes.get(name);
    for (const field of objectFieldsOf(nodes)) {
      const fieldName = field.name.value;
      if (FEDERATION_ROOT_FIELDS.has(fieldName) || fieldName === "id" || coreFields?.has(fieldName)) continue;
      if (directivesNamed(field.directives, "external", model.canonical).length > 0) continue;
      claims.set(`${owner}.${fieldName}`, `${name}.${fieldName}`);
    }
  }
  return claims;
}

/** Field coordinates a `@requires` field set reads, or null when it is not a plain field set. */
function requiredCoordinates(fields: string, parentType: string, fieldTypes: Map<string, Map<string, string>>): string[] | null {
  let selectionSet: SelectionSetNode;
  try {
    const document = parse(`{${fields}}`, { noLocation: true });
    const [operation] = document.definitions;
    if (document.definitions.length !== 1 || operation.kind !== Kind.OPERATION_DEFINITION) return null;
    selectionSet = operation.selectionSet;
  } catch {
    return null;
  }
  const coordinates: string[] = [];
  const walk = (set: SelectionSetNode, parent: string): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) return false;
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet, selection.typeCondition?.name.value ?? parent);
      coordinates.push(`${parent}.${selection.name.value}`);
      const child = fieldTypes.get(parent)?.get(selection.name.value);
      return selection.selectionSet ? child !== undefined && walk(selection.selectionSet, child) : true;
    });
  return walk(selectionSet, parentType) ? coordinates : null;
}

/**
 * Checks a partner subgraph SDL against the hub's partner policy before composition; an empty list
 * means the SDL may go on to composition. Pure: everything it needs comes in through `context`.
 */
export function checkPartnerPolicy(sdl: string, context: PolicyContext): PolicyProblem[] {
  const maxBytes = context.maxSdlBytes ?? DEFAULT_MAX_SDL_BYTES;
  const bytes = Buffer.byteLength(sdl, "utf8");
  if (bytes > maxBytes) {
    return [{ code: "SDL_TOO_LARGE", coordinate: "schema", message: `The SDL is ${bytes} bytes; partner subgraphs may publish at most ${maxBytes} bytes.` }];
  }

  let prefixes: { typePrefix: string; fieldPrefix: string };
  try {
    prefixes = networkPrefixes(context.network);
  } catch (error) {
    return [{ code: "NETWORK_SLUG_INVALID", coordinate: "schema", message: (error as Error).message }];
  }
  const { typePrefix, fieldPrefix } = prefixes;

  const nesting = sdlNesting(sdl);
  if (nesting > MAX_SDL_NESTING) {
    return [{ code: "SDL_TOO_DEEP", coordinate: "schema", message: `The SDL nests brackets ${nesting} levels deep; partner subgraphs may nest at most ${MAX_SDL_NESTING}.` }];
  }

  let document: DocumentNode;
  try {
    document = parse(sdl, { maxTokens: MAX_SDL_TOKENS });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // graphql-js 16 words it "more that N tokens".
    if (/Document contains more tha[nt] \d+ tokens/.test(error.message)) {
      return [{ code: "SDL_TOO_MANY_TOKENS", coordinate: "schema", message: `The SDL holds more than ${MAX_SDL_TOKENS} tokens, the most a partner subgraph may hold.` }];
    }
    const location = error.locations?.[0];
    const where = location ? ` (line ${location.line}, column ${location.column})` : "";
    return [{ code: "SDL_SYNTAX_ERROR", coordinate: "schema", message: `The SDL does not parse: ${error.message}${where}.` }];
  }

  const problems: PolicyProblem[] = [];
  const report = (code: string, coordinate: string, message: string) => problems.push({ code, coordinate, message });

  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      report("SDL_NOT_TYPE_SYSTEM", "schema", "The SDL holds an operation or fragment; a subgraph SDL may only hold type system definitions.");
    }
  }
  const typeNodeCount = document.definitions.filter(isTypeNode).length;
  if (typeNodeCount > MAX_TYPE_DEFINITIONS) {
    report("TOO_MANY_TYPES", "schema", `The SDL holds ${typeNodeCount} type definitions and extensions; partner subgraphs may hold at most ${MAX_TYPE_DEFINITIONS}.`);
  }

  const core = readCore(context.coreSdls);
  const model = readSubgraph(document);
  const { canonical } = model;
  const partnerFieldTypes = new Map(core.fieldTypes);
  for (const [name, nodes] of model.groups) if (!core.types.has(name)) recordFieldTypes(partnerFieldTypes, name, nodes);

  // Rule 2: links only to federation 2 (and the link spec itself); no @composeDirective.
  let federationLinked = false;
  for (const link of model.links) {
    const url = stringArgument(link, "url") ?? "";
    if (FEDERATION_SPEC_URL.test(url)) {
      federationLinked = true;
    } else if (!LINK_SPEC_URL.test(url) || argumentValue(link, "as") || argumentValue(link, "import")) {
      report(
        "LINK_NOT_ALLOWED",
        "schema",
        `@link(url: ${JSON.stringify(url)}) is not allowed; partner subgraphs may only link https://specs.apollo.dev/federation/v2.x (and the plain link spec).`,
      );
    }
  }
  if (!federationLinked) {
    report(
      "FEDERATION_LINK_MISSING",
      "schema",
      'The SDL does not link Federation 2; start it with extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]).',
    );
  }
  for (const directive of model.schemaDirectives) checkDirective(directive, { coordinate: "schema", typeClass: "root", inNamespace: false });

  // Rule 7: names another network already publishes.
  const claimedByOthers = new Map<string, { network: string; name: string }>();
  for (const other of context.otherPartners) {
    if (other.network === context.network) continue;
    let otherDocument: DocumentNode;
    try {
      otherDocument = parse(other.sdl, { noLocation: true });
    } catch {
      continue; // an active subgraph always parsed once; a broken stored copy must not block everyone else
    }
    for (const key of claimedNames(readSubgraph(otherDocument), core).keys()) claimedByOthers.set(key, { network: other.network, name: other.name });
  }
  for (const [key, coordinate] of claimedNames(model, core)) {
    const owner = claimedByOthers.get(key);
    if (owner) {
      report(
        "OWNED_BY_ANOTHER_NETWORK",
        coordinate,
        `${coordinate} is already published by network "${owner.network}" (subgraph "${owner.name}"); choose another name under ${typePrefix}/${fieldPrefix}.`,
      );
    }
  }

  for (const [name, nodes] of model.groups) {
    const typeClass = classify(name, model, core);
    if (typeClass === "federation") continue;
    if (typeClass === "own" && !hasPrefix(name, typePrefix)) {
      report("TYPE_NOT_PREFIXED", name, `Type ${name} is not a core type, so it must be named under the network's prefix ${typePrefix}, e.g. ${suggestion(name, typePrefix)}.`);
    } else if (typeClass === "own") {
      checkNamespace(name, "type", name);
    }
    if (typeClass === "root") checkRootType(name, nodes);
    if (typeClass === "coreEntity") checkEntityStub(name, nodes);
    let identicalCopy = false;
    if (typeClass === "coreShared") identicalCopy = checkSharedCopy(name, nodes);
    walkDirectives(name, nodes, typeClass, identicalCopy);
  }
  // The graph's nullability rule, exactly as `npm run schema:check` applies it to the core subgraphs: the
  // partner owns only the types of its namespace; every core entity it extends or refers to is foreign.
  let nullability: NullabilityProblem[] = [];
  try {
    nullability = nullabilityProblems(document, (typeName) => hasPrefix(typeName, typePrefix));
  } catch {
    // An SDL graphql-js cannot build is refused by composition, with a better message than ours.
  }
  for (const problem of nullability) report(problem.code, problem.coordinate, problem.message);
  return problems;

  /** Reports (and returns true) when a prefixed name lies in another registered network's longer namespace. */
  function checkNamespace(name: string, kind: "type" | "field", coordinate: string): boolean {
    const others = (context.otherNetworks ?? []).filter((slug) => slug !== context.network);
    const owner = longerNamespaceOwner(name, kind, typePrefix.length, others);
    if (!owner) return false;
    const theirs = kind === "type" ? networkPrefixes(owner).typePrefix : networkPrefixes(owner).fieldPrefix;
    report(
      "NAME_IN_ANOTHER_NAMESPACE",
      coordinate,
      `${coordinate} lies in the namespace of network "${owner}" (${theirs}…), which is more specific than ${kind === "type" ? typePrefix : fieldPrefix}…; choose a name that does not start with ${theirs}.`,
    );
    return true;
  }

  function checkRootType(name: string, nodes: TypeNodeAny[]): void {
    for (const field of objectFieldsOf(nodes)) {
      const fieldName = field.name.value;
      const coordinate = `${name}.${fieldName}`;
      if (FEDERATION_ROOT_FIELDS.has(fieldName)) continue;
      if (!hasPrefix(fieldName, fieldPrefix)) {
        report("ROOT_FIELD_NOT_PREFIXED", coordinate, `Root field ${coordinate} must be named under the network's prefix ${fieldPrefix}, e.g. ${suggestion(fieldName, fieldPrefix)}.`);
      } else if (checkNamespace(fieldName, "field", coordinate)) {
        // reported: another network's namespace
      }
    }
  }

  function checkEntityStub(name: string, nodes: TypeNodeAny[]): void {
    const coreKind = core.types.get(name)?.kind;
    if (nodes.some((node) => DEFINITION_KIND[node.kind] !== coreKind)) {
      report("CORE_TYPE_REDEFINED", name, `${name} is a core entity; partners may only add an entity stub of the same kind with @key(fields: "id").`);
      return;
    }
    const keys = nodes.flatMap((node) => directivesNamed(node.directives, "key", canonical));
    const canonicalKey =
      keys.length === 1 &&
      stringArgument(keys[0], "fields")?.trim() === "id" &&
      (keys[0].arguments ?? []).every(
        (argument) => argument.name.value === "fields" || (argument.name.value === "resolvable" && argument.value.kind === Kind.BOOLEAN),
      );
    if (!canonicalKey) {
      const found = keys.length === 0 ? "no @key" : keys.map((key) => print(key)).join(" ");
      report("CORE_KEY_NOT_CANONICAL", name, `Core entity ${name} has ${found}; a partner stub must carry exactly @key(fields: "id") (optionally resolvable: false).`);
    }
    const fields = objectFieldsOf(nodes);
    const id = fields.find((field) => field.name.value === "id");
    if (!id || print(id.type) !== "ID!") {
      report("CORE_ENTITY_ID_REQUIRED", id ? `${name}.id` : name, `Entity stub ${name} must declare id: ID!${id ? `, not id: ${print(id.type)}` : ""}.`);
    }
    for (const field of fields) {
      const fieldName = field.name.value;
      const coordinate = `${name}.${fieldName}`;
      if (fieldName === "id" || directivesNamed(field.directives, "external", canonical).length > 0) continue; // @external is judged by the allow-list
      if (!hasPrefix(fieldName, fieldPrefix)) {
        report(
          "CORE_FIELD_NOT_PREFIXED",
          coordinate,
          `${coordinate} is not the network's to define; partners add fields to core entities only under the prefix ${fieldPrefix}, e.g. ${suggestion(fieldName, fieldPrefix)}.`,
        );
      } else if (checkNamespace(fieldName, "field", coordinate)) {
        // reported: another network's namespace
      }
    }
  }

  /** True when the copy is identical to a core definition; reports it otherwise. */
  function checkSharedCopy(name: string, nodes: TypeNodeAny[]): boolean {
    const coreType = core.types.get(name)!;
    const copyable =
      coreType.kind === Kind.SCALAR_TYPE_DEFINITION ||
      coreType.kind === Kind.ENUM_TYPE_DEFINITION ||
      coreType.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
      (coreType.kind === Kind.OBJECT_TYPE_DEFINITION && coreType.shareable);
    if (!copyable) {
      report("CORE_TYPE_REDEFINED", name, `${name} is a core type that only its core subgraph defines; define your own ${suggestion(name, typePrefix)} instead.`);
      return false;
    }
    if (coreType.copies.has(normalisedDefinition(nodes, canonical))) return true;
    report(
      "CORE_TYPE_REDEFINED",
      name,
      `${name} differs from the core definition; a partner may only repeat a shared core type exactly as the core prints it (descriptions and order aside), or define its own ${suggestion(name, typePrefix)}.`,
    );
    return false;
  }

  function walkDirectives(name: string, nodes: TypeNodeAny[], typeClass: TypeClass, identicalCopy: boolean): void {
    // An identical copy of a shared core type repeats core's own directives, so only the "anywhere" rules apply.
    const place = (coordinate: string, inNamespace: boolean, extra: Partial<Place> = {}): Place => ({
      coordinate,
      typeClass: identicalCopy ? "federation" : typeClass,
      inNamespace,
      ...extra,
    });
    const own = typeClass === "own";
    for (const node of nodes) {
      for (const directive of node.directives ?? []) checkDirective(directive, place(name, own, { typeLevel: true }));
      for (const field of fieldsOf(node)) {
        const coordinate = `${name}.${field.name.value}`;
        const inNamespace = own || ((typeClass === "root" || typeClass === "coreEntity") && hasPrefix(field.name.value, fieldPrefix));
        const fieldPlace = place(coordinate, inNamespace, { parentType: name });
        for (const directive of field.directives ?? []) checkDirective(directive, fieldPlace);
        if (field.kind === Kind.FIELD_DEFINITION) {
          for (const argument of field.arguments ?? []) {
            for (const directive of argument.directives ?? []) checkDirective(directive, place(`${coordinate}(${argument.name.value}:)`, inNamespace));
          }
        }
      }
      if (node.kind === Kind.ENUM_TYPE_DEFINITION || node.kind === Kind.ENUM_TYPE_EXTENSION) {
        for (const value of node.values ?? []) {
          for (const directive of value.directives ?? []) checkDirective(directive, place(`${name}.${value.name.value}`, own));
        }
      }
    }
  }

  function checkDirective(directive: ConstDirectiveNode, at: Place): void {
    const name = canonical(directive.name.value);
    const written = `@${directive.name.value}`;
    const { coordinate, typeClass } = at;
    const coreOrRoot = typeClass === "coreEntity" || typeClass === "root";
    switch (name) {
      case "override":
        report("OVERRIDE_FORBIDDEN", coordinate, `${written} on ${coordinate} is not allowed: partners may not take over fields resolved elsewhere; add a new ${fieldPrefix}… field instead.`);
        break;
      case "provides":
        report("PROVIDES_FORBIDDEN", coordinate, `${written} on ${coordinate} is not allowed: partners may not provide values for core fields; add a new ${fieldPrefix}… field instead.`);
        break;
      case "composeDirective":
        report("COMPOSE_DIRECTIVE_FORBIDDEN", coordinate, `${written} is not allowed: partner directives stay in the partner subgraph and are not composed into the hub's API.`);
        break;
      case "shareable":
        if (coreOrRoot) {
          report("SHAREABLE_FORBIDDEN", coordinate, `${written} on ${coordinate} is not allowed: core and root fields resolve in exactly one subgraph; @shareable is only for the network's own ${typePrefix}… types.`);
        }
        break;
      case "inaccessible":
        if (typeClass !== "federation" && !at.inNamespace) {
          report(
            "INACCESSIBLE_FORBIDDEN",
            coordinate,
            `${written} on ${coordinate} would hide part of the hub's schema from everyone; partners may only hide their own ${typePrefix}… types and ${fieldPrefix}… fields.`,
          );
        }
        break;
      case "interfaceObject":
        if (coreOrRoot) report("INTERFACE_OBJECT_FORBIDDEN", coordinate, `${written} on core type ${coordinate} is not allowed; it is only for the network's own ${typePrefix}… types.`);
        break;
      case "context":
      case "fromContext":
        if (coreOrRoot) report("CONTEXT_FORBIDDEN", coordinate, `${written} on core type ${coordinate} is not allowed; it is only for the network's own ${typePrefix}… types.`);
        break;
      case "external":
        if (typeClass === "federation") break;
        if (at.typeLevel || !at.parentType || !PARTNER_READABLE_CORE_FIELDS.has(coordinate)) {
          report("EXTERNAL_NOT_ALLOWED", coordinate, `${written} on ${coordinate} is not allowed; partners may only declare these core fields external: ${[...PARTNER_READABLE_CORE_FIELDS].join(", ")}.`);
        }
        break;
      case "requires":
        if (typeClass === "federation" || !at.parentType) break;
        checkRequires(directive, at, written);
        break;
      default:
        break;
    }
  }

  function checkRequires(directive: ConstDirectiveNode, at: Place, written: string): void {
    const fields = stringArgument(directive, "fields") ?? "";
    const coordinates = requiredCoordinates(fields, at.parentType!, partnerFieldTypes);
    if (coordinates === null) {
      report("REQUIRES_NOT_ALLOWED", at.coordinate, `${written}(fields: ${JSON.stringify(fields)}) on ${at.coordinate} is not a plain field set the policy can check.`);
      return;
    }
    const refused = coordinates.filter((coordinate) => !PARTNER_READABLE_CORE_FIELDS.has(coordinate));
    if (refused.length > 0) {
      report(
        "REQUIRES_NOT_ALLOWED",
        at.coordinate,
        `${written} on ${at.coordinate} would make the gateway send ${refused.join(", ")} to the partner; partners may only require: ${[...PARTNER_READABLE_CORE_FIELDS].join(", ")}.`,
      );
    }
  }
}

/** Where a directive is used, as the directive rules need it. */
interface Place {
  coordinate: string;
  /** `federation` also stands for an identical copy of a shared core type, which only repeats core's own directives. */
  typeClass: TypeClass;
  /** Inside the network's namespace: its own types, and its prefixed fields on root types and core entities. */
  inNamespace: boolean;
  typeLevel?: boolean;
  parentType?: string;
}
