import { Kind } from "graphql";
import type { PolicyRule } from "../policy-subject";

/** SDL_NOT_TYPE_SYSTEM: a subgraph SDL holds type system definitions only, no operations or fragments. */
export const typeSystemOnlyRule: PolicyRule = {
  name: "type-system-only",
  check: ({ document }) =>
    document.definitions
      .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION)
      .map(() => ({
        code: "SDL_NOT_TYPE_SYSTEM",
        coordinate: "schema",
        message: "The SDL holds an operation or fragment; a subgraph SDL may only hold type system definitions.",
      })),
};
