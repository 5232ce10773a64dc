import type { PolicyRule } from "../policy-subject";
import { isTypeNode } from "../subgraph-model";

/** Most type definitions and extensions a partner SDL may hold. */
export const MAX_TYPE_DEFINITIONS = 500;

/** TOO_MANY_TYPES: more than {@link MAX_TYPE_DEFINITIONS} type definitions and extensions. */
export const typeCountRule: PolicyRule = {
  name: "type-count",
  check({ document }) {
    const count = document.definitions.filter(isTypeNode).length;
    if (count <= MAX_TYPE_DEFINITIONS) return [];
    return [
      {
        code: "TOO_MANY_TYPES",
        coordinate: "schema",
        message: `The SDL holds ${count} type definitions and extensions; partner subgraphs may hold at most ${MAX_TYPE_DEFINITIONS}.`,
      },
    ];
  },
};
