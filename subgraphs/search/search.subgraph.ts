import type { SubgraphDefinition } from "@agora-hub/subgraph-kit";
import { Event } from "./event/event.stub";
import { Opportunity } from "./opportunity/opportunity.stub";
import { Organisation } from "./organisation/organisation.stub";
import { Person } from "./person/person.stub";
import { Resource } from "./resource/resource.stub";
import { readSearchSettings, SEARCHED_TYPES, type SearchSettings } from "./search.config";
import { SearchResolver } from "./search/search.resolver";

/**
 * The search subgraph: owns `Query.search` across people, organisations, opportunities, events and resources. It keeps
 * no data: it asks each owner's list query with `search` over HTTP and merges the hits; the records
 * themselves are key-only stubs the gateway completes from their owners; the owners are its peers.
 */
export const searchSubgraph: SubgraphDefinition<Record<string, never>, SearchSettings> = {
  name: "search",
  defaultPort: 4005,
  peers: SEARCHED_TYPES.map(({ subgraph }) => subgraph),
  readSettings: readSearchSettings,
  resolvers: [SearchResolver],
  orphanedTypes: [Person, Organisation, Opportunity, Event, Resource],
  // Key-only stubs: @apollo/subgraph answers their representations with themselves.
  referenceResolvers: {},
  entities: [],
  migrations: [],
  createLoaders: () => ({}),
};
