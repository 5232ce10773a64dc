/** GraphQL documents used by the people subgraph's tests. */
export const PERSON_FIELDS = /* GraphQL */ `
  fragment PersonFields on Person {
    id network sourceId displayName disciplines skills spokenLanguages country city website
    socialLinks { platform url } openTo careerStage
    headline { originalLanguage text translations { lang value machineTranslated } }
    bio { text(lang: "fr") textLanguage(lang: "fr") }
  }
`;

export const CREATE_PERSON = /* GraphQL */ `
  mutation CreatePerson($input: CreatePersonInput!) { createPerson(input: $input) { ...PersonFields } }
  ${PERSON_FIELDS}
`;

export const UPDATE_PERSON = /* GraphQL */ `
  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { ...PersonFields } }
  ${PERSON_FIELDS}
`;

export const DELETE_PERSON = /* GraphQL */ `
  mutation DeletePerson($id: ID!) { deletePerson(id: $id) }
`;

export const GET_PERSON = /* GraphQL */ `
  query GetPerson($id: ID!) { person(id: $id) { ...PersonFields } }
  ${PERSON_FIELDS}
`;

export const LIST_PEOPLE = /* GraphQL */ `
  query ListPeople($first: Int, $after: String, $filter: PeopleFilter, $orderBy: PersonOrder) {
    people(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id displayName } }
    }
  }
`;

export const PERSON_ENTITIES = /* GraphQL */ `
  query PersonEntities($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Person { id displayName } }
  }
`;
