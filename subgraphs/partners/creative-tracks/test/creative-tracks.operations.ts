/** GraphQL documents used by the Creative Tracks subgraph's tests. */
export const LAB_FIELDS = /* GraphQL */ `
  fragment LabFields on CreativeTracksLab {
    id network sourceId link disciplines lookingFor countriesSought expiresAt status createdAt
    title { originalLanguage text translations { lang value machineTranslated } }
    description { text(lang: "fr") textLanguage(lang: "fr") }
    author { id }
    hostOrganisation { id }
  }
`;

export const CREATE_LAB = /* GraphQL */ `
  mutation CreateLab($input: CreativeTracksCreateLabInput!) { creativeTracksCreateLab(input: $input) { ...LabFields } }
  ${LAB_FIELDS}
`;

export const DELETE_LAB = /* GraphQL */ `
  mutation DeleteLab($id: ID!) { creativeTracksDeleteLab(id: $id) }
`;

export const GET_LAB = /* GraphQL */ `
  query GetLab($id: ID!) { creativeTracksLab(id: $id) { ...LabFields } }
  ${LAB_FIELDS}
`;

export const LIST_LABS = /* GraphQL */ `
  query ListLabs($first: Int, $after: String, $filter: CreativeTracksLabsFilter) {
    creativeTracksLabs(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id sourceId status title { text } } }
    }
  }
`;

export const LAB_ENTITIES = /* GraphQL */ `
  query LabEntities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on CreativeTracksLab { id sourceId status title { text } author { id } hostOrganisation { id } }
    }
  }
`;

export const PERSON_PROFILES = /* GraphQL */ `
  query PersonProfiles($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Person { id creativeTracksProfile { ambassador followersCount interests lookingFor } }
    }
  }
`;

export const ORGANISATION_LABS = /* GraphQL */ `
  query OrganisationLabs($representations: [_Any!]!, $first: Int, $after: String) {
    _entities(representations: $representations) {
      ... on Organisation {
        id
        creativeTracksLabs(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { sourceId status hostOrganisation { id } author { id } } }
        }
      }
    }
  }
`;
