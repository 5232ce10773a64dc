/** GraphQL documents used by the organisations subgraph's tests. */
export const ORGANISATION_FIELDS = /* GraphQL */ `
  fragment OrganisationFields on Organisation {
    id network sourceId name slug kind disciplines services country city website workingLanguages createdAt updatedAt
    description { originalLanguage text translations { lang value machineTranslated } }
  }
`;

export const CREATE_ORGANISATION = /* GraphQL */ `
  mutation CreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ...OrganisationFields } }
  ${ORGANISATION_FIELDS}
`;

export const UPDATE_ORGANISATION = /* GraphQL */ `
  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { ...OrganisationFields } }
  ${ORGANISATION_FIELDS}
`;

export const DELETE_ORGANISATION = /* GraphQL */ `
  mutation DeleteOrganisation($id: ID!) { deleteOrganisation(id: $id) }
`;

export const GET_ORGANISATION = /* GraphQL */ `
  query GetOrganisation($id: ID!) { organisation(id: $id) { ...OrganisationFields } }
  ${ORGANISATION_FIELDS}
`;

export const GET_ORGANISATION_BY_SLUG = /* GraphQL */ `
  query GetOrganisationBySlug($slug: String!) { organisationBySlug(slug: $slug) { id name slug } }
`;

export const LIST_ORGANISATIONS = /* GraphQL */ `
  query ListOrganisations($first: Int, $after: String, $filter: OrganisationsFilter, $orderBy: OrganisationOrder) {
    organisations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name } }
    }
  }
`;

export const ORGANISATION_ENTITIES = /* GraphQL */ `
  query OrganisationEntities($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Organisation { id name } }
  }
`;
