import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/** One thing wrong with a subgraph's answer, at a path of that answer (`["_entities", 3, "name"]`). */
export interface AnswerProblem {
  path: Array<string | number>;
  reason: "wrong-type" | "key-mismatch" | "invalid-value" | "invalid-entities";
  detail: string;
}

/** A subgraph's `data` cut down to what the gateway asked for, with what was wrong in it. */
export interface ShapedAnswer {
  data: Record<string, unknown> | null;
  problems: AnswerProblem[];
  /** Fields the subgraph sent that the operation did not select (dropped). */
  unrequested: number;
}

/** What shaping needs besides the answer: the operation the gateway sent and the graph's types. */
export interface ShapeInput {
  /** The supergraph as a GraphQL schema (every type, `@inaccessible` fields included). */
  schema: GraphQLSchema;
  /** The operation the gateway sent to the subgraph, parsed. */
  document: DocumentNode;
  operationName?: string;
  variables?: Record<string, unknown>;
  data: unknown;
}

/** A position in the answer, kept as a chain and spelt out only when a problem is reported there. */
interface Position {
  parent: Position | null;
  key: string | number;
}

function at(parent: Position | null, key: string | number): Position {
  return { parent, key };
}

function spelt(position: Position | null): Array<string | number> {
  const path: Array<string | number> = [];
  for (let current = position; current; current = current.parent) path.push(current.key);
  return path.reverse();
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  problems: AnswerProblem[];
  unrequested: number;
}

/** Sentinel: the value is wrong and must become null at its position. */
const INVALID = Symbol("invalid");

/**
 * Keeps of a subgraph's answer exactly what the operation sent to it selected, typed as the supergraph
 * types it: unrequested fields are dropped, values of the wrong kind (an object for a String, an unknown
 * enum value) and objects of another type than their position allows become null, and each `_entities`
 * entry must be of its representation's type (or a possible type of it, when that is abstract) and repeat
 * the representation's key fields unchanged, else it becomes null. So a subgraph can only ever fill in the
 * fields the query plan asked it for, and never overwrite what another subgraph resolved.
 */
export function shapeAnswer(input: ShapeInput): ShapedAnswer {
  const walk: Walk = {
    schema: input.schema,
    fragments: new Map(),
    variables: input.variables ?? {},
    problems: [],
    unrequested: 0,
  };
  let operation: OperationDefinitionNode | undefined;
  for (const definition of input.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) walk.fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION && (!input.operationName || definition.name?.value === input.operationName))
      operation ??= definition;
  }
  if (input.data === null || input.data === undefined) return { data: null, problems: [], unrequested: 0 };
  if (!operation || !isPlainObject(input.data)) {
    return { data: null, problems: [{ path: [], reason: "invalid-value", detail: "data is not an object" }], unrequested: 0 };
  }
  const root = input.schema.getRootType(operation.operation);
  if (!root) return { data: null, problems: [{ path: [], reason: "invalid-value", detail: `no ${operation.operation} type` }], unrequested: 0 };
  const data = input.data;
  const out: Record<string, unknown> = {};
  for (const [key, nodes] of collectFields(walk, root, rootSelections(operation))) {
    const name = nodes[0].name.value;
    if (!Object.hasOwn(data, key)) continue;
    if (name === "_entities" && operation.operation === "query") {
      const entities = shapeEntities(walk, data[key], walk.variables.representations, nodes, at(null, key));
      // An entity list that cannot be matched to the representations cannot be trusted at all.
      if (entities === INVALID) return { data: null, problems: walk.problems, unrequested: walk.unrequested };
      out[key] = entities;
      continue;
    }
    const shaped = shapeField(walk, root, nodes, data[key], at(null, key));
    out[key] = shaped === INVALID ? null : shaped;
  }
  walk.unrequested += countExtraKeys(data, out);
  return { data: out, problems: walk.problems, unrequested: walk.unrequested };
}

