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
}

/** The searched types, in the order that breaks ties between equal scores. */
export const SEARCHED_TYPES: readonly SearchedType[] = [
  { type: SearchHitType.PERSON, subgraph: "people", listField: "people", filterType: "PeopleFilter", typename: "Person" },
  {
    type: SearchHitType.ORGANISATION,
    subgraph: "organisations",
    listField: "organisations",
    filterType: "OrganisationsFilter",
    typename: "Organisation",
  },
  {
    type: SearchHitType.OPPORTUNITY,
    subgraph: "opportunities",
    listField: "opportunities",
    filterType: "OpportunitiesFilter",
    typename: "Opportunity",
  },
  { type: SearchHitType.EVENT, subgraph: "events", listField: "events", filterType: "EventsFilter", typename: "Event" },
  { type: SearchHitType.RESOURCE, subgraph: "resources", listField: "resources", filterType: "ResourcesFilter", typename: "Resource" },
];

/** The search subgraph's own settings; where the searched subgraphs are comes from its peers (`context.peers`). */
export interface SearchSettings {
  /** How long one searched subgraph may take before its hits are left out. */
  timeoutMs: number;
}

/** Reads SEARCH_SUBGRAPH_TIMEOUT_MS (default 3000, below the gateway's 5000 so partial results arrive in time). */
export function readSearchSettings(env: NodeJS.ProcessEnv): SearchSettings {
  return { timeoutMs: readEnv({ SEARCH_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000) }, env).SEARCH_SUBGRAPH_TIMEOUT_MS };
}
