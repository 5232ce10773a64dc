import { type ConstDirectiveNode, Kind, parse, type SelectionSetNode } from "graphql";
import type { TypeClass } from "../core-model";
import { hasPrefix } from "../namespaces";
import type { PolicyProblem, PolicyRule, PolicySubject, TypeRule } from "../policy-subject";
import { fieldsOf, stringArgument } from "../subgraph-model";

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

/** Where a directive is used, as the directive rules need it. */
export interface DirectivePlace {
  coordinate: string;
  /** `federation` also stands for an identical copy of a shared core type, which only repeats core's own directives. */
  typeClass: TypeClass;
  /** Inside the network's namespace: its own types, and its prefixed fields on root types and core entities. */
  inNamespace: boolean;
  typeLevel?: boolean;
  parentType?: string;
}

/**
 * The federation directives a partner may not use, or only in its own namespace: `@override`,
 * `@provides`, `@composeDirective` anywhere; `@shareable`, `@interfaceObject`, `@context` not on core
 * or root types; `@inaccessible` only on its own names; `@external` and `@requires` only over
 * {@link PARTNER_READABLE_CORE_FIELDS}. Names are read through the SDL's federation `@link`, so a
 * renamed directive is judged as what it is.
 */
export function directiveProblems(subject: PolicySubject, directive: ConstDirectiveNode, at: DirectivePlace): PolicyProblem[] {
  const { typePrefix, fieldPrefix } = subject;
  const name = subject.model.canonical(directive.name.value);
  const written = `@${directive.name.value}`;
  const { coordinate, typeClass } = at;
  const coreOrRoot = typeClass === "coreEntity" || typeClass === "root";
  const problem = (code: string, message: string): PolicyProblem[] => [{ code, coordinate, message }];
  switch (name) {
    case "override":
      return problem(
        "OVERRIDE_FORBIDDEN",
        `${written} on ${coordinate} is not allowed: partners may not take over fields resolved elsewhere; add a new ${fieldPrefix}… field instead.`,
      );
    case "provides":
      return problem(
        "PROVIDES_FORBIDDEN",
        `${written} on ${coordinate} is not allowed: partners may not provide values for core fields; add a new ${fieldPrefix}… field instead.`,
      );
    case "composeDirective":
      return problem(
        "COMPOSE_DIRECTIVE_FORBIDDEN",
        `${written} is not allowed: partner directives stay in the partner subgraph and are not composed into the hub's API.`,
      );
    case "shareable":
      return coreOrRoot
        ? problem(
            "SHAREABLE_FORBIDDEN",
            `${written} on ${coordinate} is not allowed: core and root fields resolve in exactly one subgraph; @shareable is only for the network's own ${typePrefix}… types.`,
          )
        : [];
    case "inaccessible":
      return typeClass !== "federation" && !at.inNamespace
        ? problem(
            "INACCESSIBLE_FORBIDDEN",
            `${written} on ${coordinate} would hide part of the hub's schema from everyone; partners may only hide their own ${typePrefix}… types and ${fieldPrefix}… fields.`,
          )
        : [];
    case "interfaceObject":
      return coreOrRoot
        ? problem("INTERFACE_OBJECT_FORBIDDEN", `${written} on core type ${coordinate} is not allowed; it is only for the network's own ${typePrefix}… types.`)
        : [];
    case "context":
    case "fromContext":
      return coreOrRoot
        ? problem("CONTEXT_FORBIDDEN", `${written} on core type ${coordinate} is not allowed; it is only for the network's own ${typePrefix}… types.`)
        : [];
    case "external":
      if (typeClass === "federation") return [];
      return at.typeLevel || !at.parentType || !PARTNER_READABLE_CORE_FIELDS.has(coordinate)
        ? problem(
            "EXTERNAL_NOT_ALLOWED",
            `${written} on ${coordinate} is not allowed; partners may only declare these core fields external: ${[...PARTNER_READABLE_CORE_FIELDS].join(", ")}.`,
          )
        : [];
    case "requires":
      if (typeClass === "federation" || !at.parentType) return [];
      return requiresProblems(subject, directive, at, written);
    default:
      return [];
  }
}

function requiresProblems(subject: PolicySubject, directive: ConstDirectiveNode, at: DirectivePlace, written: string): PolicyProblem[] {
  const fields = stringArgument(directive, "fields") ?? "";
  const coordinates = requiredCoordinates(fields, at.parentType!, subject.fieldTypes);
  if (coordinates === null) {
    return [
      {
        code: "REQUIRES_NOT_ALLOWED",
        coordinate: at.coordinate,
        message: `${written}(fields: ${JSON.stringify(fields)}) on ${at.coordinate} is not a plain field set the policy can check.`,
      },
    ];
  }
  const refused = coordinates.filter((coordinate) => !PARTNER_READABLE_CORE_FIELDS.has(coordinate));
  if (refused.length === 0) return [];
  return [
    {
      code: "REQUIRES_NOT_ALLOWED",
      coordinate: at.coordinate,
      message: `${written} on ${at.coordinate} would make the gateway send ${refused.join(", ")} to the partner; partners may only require: ${[...PARTNER_READABLE_CORE_FIELDS].join(", ")}.`,
    },
  ];
}

/** Field coordinates a `@requires` field set reads, or null when it is not a plain field set. */
export function requiredCoordinates(fields: string, parentType: string, fieldTypes: Map<string, Map<string, string>>): string[] | null {
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

/** The directive rule on the schema definition's own directives (`extend schema @…`). */
export const schemaDirectivesRule: PolicyRule = {
  name: "schema-directives",
  check: (subject) =>
    subject.model.schemaDirectives.flatMap((directive) =>
      directiveProblems(subject, directive, { coordinate: "schema", typeClass: "root", inNamespace: false }),
    ),
};

/** The directive rule on a type's directives and those of its fields, arguments and enum values. */
export const typeDirectivesRule: TypeRule = {
  name: "type-directives",
  check(subject, { name, nodes, typeClass, copy }) {
    // An identical copy of a shared core type repeats core's own directives, so only the "anywhere" rules apply.
    const place = (coordinate: string, inNamespace: boolean, extra: Partial<DirectivePlace> = {}): DirectivePlace => ({
      coordinate,
      typeClass: copy === "identical" ? "federation" : typeClass,
      inNamespace,
      ...extra,
    });
    const own = typeClass === "own";
    const problems: PolicyProblem[] = [];
    const judge = (directives: readonly ConstDirectiveNode[] | undefined, at: DirectivePlace) => {
      for (const directive of directives ?? []) problems.push(...directiveProblems(subject, directive, at));
    };
    for (const node of nodes) {
      judge(node.directives, place(name, own, { typeLevel: true }));
      for (const field of fieldsOf(node)) {
        const coordinate = `${name}.${field.name.value}`;
        const inNamespace = own || ((typeClass === "root" || typeClass === "coreEntity") && hasPrefix(field.name.value, subject.fieldPrefix));
        judge(field.directives, place(coordinate, inNamespace, { parentType: name }));
        if (field.kind === Kind.FIELD_DEFINITION) {
          for (const argument of field.arguments ?? []) judge(argument.directives, place(`${coordinate}(${argument.name.value}:)`, inNamespace));
        }
      }
      if (node.kind === Kind.ENUM_TYPE_DEFINITION || node.kind === Kind.ENUM_TYPE_EXTENSION) {
        for (const value of node.values ?? []) judge(value.directives, place(`${name}.${value.name.value}`, own));
      }
    }
    return problems;
  },
};