/** `_entities`: one entry per representation, each of the representation's type and with its keys. */
function shapeEntities(walk: Walk, value: unknown, representations: unknown, nodes: FieldNode[], path: Position): unknown {
  if (value === null) return null;
  if (!Array.isArray(value) || !Array.isArray(representations) || value.length !== representations.length) {
    walk.problems.push({ path: spelt(path), reason: "invalid-entities", detail: "_entities does not match the representations" });
    return INVALID;
  }
  return value.map((entity: unknown, index) => {
    const representation = representations[index] as Record<string, unknown> | null;
    const typename = isPlainObject(representation) ? representation.__typename : undefined;
    const type = typeof typename === "string" ? walk.schema.getType(typename) : undefined;
    const entityPath = at(path, index);
    if (entity === null) return null;
    if (!type || !isCompositeType(type) || !isPlainObject(representation)) {
      walk.problems.push({ path: spelt(entityPath), reason: "invalid-entities", detail: "representation of an unknown type" });
      return null;
    }
    const shaped = shapeObject(walk, type, mergedSelections(nodes), entity, entityPath, representation);
    return shaped === INVALID ? null : shaped;
  });
}

function shapeField(walk: Walk, parent: GraphQLCompositeType, nodes: FieldNode[], value: unknown, path: Position): unknown {
  const name = nodes[0].name.value;
  if (name === "__typename") {
    if (typeof value === "string") return value;
    walk.problems.push({ path: spelt(path), reason: "invalid-value", detail: "__typename is not a string" });
    return INVALID;
  }
  const field = isObjectType(parent) || "getFields" in parent ? (parent as GraphQLObjectType).getFields()[name] : undefined;
  if (!field) {
    // Not a field of the graph at this type (a union has none but __typename): never passed on.
    walk.unrequested += 1;
    return undefined;
  }
  return shapeValue(walk, field.type, nodes, value, path);
}

function shapeValue(walk: Walk, type: GraphQLOutputType, nodes: FieldNode[], value: unknown, path: Position): unknown {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return shapeValue(walk, type.ofType, nodes, value, path);
  if (isListType(type)) {
    if (!Array.isArray(value)) {
      walk.problems.push({ path: spelt(path), reason: "invalid-value", detail: "expected a list" });
      return INVALID;
    }
    return value.map((item: unknown, index) => {
      const shaped = shapeValue(walk, type.ofType, nodes, item, at(path, index));
      return shaped === INVALID ? null : shaped;
    });
  }
  if (isCompositeType(type)) return shapeObject(walk, type, mergedSelections(nodes), value, path);
  if (isEnumType(type)) {
    if (typeof value === "string" && type.getValue(value)) return value;
    walk.problems.push({ path: spelt(path), reason: "invalid-value", detail: `not a value of ${type.name}` });
    return INVALID;
  }
  if (!isValidScalar(type.name, value)) {
    walk.problems.push({ path: spelt(path), reason: "invalid-value", detail: `not a valid ${type.name}` });
    return INVALID;
  }
  return value;
}

/**
 * An object at a position of static type `type`: its `__typename` must be that type or, for an interface
 * or union, one of its possible types (or the abstract type itself, as an `@interfaceObject` answers).
 * With `representation`, it is an entity whose selected key fields must equal the representation's.
 */
function shapeObject(
  walk: Walk,
  type: GraphQLCompositeType,
  selectionSets: SelectionSetNode[],
  value: unknown,
  path: Position,
  representation?: Record<string, unknown>,
): unknown {
  if (!isPlainObject(value)) {
    walk.problems.push({ path: spelt(path), reason: "invalid-value", detail: "expected an object" });
    return INVALID;
  }
  const received = value.__typename;
  let runtime: GraphQLCompositeType = type;
  if (received !== undefined) {
    const named = typeof received === "string" ? walk.schema.getType(received) : undefined;
    const fits = named === type || (isAbstractType(type) && isObjectType(named) && walk.schema.isSubType(type, named));
    if (!named || !fits || !isCompositeType(named)) {
      walk.problems.push({ path: spelt(path), reason: "wrong-type", detail: `${String(received).slice(0, 100)} where ${type.name} was asked` });
      return INVALID;
    }
    runtime = named;
  }
  const out: Record<string, unknown> = {};
  for (const [key, nodes] of collectFields(walk, runtime, selectionSets)) {
    if (!Object.hasOwn(value, key)) continue;
    const shaped = shapeField(walk, runtime, nodes, value[key], at(path, key));
    if (shaped === undefined) continue;
    if (shaped === INVALID) {
      out[key] = null;
      continue;
    }
    const name = nodes[0].name.value;
    if (representation && name !== "__typename" && Object.hasOwn(representation, name) && !sameValue(representation[name], shaped)) {
      walk.problems.push({ path: spelt(path), reason: "key-mismatch", detail: `${name} differs from the representation's` });
      return INVALID;
    }
    out[key] = shaped;
  }
  walk.unrequested += countExtraKeys(value, out);
  return out;
}

