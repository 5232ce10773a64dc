/** The cross-type search, with what a client typically shows of each hit. */
export const SEARCH = /* GraphQL */ `
  query Search($query: String!, $types: [SearchHitType!], $first: Int, $after: String, $filter: SearchFilter) {
    search(query: $query, types: $types, first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        type
        score
        snippet
        node {
          __typename
          ... on Person { id displayName personCountry: country }
          ... on Organisation { id name }
          ... on Opportunity { id title { text } }
          ... on Event { id title { text } }
        }
      }
    }
  }
`;

export const CREATE_PERSON = /* GraphQL */ `
  mutation CreatePerson($input: CreatePersonInput!) { createPerson(input: $input) { id } }
`;

export const CREATE_ORGANISATION = /* GraphQL */ `
  mutation CreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }
`;

export const CREATE_OPPORTUNITY = /* GraphQL */ `
  mutation CreateOpportunity($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }
`;

export const CREATE_EVENT = /* GraphQL */ `
  mutation CreateEvent($input: CreateEventInput!) { createEvent(input: $input) { id } }
`;
