import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { type ChildrenPageKey, type ChildrenSource, createByIdLoader, createChildrenPageLoader, publishedOnly, type Viewer } from "@agora-hub/subgraph-kit";
import type { Page } from "@agora-hub/subgraph-kit";
import { Membership } from "./membership.entity";

/** Per-request loaders of memberships: by id, and one page of them for many parents at once. */
export interface MembershipLoaders {
  membershipById: DataLoader<string, Membership | null>;
  /** A person's memberships (`Person.memberships`). */
  membershipsByPersonId: DataLoader<ChildrenPageKey, Page<Membership>, string>;
  /** The members of an organisation (`Organisation.members`). */
  membershipsByOrganisationId: DataLoader<ChildrenPageKey, Page<Membership>, string>;
  /** The memberships an organisation holds in others (`Organisation.memberOf`). */
  membershipsByMemberOrganisationId: DataLoader<ChildrenPageKey, Page<Membership>, string>;
}

/** The PUBLISHED memberships of one parent (what every viewer sees in nested lists) in the order they were recorded; matches the `(…, created_at, id)` indexes. */
function membershipsBy(parentColumn: string): ChildrenSource {
  return {
    from: "membership m",
    parentColumn: `m.${parentColumn}`,
    idColumn: "m.id",
    sortColumn: "m.created_at",
    sortValueType: "timestamp",
    direction: "ASC",
    where: publishedOnly("m"),
  };
}

/** Creates fresh membership loaders for one request of `viewer`: memberships it may not read are null; nested lists hold published ones only. */
export function createMembershipLoaders(dataSource: DataSource, viewer: Viewer): MembershipLoaders {
  const membershipById = createByIdLoader(dataSource, Membership, viewer);
  const pageLoader = (parentColumn: string) =>
    createChildrenPageLoader(dataSource, membershipsBy(parentColumn), membershipById, (membership) => membership.createdAt);
  return {
    membershipById,
    membershipsByPersonId: pageLoader("person_id"),
    membershipsByOrganisationId: pageLoader("organisation_id"),
    membershipsByMemberOrganisationId: pageLoader("member_organisation_id"),
  };
}
