import { z } from "zod";
import { readEnv } from "@agora-hub/runtime";
import { SearchHitType } from "./search/search.type";

/** Where each kind of hit comes from: the subgraph that owns it and its list query. */
export interface SearchedType {
  type: SearchHitType;
  /** Subgraph name, as in SUBGRAPH_<NAME>_URL. */
  subgraph: string;
  /** Root list field of that subgraph, which takes `search`. */
  listField: string;
  /** Its filter input type. */
  filterType: string;
  /** GraphQL type name of the entity. */
  typename: string;
  /** Port of the subgraph when SUBGRAPH_<NAME>_URL is not set (the kit's default ports). */
  defaultPort: number;
}

/** The searched types, in the order that breaks ties between equal scores. */
export const SEARCHED_TYPES: readonly SearchedType[] = [
  { type: SearchHitType.PERSON, subgraph: "people", listField: "people", filterType: "PeopleFilter", typename: "Person", defaultPort: 4001 },
  {
    type: SearchHitType.ORGANISATION,
    subgraph: "organisations",
    listField: "organisations",
    filterType: "OrganisationsFilter",
    typename: "Organisation",
    defaultPort: 4002,
  },
  {
    type: SearchHitType.OPPORTUNITY,
    subgraph: "opportunities",
    listField: "opportunities",
    filterType: "OpportunitiesFilter",
    typename: "Opportunity",
    defaultPort: 4003,
  },
  { type: SearchHitType.EVENT, subgraph: "events", listField: "events", filterType: "EventsFilter", typename: "Event", defaultPort: 4004 },
];

/** How the search subgraph reaches the subgraphs it searches. */
export interface SearchConfig {
  /** GraphQL URL of each searched subgraph, by subgraph name. */
  subgraphUrls: Record<string, string>;
  /** How long one searched subgraph may take before its hits are left out. */
  timeoutMs: number;
}

const url = z.string().regex(/^https?:\/\//, "must be an http(s) URL");

/**
 * Reads SUBGRAPH_<NAME>_URL for each searched subgraph (default `http://localhost:<port>/graphql`),
 * and SEARCH_SUBGRAPH_TIMEOUT_MS (default 3000, below the gateway's 5000 so partial results arrive in time).
 */
export function readSearchConfig(env: NodeJS.ProcessEnv = process.env): SearchConfig {
  const values = readEnv(
    {
      SUBGRAPH_PEOPLE_URL: url.optional(),
      SUBGRAPH_ORGANISATIONS_URL: url.optional(),
      SUBGRAPH_OPPORTUNITIES_URL: url.optional(),
      SUBGRAPH_EVENTS_URL: url.optional(),
      SEARCH_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
    },
    env,
  );
  const given: Record<string, string | undefined> = {
    people: values.SUBGRAPH_PEOPLE_URL,
    organisations: values.SUBGRAPH_ORGANISATIONS_URL,
    opportunities: values.SUBGRAPH_OPPORTUNITIES_URL,
    events: values.SUBGRAPH_EVENTS_URL,
  };
  return {
    subgraphUrls: Object.fromEntries(SEARCHED_TYPES.map(({ subgraph, defaultPort }) => [subgraph, given[subgraph] ?? `http://localhost:${defaultPort}/graphql`])),
    timeoutMs: values.SEARCH_SUBGRAPH_TIMEOUT_MS,
  };
}
