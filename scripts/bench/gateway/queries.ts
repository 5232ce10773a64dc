/**
 * The operations `npm run bench:gateway` sends to every gateway, exported so other benchmarks and profiles
 * send exactly the same ones. Field names follow schema/supergraph.graphql.
 */

/** A localized text as a client usually asks for it: the text in the request's language, and its language. */
const TEXT = "{ text textLanguage originalLanguage }";

/** Scalar and LocalizedText fields of a person that a profile card shows. */
const PERSON_FIELDS = `id displayName headline ${TEXT} bio ${TEXT} city country disciplines skills spokenLanguages careerStage openTo website network createdAt`;

/** One hop: a page of people, answered by the people subgraph alone. */
export const ONE_HOP_QUERY = `query OneHop { people(first: 20) { totalCount edges { cursor node { ${PERSON_FIELDS} } } } }`;

/**
 * The deep walk: people → memberships → organisation → its opportunities and events, plus each person's
 * events — the people, organisations, opportunities and events subgraphs, about five fetches, ~35 kB.
 */
export const DEEP_QUERY = `query Deep {
  people(first: 20) {
    edges { node {
      id displayName headline { text } city country
      events(first: 2) { totalCount edges { node { id title { text } startsAt } } }
      memberships(first: 3) { totalCount edges { node {
        role isCurrent
        organisation {
          id name kind country
          opportunities(first: 2) { totalCount edges { node { id type deadline title { text } } } }
          events(first: 1) { totalCount edges { node { id format startsAt title { text } } } }
        }
      } } }
    } }
  }
}`;

/** A cross-type search with type-specific fragments (search subgraph, then each type's own subgraph). */
export const SEARCH_QUERY = `query Search {
  search(query: "music", first: 20) {
    totalCount
    edges { type score snippet node {
      __typename
      ... on Person { id displayName city country headline { text } }
      ... on Organisation { id name kind city organisationCountry: country }
      ... on Opportunity { id type status deadline title { text } }
      ... on Event { id format startsAt title { text } }
    } }
  }
}`;

/** Facet counts of a people search, no items. */
export const FACETS_QUERY = `query Facets {
  people(search: "music", first: 0) {
    totalCount
    facets { disciplines { value count } countries { value count } languages { value count } }
  }
}`;

/** One benchmark case: an operation and how many closed-loop clients send it at once. */
export interface BenchQuery {
  name: "one-hop" | "deep" | "search" | "facets" | "popular";
  query: string;
  clients: number;
}

/** The cases in the order they are run; `popular` is the deep walk sent by many clients at once. */
export const BENCH_QUERIES: readonly BenchQuery[] = [
  { name: "one-hop", query: ONE_HOP_QUERY, clients: 4 },
  { name: "deep", query: DEEP_QUERY, clients: 4 },
  { name: "search", query: SEARCH_QUERY, clients: 4 },
  { name: "facets", query: FACETS_QUERY, clients: 4 },
  { name: "popular", query: DEEP_QUERY, clients: 20 },
];
