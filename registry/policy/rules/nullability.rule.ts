import { hasPrefix } from "../namespaces";
import { type NullabilityProblem, nullabilityProblems } from "../nullability";
import type { PolicyRule } from "../policy-subject";

/**
 * The graph's nullability rule (see `nullabilityProblems`), exactly as `npm run schema:check` applies
 * it to the core subgraphs: the partner owns only the types of its namespace; every core entity it
 * extends or refers to is foreign.
 */
export const nullabilityRule: PolicyRule = {
  name: "nullability",
  check({ document, typePrefix }) {
    let problems: NullabilityProblem[] = [];
    try {
      problems = nullabilityProblems(document, (typeName) => hasPrefix(typeName, typePrefix));
    } catch {
      // An SDL graphql-js cannot build is refused by composition, with a better message than ours.
    }
    return problems.map(({ code, coordinate, message }) => ({ code, coordinate, message }));
  },
};
