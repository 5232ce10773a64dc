/** GraphQL documents used by the events subgraph's tests. */
export const EVENT_FIELDS = /* GraphQL */ `
  fragment EventFields on Event {
    id network sourceId format startsAt endsAt timeZone attendanceMode onlineUrl disciplines languages
    registrationUrl capacity createdAt updatedAt
    title { originalLanguage text translations { lang value machineTranslated } }
    description { text(lang: "ar") textLanguage(lang: "ar") }
    venue { name city country latitude longitude }
    organisers { id }
    speakerIds
  }
`;

export const CREATE_EVENT = /* GraphQL */ `
  mutation CreateEvent($input: CreateEventInput!) { createEvent(input: $input) { ...EventFields } }
  ${EVENT_FIELDS}
`;

export const UPDATE_EVENT = /* GraphQL */ `
  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { ...EventFields } }
  ${EVENT_FIELDS}
`;

export const DELETE_EVENT = /* GraphQL */ `
  mutation DeleteEvent($id: ID!) { deleteEvent(id: $id) }
`;

export const GET_EVENT = /* GraphQL */ `
  query GetEvent($id: ID!) { event(id: $id) { ...EventFields } }
  ${EVENT_FIELDS}
`;

export const LIST_EVENTS = /* GraphQL */ `
  query ListEvents($first: Int, $after: String, $filter: EventsFilter, $orderBy: EventOrder) {
    events(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id sourceId title { text } } }
    }
  }
`;

export const LIST_EVENTS_WITH_PEOPLE = /* GraphQL */ `
  query ListEventsWithPeople($first: Int) {
    events(first: $first) { edges { node { id organisers { id } speakerIds } } }
  }
`;

export const EVENT_ENTITIES = /* GraphQL */ `
  query EventEntities($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Event { id title { text } } }
  }
`;

export const ORGANISATION_EVENTS = /* GraphQL */ `
  query OrganisationEvents($representations: [_Any!]!, $first: Int, $after: String) {
    _entities(representations: $representations) {
      ... on Organisation {
        id
        events(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id sourceId startsAt } }
        }
      }
    }
  }
`;

export const PERSON_EVENTS = /* GraphQL */ `
  query PersonEvents($representations: [_Any!]!, $first: Int, $after: String) {
    _entities(representations: $representations) {
      ... on Person {
        id
        events(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id sourceId startsAt } }
        }
      }
    }
  }
`;
