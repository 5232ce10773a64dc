import type { SubgraphDefinition } from "@agora-hub/subgraph-kit";
import { Event } from "./event/event.stub";
import { Opportunity } from "./opportunity/opportunity.stub";
import { Organisation } from "./organisation/organisation.stub";
import { Person } from "./person/person.stub";
import { readSearchConfig, type SearchConfig } from "./search.config";
import { createSearchResolver } from "./search/search.resolver";

/**
 * The search subgraph: owns `Query.search` across people, organisations, opportunities and events. It keeps
 * no data: it asks each owner's list query with `search` over HTTP and merges the hits; the records
 * themselves are key-only stubs the gateway completes from their owners.
 */
export function createSearchSubgraph(config: SearchConfig): SubgraphDefinition<Record<string, never>> {
  return {
    name: "search",
    defaultPort: 4005,
    resolvers: [createSearchResolver(config)],
    orphanedTypes: [Person, Organisation, Opportunity, Event],
    // Key-only stubs: @apollo/subgraph answers their representations with themselves.
    referenceResolvers: {},
    entities: [],
    migrations: [],
    createLoaders: () => ({}),
  };
}

/** The search subgraph configured from the environment (SUBGRAPH_<NAME>_URL, SEARCH_SUBGRAPH_TIMEOUT_MS). */
export const searchSubgraph = createSearchSubgraph(readSearchConfig());
