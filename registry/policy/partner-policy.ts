import { parse } from "graphql";
import { claimedNames, readCore } from "./core-model";
import { eachType, type PolicyContext, type PolicyProblem, type PolicyRule, policySubject } from "./policy-subject";
import { schemaDirectivesRule, typeDirectivesRule } from "./rules/directives.rule";
import { entityStubsRule } from "./rules/entity-stubs.rule";
import { linkedSpecsRule } from "./rules/linked-specs.rule";
import { namesOwnedElsewhereRule } from "./rules/names-owned-elsewhere.rule";
import { nullabilityRule } from "./rules/nullability.rule";
import { ownTypeNamesRule } from "./rules/own-type-names.rule";
import { rootFieldsRule } from "./rules/root-fields.rule";
import { sharedCopiesRule } from "./rules/shared-copies.rule";
import { typeCountRule } from "./rules/type-count.rule";
import { typeSystemOnlyRule } from "./rules/type-system-only.rule";
import { admitSdl } from "./sdl-gates";
import { readSubgraph } from "./subgraph-model";

export { hasPrefix, longerNamespaceOwner, networkPrefixes } from "./namespaces";
export type { PolicyContext, PolicyProblem, PolicyRule, PolicySubject, PolicyType, TypeRule } from "./policy-subject";
export { PARTNER_READABLE_CORE_FIELDS } from "./rules/directives.rule";
export { MAX_TYPE_DEFINITIONS } from "./rules/type-count.rule";
export { DEFAULT_MAX_SDL_BYTES, MAX_SDL_NESTING, MAX_SDL_TOKENS, SDL_GATES, sdlNesting } from "./sdl-gates";

/**
 * The partner policy's rules, in the order their problems are reported: the whole SDL first (what it
 * holds, what it links, names other networks publish), then type by type, then nullability.
 */
export const PARTNER_POLICY_RULES: readonly PolicyRule[] = [
  typeSystemOnlyRule,
  typeCountRule,
  linkedSpecsRule,
  schemaDirectivesRule,
  namesOwnedElsewhereRule,
  eachType("types", [ownTypeNamesRule, rootFieldsRule, entityStubsRule, sharedCopiesRule, typeDirectivesRule]),
  nullabilityRule,
];

/**
 * Checks a partner subgraph SDL against the hub's partner policy before composition; an empty list
 * means the SDL may go on to composition. Pure: everything it needs comes in through `context`. An
 * SDL that fails a gate (size, slug, nesting, tokens, syntax) gets that one problem; any other gets
 * every rule's.
 */
export function checkPartnerPolicy(sdl: string, context: PolicyContext): PolicyProblem[] {
  const admitted = admitSdl(sdl, context);
  if ("problem" in admitted) return [admitted.problem];
  const subject = policySubject(admitted.document, admitted.prefixes, context);
  return PARTNER_POLICY_RULES.flatMap((rule) => rule.check(subject));
}

/**
 * The namespaced names an (already accepted) partner SDL publishes: its own types, and the fields it
 * adds to root types and core entities; each with the coordinate as written.
 */
export function publishedNames(sdl: string, coreSdls: string[]): Array<{ name: string; kind: "type" | "field"; coordinate: string }> {
  const core = readCore(coreSdls);
  const model = readSubgraph(parse(sdl, { noLocation: true }));
  return [...claimedNames(model, core).values()].map((coordinate) => {
    const dot = coordinate.indexOf(".");
    return dot < 0 ? { name: coordinate, kind: "type" as const, coordinate } : { name: coordinate.slice(dot + 1), kind: "field" as const, coordinate };
  });
}
