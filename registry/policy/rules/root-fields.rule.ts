import { hasPrefix, suggestion } from "../namespaces";
import type { PolicyProblem, TypeRule } from "../policy-subject";
import { FEDERATION_ROOT_FIELDS, objectFieldsOf } from "../subgraph-model";
import { otherNamespaceProblem } from "./other-namespace";

/**
 * ROOT_FIELD_NOT_PREFIXED and NAME_IN_ANOTHER_NAMESPACE: root fields (but federation's own) are named
 * under the network's field prefix, and not under a more specific network's.
 */
export const rootFieldsRule: TypeRule = {
  name: "root-fields",
  check(subject, { name, nodes, typeClass }) {
    if (typeClass !== "root") return [];
    const problems: PolicyProblem[] = [];
    for (const field of objectFieldsOf(nodes)) {
      const fieldName = field.name.value;
      const coordinate = `${name}.${fieldName}`;
      if (FEDERATION_ROOT_FIELDS.has(fieldName)) continue;
      if (!hasPrefix(fieldName, subject.fieldPrefix)) {
        problems.push({
          code: "ROOT_FIELD_NOT_PREFIXED",
          coordinate,
          message: `Root field ${coordinate} must be named under the network's prefix ${subject.fieldPrefix}, e.g. ${suggestion(fieldName, subject.fieldPrefix)}.`,
        });
        continue;
      }
      const elsewhere = otherNamespaceProblem(subject, fieldName, "field", coordinate);
      if (elsewhere) problems.push(elsewhere);
    }
    return problems;
  },
};
