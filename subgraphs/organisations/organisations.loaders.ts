import type { DataSource } from "typeorm";
import type { SubgraphContext, Viewer } from "@agora-hub/subgraph-kit";
import { createMembershipLoaders, type MembershipLoaders } from "./membership/membership.loaders";
import { createOrganisationLoaders, type OrganisationLoaders } from "./organisation/organisation.loaders";

/** Every per-request loader of the organisations subgraph. */
export type OrganisationsLoaders = OrganisationLoaders & MembershipLoaders;

/** Context of a request to the organisations subgraph. */
export type OrganisationsContext = SubgraphContext<OrganisationsLoaders>;

/** Creates fresh loaders for one request, so nothing is cached across requests. */
export function createOrganisationsLoaders(dataSource: DataSource, viewer: Viewer): OrganisationsLoaders {
  return { ...createOrganisationLoaders(dataSource, viewer), ...createMembershipLoaders(dataSource, viewer) };
}
