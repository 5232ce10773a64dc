import { Kind, parse, type TypeDefinitionNode } from "graphql";
import {
  type CanonicalName,
  DEFINITION_KIND,
  directivesNamed,
  FEDERATION_ROOT_FIELDS,
  FEDERATION_TYPES,
  normalisedDefinition,
  objectFieldsOf,
  readSubgraph,
  recordFieldTypes,
  type SubgraphModel,
  type TypeNodeAny,
} from "./subgraph-model";

/** What the core subgraphs define, as the policy needs it. */
export interface CoreModel {
  types: Map<string, CoreType>;
  /** Type → field → the field's named type, across the core subgraphs. */
  fieldTypes: Map<string, Map<string, string>>;
}

/** One type the core subgraphs define. */
export interface CoreType {
  kind: TypeDefinitionNode["kind"];
  /** Carries `@key` in some core subgraph. */
  entity: boolean;
  /** An object type all core subgraphs may share (`@shareable` on the type or every field). */
  shareable: boolean;
  /** Normalised definition in each core subgraph that defines it. */
  copies: Set<string>;
}

/** Reads the core subgraphs' SDLs into a {@link CoreModel}. */
export function readCore(coreSdls: readonly string[]): CoreModel {
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

/** What a type of a partner SDL is to the hub: a root, a core entity stub, a copy of a shared core type, the partner's own, or federation's. */
export type TypeClass = "root" | "coreEntity" | "coreShared" | "own" | "federation";

/** The class of type `name` in `model`. */
export function classify(name: string, model: SubgraphModel, core: CoreModel): TypeClass {
  if (FEDERATION_TYPES.has(name)) return "federation";
  if (model.roots.has(name)) return "root";
  const coreType = core.types.get(name);
  if (coreType) return coreType.entity ? "coreEntity" : "coreShared";
  return "own";
}

/**
 * How a partner's copy of a shared core type compares with the core: `identical` (descriptions and
 * order aside), `different`, or `not-copyable` (a core object type that is not `@shareable`).
 */
export type SharedCopyVerdict = "identical" | "different" | "not-copyable";

/** Judges a partner's copy of the shared core type `name`. */
export function sharedCopyVerdict(name: string, nodes: TypeNodeAny[], core: CoreModel, canonical: CanonicalName): SharedCopyVerdict {
  const coreType = core.types.get(name);
  if (!coreType) return "not-copyable";
  const copyable =
    coreType.kind === Kind.SCALAR_TYPE_DEFINITION ||
    coreType.kind === Kind.ENUM_TYPE_DEFINITION ||
    coreType.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
    (coreType.kind === Kind.OBJECT_TYPE_DEFINITION && coreType.shareable);
  if (!copyable) return "not-copyable";
  return coreType.copies.has(normalisedDefinition(nodes, canonical)) ? "identical" : "different";
}

/**
 * Names a partner subgraph claims: its own types, its root fields (by operation, so a renamed root
 * type still collides) and the fields it adds to core entities. Key → coordinate as written.
 */
export function claimedNames(model: SubgraphModel, core: CoreModel): Map<string, string> {
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
