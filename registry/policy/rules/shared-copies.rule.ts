import { suggestion } from "../namespaces";
import type { TypeRule } from "../policy-subject";

/**
 * CORE_TYPE_REDEFINED for shared core types: a partner may repeat a core scalar, enum, input or
 * `@shareable` object type only exactly as the core prints it (descriptions and order aside).
 */
export const sharedCopiesRule: TypeRule = {
  name: "shared-copies",
  check({ typePrefix }, { name, typeClass, copy }) {
    if (typeClass !== "coreShared" || copy === "identical") return [];
    const message =
      copy === "not-copyable"
        ? `${name} is a core type that only its core subgraph defines; define your own ${suggestion(name, typePrefix)} instead.`
        : `${name} differs from the core definition; a partner may only repeat a shared core type exactly as the core prints it (descriptions and order aside), or define its own ${suggestion(name, typePrefix)}.`;
    return [{ code: "CORE_TYPE_REDEFINED", coordinate: name, message }];
  },
};
