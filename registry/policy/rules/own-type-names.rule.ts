import { hasPrefix, suggestion } from "../namespaces";
import type { TypeRule } from "../policy-subject";
import { otherNamespaceProblem } from "./other-namespace";

/**
 * TYPE_NOT_PREFIXED and NAME_IN_ANOTHER_NAMESPACE: every type that is not a core type is named under
 * the network's prefix, and not under a more specific network's.
 */
export const ownTypeNamesRule: TypeRule = {
  name: "own-type-names",
  check(subject, { name, typeClass }) {
    if (typeClass !== "own") return [];
    if (!hasPrefix(name, subject.typePrefix)) {
      return [
        {
          code: "TYPE_NOT_PREFIXED",
          coordinate: name,
          message: `Type ${name} is not a core type, so it must be named under the network's prefix ${subject.typePrefix}, e.g. ${suggestion(name, subject.typePrefix)}.`,
        },
      ];
    }
    const elsewhere = otherNamespaceProblem(subject, name, "type", name);
    return elsewhere ? [elsewhere] : [];
  },
};
