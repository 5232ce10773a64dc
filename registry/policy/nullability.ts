import {
  buildASTSchema,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  isAbstractType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
} from "graphql";

/** A field whose nullability lets one subgraph's failure null more than its own fields. */
export interface NullabilityProblem {
  code: "NON_NULL_ROOT_FIELD" | "NON_NULL_CONTRIBUTED_FIELD" | "NON_NULL_REFERENCE";
  /** Schema coordinate, e.g. `Query.people` or `Event.speakers`. */
  coordinate: string;
  message: string;
}

/** Root fields every federated subgraph has, which the gateway alone calls. */
const FEDERATION_ROOT_FIELDS = new Set(["_entities", "_service"]);

/**
 * The graph's nullability rule, checked on one subgraph's SDL, so that a subgraph that is down, slow or
 * lying costs only the fields it owns:
 * - root fields are nullable (one failing root field must not null its siblings);
 * - fields a subgraph adds to an entity another subgraph owns are nullable (they fail alone);
 * - a field that refers to an entity another subgraph owns holds it nullable (`Person`, `[Person]!`),
 *   because resolving it is another subgraph's call, which can fail or find the entity hidden or gone.
 * `isOwned` tells which entity types the subgraph owns (its own records); every other `@key` type is
 * foreign. Key fields and `@external` fields are the owner's and are not judged here.
 */
export function nullabilityProblems(sdl: string | DocumentNode, isOwned: (typeName: string) => boolean): NullabilityProblem[] {
  const schema = buildASTSchema(definingExtensions(typeof sdl === "string" ? parse(sdl) : sdl), { assumeValidSDL: true });
  const foreign = (type: GraphQLNamedType): boolean => {
    if (isAbstractType(type)) return schema.getPossibleTypes(type).some(foreign) || (isInterfaceType(type) && isEntity(type) && !isOwned(type.name));
    return isObjectType(type) && isEntity(type) && !isOwned(type.name);
  };
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name].filter(Boolean));
  const problems: NullabilityProblem[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || !(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith("_")) continue;
    const contributed = isEntity(type) && !isOwned(type.name);
    const keys = contributed ? keyFieldNames(type) : new Set<string>();
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const external = hasDirective(field, "external");
      if (roots.has(type.name)) {
        if (!FEDERATION_ROOT_FIELDS.has(field.name) && isNonNullType(field.type)) {
          problems.push({
            code: "NON_NULL_ROOT_FIELD",
            coordinate,
            message: `${coordinate} is non-null (${String(field.type)}); root fields must be nullable, so that one failing root field does not null the whole response.`,
          });
        }
      } else if (contributed && !keys.has(field.name) && !external && isNonNullType(field.type)) {
        problems.push({
          code: "NON_NULL_CONTRIBUTED_FIELD",
          coordinate,
          message: `${coordinate} is non-null (${String(field.type)}); fields added to ${type.name}, an entity another subgraph owns, must be nullable, or their failure would null the whole ${type.name}.`,
        });
      }
      if (external || keys.has(field.name)) continue;
      const referred = getNamedType(field.type);
      if (foreign(referred) && innermostNonNull(field.type)) {
        problems.push({
          code: "NON_NULL_REFERENCE",
          coordinate,
          message: `${coordinate} refers to ${referred.name}, which another subgraph resolves, as non-null (${String(field.type)}); hold it nullable (e.g. ${nullableInnermost(field.type, referred.name)}) so a hidden, missing or unavailable ${referred.name} costs only that reference.`,
        });
      }
    }
  }
  return problems;
}

const DEFINITION_OF: Partial<Record<Kind, Kind>> = {
  [Kind.OBJECT_TYPE_EXTENSION]: Kind.OBJECT_TYPE_DEFINITION,
  [Kind.INTERFACE_TYPE_EXTENSION]: Kind.INTERFACE_TYPE_DEFINITION,
  [Kind.UNION_TYPE_EXTENSION]: Kind.UNION_TYPE_DEFINITION,
  [Kind.ENUM_TYPE_EXTENSION]: Kind.ENUM_TYPE_DEFINITION,
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: Kind.INPUT_OBJECT_TYPE_DEFINITION,
  [Kind.SCALAR_TYPE_EXTENSION]: Kind.SCALAR_TYPE_DEFINITION,
};

/** A subgraph may `extend type Person` it never defines (federation allows it): such a first extension counts as the definition. */
function definingExtensions(document: DocumentNode): DocumentNode {
  const defined = new Set(
    document.definitions.flatMap((definition) =>
      "name" in definition && definition.name && !definition.kind.endsWith("Extension") ? [definition.name.value] : [],
    ),
  );
  const definitions = document.definitions.map((definition) => {
    const kind = DEFINITION_OF[definition.kind];
    if (!kind || !("name" in definition) || !definition.name || defined.has(definition.name.value)) return definition;
    defined.add(definition.name.value);
    return { ...definition, kind } as DefinitionNode;
  });
  return { ...document, definitions };
}

function isEntity(type: GraphQLNamedType): boolean {
  return directivesOf(type).some((directive) => directive.name.value === "key");
}

function directivesOf(type: GraphQLNamedType): readonly ConstDirectiveNode[] {
  return [type.astNode, ...(type.extensionASTNodes ?? [])].flatMap((node) => node?.directives ?? []);
}

function hasDirective(field: GraphQLField<unknown, unknown>, name: string): boolean {
  return (field.astNode?.directives ?? []).some((directive) => directive.name.value === name);
}

/** Top-level field names of every `@key(fields: …)` of the type. */
function keyFieldNames(type: GraphQLNamedType): Set<string> {
  const names = new Set<string>();
  for (const directive of directivesOf(type)) {
    if (directive.name.value !== "key") continue;
    const fields = directive.arguments?.find((argument) => argument.name.value === "fields")?.value;
    if (fields?.kind !== Kind.STRING) continue;
    let depth = 0;
    for (const token of fields.value.match(/[A-Za-z_][A-Za-z0-9_]*|[{}]/g) ?? []) {
      if (token === "{") depth += 1;
      else if (token === "}") depth -= 1;
      else if (depth === 0) names.add(token);
    }
  }
  return names;
}

/** True when the position holding the named type itself is non-null (`Person!`, `[Person!]`). */
function innermostNonNull(type: GraphQLOutputType): boolean {
  let current: GraphQLOutputType = type;
  for (;;) {
    if (isNonNullType(current)) {
      if (!isListType(current.ofType)) return true;
      current = current.ofType;
    } else if (isListType(current)) current = current.ofType;
    else return false;
  }
}

/** The type with the position holding `name` made nullable (`[Person!]!` → `[Person]!`), for the message. */
function nullableInnermost(type: GraphQLOutputType, name: string): string {
  return String(type).replace(`${name}!`, name);
}
