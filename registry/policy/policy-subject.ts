import type { DocumentNode } from "graphql";
import { classify, type CoreModel, readCore, type SharedCopyVerdict, sharedCopyVerdict, type TypeClass } from "./core-model";
import type { NetworkPrefixes } from "./namespaces";
import { readSubgraph, recordFieldTypes, type SubgraphModel, type TypeNodeAny } from "./subgraph-model";

/** One reason a partner SDL breaks the hub's partner policy, located by schema coordinate. */
export interface PolicyProblem {
  code: string;
  /** Schema coordinate (`Person.creativeTracksScore`, `Query.foo`, `CreativeTracksLab`) or `schema`. */
  coordinate: string;
  message: string;
}

/** What the policy needs to know besides the partner SDL itself. */
export interface PolicyContext {
  /** The publishing network's slug, e.g. `creative-tracks`. */
  network: string;
  /** SDL of each core subgraph, as printed by `printSubgraphSchema`. */
  coreSdls: string[];
  /** Other networks' active partner subgraphs; entries of the publishing network itself are ignored. */
  otherPartners: Array<{ network: string; name: string; sdl: string }>;
  /** Largest accepted SDL in UTF-8 bytes; 256 KiB when omitted. */
  maxSdlBytes?: number;
  /**
   * Slugs of every other registered network. A name under this network's prefix that also lies under
   * a longer prefix of one of them (`CultureAgoraX` for network `culture` when `culture-agora` exists)
   * is that network's, not this one's.
   */
  otherNetworks?: string[];
}

/** One type of the partner SDL (its definition and extensions), as the type rules see it. */
export interface PolicyType {
  name: string;
  nodes: TypeNodeAny[];
  typeClass: TypeClass;
  /** For a copy of a shared core type (`coreShared`), how it compares with the core's. */
  copy?: SharedCopyVerdict;
}

/** A parsed partner SDL with everything the rules share, computed once. */
export interface PolicySubject extends NetworkPrefixes {
  /** The publishing network's slug. */
  network: string;
  document: DocumentNode;
  model: SubgraphModel;
  core: CoreModel;
  /** Type → field → named type, across the core subgraphs and the partner's own types. */
  fieldTypes: Map<string, Map<string, string>>;
  /** Every type of the SDL except federation's own, in the order the SDL first names them. */
  types: PolicyType[];
  /** Other registered networks' slugs (never the publishing network's). */
  otherNetworks: string[];
  /** Other networks' active partner subgraphs (never the publishing network's). */
  otherPartners: PolicyContext["otherPartners"];
}

/** A policy rule: the problems of one concern, over the whole SDL. */
export interface PolicyRule {
  name: string;
  check: (subject: PolicySubject) => PolicyProblem[];
}

/** A rule judged type by type. */
export interface TypeRule {
  name: string;
  check: (subject: PolicySubject, type: PolicyType) => PolicyProblem[];
}

/** Runs `rules` type by type, so that each type's problems stay together, in the order of the SDL. */
export function eachType(name: string, rules: readonly TypeRule[]): PolicyRule {
  return { name, check: (subject) => subject.types.flatMap((type) => rules.flatMap((rule) => rule.check(subject, type))) };
}

/** Reads a parsed partner SDL into the shared {@link PolicySubject} the rules work on. */
export function policySubject(document: DocumentNode, prefixes: NetworkPrefixes, context: PolicyContext): PolicySubject {
  const core = readCore(context.coreSdls);
  const model = readSubgraph(document);
  const fieldTypes = new Map(core.fieldTypes);
  for (const [name, nodes] of model.groups) if (!core.types.has(name)) recordFieldTypes(fieldTypes, name, nodes);
  const types: PolicyType[] = [];
  for (const [name, nodes] of model.groups) {
    const typeClass = classify(name, model, core);
    if (typeClass === "federation") continue;
    types.push({ name, nodes, typeClass, ...(typeClass === "coreShared" ? { copy: sharedCopyVerdict(name, nodes, core, model.canonical) } : {}) });
  }
  return {
    network: context.network,
    ...prefixes,
    document,
    model,
    core,
    fieldTypes,
    types,
    otherNetworks: (context.otherNetworks ?? []).filter((slug) => slug !== context.network),
    otherPartners: context.otherPartners.filter((other) => other.network !== context.network),
  };
}
