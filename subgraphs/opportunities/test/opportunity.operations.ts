/** GraphQL documents used by the opportunities subgraph's tests. */
export const OPPORTUNITY_FIELDS = /* GraphQL */ `
  fragment OpportunityFields on Opportunity {
    id network sourceId type status disciplines eligibleCountries opensAt deadline costsCovered
    applicationUrl remote city country workingLanguages createdAt updatedAt
    title { originalLanguage text translations { lang value machineTranslated } }
    summary { text(lang: "fr") textLanguage(lang: "fr") }
    description { text }
    amount { min max currency }
    publisher { id }
    contactId
  }
`;

export const CREATE_OPPORTUNITY = /* GraphQL */ `
  mutation CreateOpportunity($input: CreateOpportunityInput!) { createOpportunity(input: $input) { ...OpportunityFields } }
  ${OPPORTUNITY_FIELDS}
`;

export const UPDATE_OPPORTUNITY = /* GraphQL */ `
  mutation UpdateOpportunity($id: ID!, $input: UpdateOpportunityInput!) {
    updateOpportunity(id: $id, input: $input) { ...OpportunityFields }
  }
  ${OPPORTUNITY_FIELDS}
`;

export const DELETE_OPPORTUNITY = /* GraphQL */ `
  mutation DeleteOpportunity($id: ID!) { deleteOpportunity(id: $id) }
`;

export const GET_OPPORTUNITY = /* GraphQL */ `
  query GetOpportunity($id: ID!) { opportunity(id: $id) { ...OpportunityFields } }
  ${OPPORTUNITY_FIELDS}
`;

export const LIST_OPPORTUNITIES = /* GraphQL */ `
  query ListOpportunities($first: Int, $after: String, $filter: OpportunitiesFilter, $orderBy: OpportunityOrder) {
    opportunities(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id sourceId type status } }
    }
  }
`;

export const OPPORTUNITY_ENTITIES = /* GraphQL */ `
  query OpportunityEntities($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Opportunity { id sourceId publisher { id } } }
  }
`;

export const ORGANISATION_OPPORTUNITIES = /* GraphQL */ `
  query OrganisationOpportunities($representations: [_Any!]!, $first: Int, $after: String) {
    _entities(representations: $representations) {
      ... on Organisation {
        id
        opportunities(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id sourceId publisher { id } } }
        }
      }
    }
  }
`;

export const PERSON_ENTITIES = /* GraphQL */ `
  query PersonEntities($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Person { id } }
  }
`;