// The walk repeats the same selections for every object of a list, so what only depends on the operation and
// the graph is worked out once: the selection sets under one response key, and the fields they select for a
// runtime type (unless a @skip/@include reads a variable). Keyed by the parsed nodes and the schema's type
// objects, both kept alive by SupergraphTypes' document cache and the current schema, so they go with them.
const rootSelectionSets = new WeakMap<OperationDefinitionNode, SelectionSetNode[]>();
const mergedSelectionSets = new WeakMap<FieldNode[], SelectionSetNode[]>();
const collectedFields = new WeakMap<SelectionSetNode[], WeakMap<GraphQLCompositeType, Map<string, FieldNode[]>>>();

function rootSelections(operation: OperationDefinitionNode): SelectionSetNode[] {
  let sets = rootSelectionSets.get(operation);
  if (!sets) rootSelectionSets.set(operation, (sets = [operation.selectionSet]));
  return sets;
}

/** The selection sets of all the field nodes merged under one response key. */
function mergedSelections(nodes: FieldNode[]): SelectionSetNode[] {
  let sets = mergedSelectionSets.get(nodes);
  if (!sets) mergedSelectionSets.set(nodes, (sets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []))));
  return sets;
}

/** Fields by response key for an object of type `runtime`, as graphql-js's CollectFields does. */
function collectFields(walk: Walk, runtime: GraphQLCompositeType, selectionSets: SelectionSetNode[]): Map<string, FieldNode[]> {
  const known = collectedFields.get(selectionSets)?.get(runtime);
  if (known) return known;
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  let readsVariables = false;
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      const inclusion = included(walk, selection.directives);
      if (inclusion.readsVariables) readsVariables = true;
      if (!inclusion.included) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || applies(walk, selection.typeCondition.name.value, runtime)) visit(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = walk.fragments.get(name);
        if (!fragment || visited.has(name)) continue;
        visited.add(name);
        if (applies(walk, fragment.typeCondition.name.value, runtime)) visit(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  if (!readsVariables) {
    let byType = collectedFields.get(selectionSets);
    if (!byType) collectedFields.set(selectionSets, (byType = new WeakMap()));
    byType.set(runtime, fields);
  }
  return fields;
}

function applies(walk: Walk, condition: string, runtime: GraphQLCompositeType): boolean {
  if (condition === runtime.name) return true;
  const type = walk.schema.getType(condition);
  return !!type && isAbstractType(type) && isObjectType(runtime) && walk.schema.isSubType(type, runtime);
}

/** `@skip` / `@include` as the gateway sent them, with the operation's variables; and whether that read a variable. */
function included(
  walk: Walk,
  directives: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[] | undefined,
): { included: boolean; readsVariables: boolean } {
  let readsVariables = false;
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name !== "skip" && name !== "include") continue;
    const argument = directive.arguments?.find((arg) => arg.name.value === "if")?.value;
    if (argument?.kind === Kind.VARIABLE) readsVariables = true;
    const condition =
      argument?.kind === Kind.BOOLEAN ? argument.value : argument?.kind === Kind.VARIABLE ? walk.variables[argument.name.value] === true : false;
    if (name === "skip" ? condition : !condition) return { included: false, readsVariables };
  }
  return { included: true, readsVariables };
}

/** Built-in scalars are checked; the graph's own scalars (JSON, DateTime, …) take any JSON value. */
function isValidScalar(name: string, value: unknown): boolean {
  switch (name) {
    case GraphQLString.name:
      return typeof value === "string";
    case GraphQLID.name:
      return typeof value === "string" || Number.isInteger(value);
    case GraphQLInt.name:
      return Number.isInteger(value) && (value as number) <= 2147483647 && (value as number) >= -2147483648;
    case GraphQLFloat.name:
      return typeof value === "number" && Number.isFinite(value);
    case GraphQLBoolean.name:
      return typeof value === "boolean";
    default:
      return true;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Key fields compare as JSON values (an ID may come back as a number for a string key). */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return a === b || String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

function countExtraKeys(received: Record<string, unknown>, kept: Record<string, unknown>): number {
  let extra = 0;
  for (const key of Object.keys(received)) if (!Object.hasOwn(kept, key)) extra += 1;
  return extra;
}
