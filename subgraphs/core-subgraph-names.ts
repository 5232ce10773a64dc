/**
 * The names of the hub's own subgraphs, in the order they start, for code that needs them without loading the
 * subgraphs themselves (process-level tests, benchmarks). `core-subgraphs.ts` checks its list against this one.
 */
export const CORE_SUBGRAPH_NAMES = ["people", "organisations", "opportunities", "events", "resources", "moderation", "search", "alerts"] as const;

/** The name of one of the hub's own subgraphs. */
export type CoreSubgraphName = (typeof CORE_SUBGRAPH_NAMES)[number];
