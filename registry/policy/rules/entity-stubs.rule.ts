import { Kind, print } from "graphql";
import { hasPrefix, suggestion } from "../namespaces";
import type { PolicyProblem, TypeRule } from "../policy-subject";
import { DEFINITION_KIND, directivesNamed, objectFieldsOf, stringArgument } from "../subgraph-model";
import { otherNamespaceProblem } from "./other-namespace";

/**
 * A partner may mention a core entity only as a stub: the same kind, exactly `@key(fields: "id")`,
 * `id: ID!`, and new fields only under the network's prefix (CORE_TYPE_REDEFINED, CORE_KEY_NOT_CANONICAL,
 * CORE_ENTITY_ID_REQUIRED, CORE_FIELD_NOT_PREFIXED, NAME_IN_ANOTHER_NAMESPACE). `@external` fields are
 * judged by the directive rule's allow-list.
 */
export const entityStubsRule: TypeRule = {
  name: "entity-stubs",
  check(subject, { name, nodes, typeClass }) {
    if (typeClass !== "coreEntity") return [];
    const { canonical } = subject.model;
    const coreKind = subject.core.types.get(name)?.kind;
    if (nodes.some((node) => DEFINITION_KIND[node.kind] !== coreKind)) {
      return [
        {
          code: "CORE_TYPE_REDEFINED",
          coordinate: name,
          message: `${name} is a core entity; partners may only add an entity stub of the same kind with @key(fields: "id").`,
        },
      ];
    }
    const problems: PolicyProblem[] = [];
    const keys = nodes.flatMap((node) => directivesNamed(node.directives, "key", canonical));
    const canonicalKey =
      keys.length === 1 &&
      stringArgument(keys[0], "fields")?.trim() === "id" &&
      (keys[0].arguments ?? []).every(
        (argument) => argument.name.value === "fields" || (argument.name.value === "resolvable" && argument.value.kind === Kind.BOOLEAN),
      );
    if (!canonicalKey) {
      const found = keys.length === 0 ? "no @key" : keys.map((key) => print(key)).join(" ");
      problems.push({
        code: "CORE_KEY_NOT_CANONICAL",
        coordinate: name,
        message: `Core entity ${name} has ${found}; a partner stub must carry exactly @key(fields: "id") (optionally resolvable: false).`,
      });
    }
    const fields = objectFieldsOf(nodes);
    const id = fields.find((field) => field.name.value === "id");
    if (!id || print(id.type) !== "ID!") {
      problems.push({
        code: "CORE_ENTITY_ID_REQUIRED",
        coordinate: id ? `${name}.id` : name,
        message: `Entity stub ${name} must declare id: ID!${id ? `, not id: ${print(id.type)}` : ""}.`,
      });
    }
    for (const field of fields) {
      const fieldName = field.name.value;
      const coordinate = `${name}.${fieldName}`;
      if (fieldName === "id" || directivesNamed(field.directives, "external", canonical).length > 0) continue;
      if (!hasPrefix(fieldName, subject.fieldPrefix)) {
        problems.push({
          code: "CORE_FIELD_NOT_PREFIXED",
          coordinate,
          message: `${coordinate} is not the network's to define; partners add fields to core entities only under the prefix ${subject.fieldPrefix}, e.g. ${suggestion(fieldName, subject.fieldPrefix)}.`,
        });
        continue;
      }
      const elsewhere = otherNamespaceProblem(subject, fieldName, "field", coordinate);
      if (elsewhere) problems.push(elsewhere);
    }
    return problems;
  },
};
