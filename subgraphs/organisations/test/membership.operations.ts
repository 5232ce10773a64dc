/** GraphQL documents used by the membership tests. */
export const MEMBERSHIP_FIELDS = /* GraphQL */ `
  fragment MembershipFields on Membership {
    id network sourceId role title since until isCurrent
    organisation { id name }
    personId
    memberOrganisation { id name }
  }
`;

export const CREATE_MEMBERSHIP = /* GraphQL */ `
  mutation CreateMembership($input: CreateMembershipInput!) { createMembership(input: $input) { ...MembershipFields } }
  ${MEMBERSHIP_FIELDS}
`;

export const UPDATE_MEMBERSHIP = /* GraphQL */ `
  mutation UpdateMembership($id: ID!, $input: UpdateMembershipInput!) { updateMembership(id: $id, input: $input) { ...MembershipFields } }
  ${MEMBERSHIP_FIELDS}
`;

export const DELETE_MEMBERSHIP = /* GraphQL */ `
  mutation DeleteMembership($id: ID!) { deleteMembership(id: $id) }
`;

export const ORGANISATION_MEMBERSHIPS = /* GraphQL */ `
  query OrganisationMemberships($id: ID!, $first: Int, $after: String) {
    organisation(id: $id) {
      members(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { ...MembershipFields } }
      }
      memberOf(first: $first) { totalCount edges { node { ...MembershipFields } } }
    }
  }
  ${MEMBERSHIP_FIELDS}
`;

export const ORGANISATIONS_WITH_MEMBERSHIPS = /* GraphQL */ `
  query OrganisationsWithMemberships($first: Int) {
    organisations(first: $first) {
      edges {
        node {
          id name
          members(first: 3) { totalCount edges { node { role isCurrent personId memberOrganisation { id name } organisation { id } } } }
          memberOf(first: 3) { totalCount edges { node { role organisation { id name } } } }
        }
      }
    }
  }
`;

export const PERSON_ENTITIES_WITH_MEMBERSHIPS = /* GraphQL */ `
  query PersonEntities($representations: [_Any!]!, $first: Int, $after: String) {
    _entities(representations: $representations) {
      ... on Person {
        id
        memberships(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id role title organisation { id name } } }
        }
      }
    }
  }
`;
