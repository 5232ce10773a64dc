import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { type ChildrenPageKey, createByIdLoader, createChildrenPageLoader, createIdsByParentLoader, publishedOnly, type Viewer } from "@agora-hub/subgraph-kit";
import type { Page } from "@agora-hub/subgraph-kit";
import { Resource } from "./resource.entity";
import { MAX_AUTHORS, MAX_PUBLISHERS, MAX_RELATED } from "./resource.inputs";

/** The resources subgraph's per-request loaders. */
export interface ResourceLoaders {
  resourceById: DataLoader<string, Resource | null>;
  /** Person ids of a resource's authors, in title-page order. */
  authorIdsByResourceId: DataLoader<string, string[]>;
  /** Organisation ids of a resource's publishers, in the order given. */
  publisherIdsByResourceId: DataLoader<string, string[]>;
  /** Organisation ids a resource is about or came out of. */
  organisationIdsByResourceId: DataLoader<string, string[]>;
  /** Opportunity ids a resource relates to. */
  opportunityIdsByResourceId: DataLoader<string, string[]>;
  /** Event ids a resource relates to. */
  eventIdsByResourceId: DataLoader<string, string[]>;
  /** A page of the resources an organisation published or is related to, most recently published first. */
  resourcesByOrganisationId: DataLoader<ChildrenPageKey, Page<Resource>, string>;
  /** A page of the resources a person wrote, most recently published first. */
  resourcesByAuthorId: DataLoader<ChildrenPageKey, Page<Resource>, string>;
  /** A page of the resources related to an opportunity, most recently published first. */
  resourcesByOpportunityId: DataLoader<ChildrenPageKey, Page<Resource>, string>;
  /** A page of the resources related to an event, most recently published first. */
  resourcesByEventId: DataLoader<ChildrenPageKey, Page<Resource>, string>;
}

/** The sort value of the nested lists: the UTC midnight of the publication date (`publication_instant`). */
const publishedAtOf = (resource: Resource) => new Date(`${resource.publicationDate}T00:00:00.000Z`);

/** Creates fresh loaders for one request of `viewer`: resources it may not read are null; nested lists hold published resources only. */
export function createResourceLoaders(dataSource: DataSource, viewer: Viewer): ResourceLoaders {
  const resourceById = createByIdLoader(dataSource, Resource, viewer);
  const ids = (table: string, childColumn: string, limit: number) =>
    createIdsByParentLoader(dataSource, { table, parentColumn: "resource_id", childColumn, orderColumn: "position", limit });
  const children = (from: string, parentColumn: string) =>
    createChildrenPageLoader(
      dataSource,
      {
        from,
        parentColumn,
        idColumn: "r.id",
        sortColumn: "r.publication_instant",
        sortValueType: "timestamp",
        direction: "DESC",
        where: publishedOnly("r"),
      },
      resourceById,
      publishedAtOf,
    );
  return {
    resourceById,
    authorIdsByResourceId: ids("resource_author", "person_id", MAX_AUTHORS),
    publisherIdsByResourceId: ids("resource_publisher", "organisation_id", MAX_PUBLISHERS),
    organisationIdsByResourceId: ids("resource_organisation", "organisation_id", MAX_RELATED),
    opportunityIdsByResourceId: ids("resource_opportunity", "opportunity_id", MAX_RELATED),
    eventIdsByResourceId: ids("resource_event", "event_id", MAX_RELATED),
    // Published by the organisation, or about it: one row per resource even when it is both.
    resourcesByOrganisationId: children(
      "(SELECT resource_id, organisation_id FROM resource_publisher UNION SELECT resource_id, organisation_id FROM resource_organisation) ro JOIN resource r ON r.id = ro.resource_id",
      "ro.organisation_id",
    ),
    resourcesByAuthorId: children("resource_author ra JOIN resource r ON r.id = ra.resource_id", "ra.person_id"),
    resourcesByOpportunityId: children("resource_opportunity rp JOIN resource r ON r.id = rp.resource_id", "rp.opportunity_id"),
    resourcesByEventId: children("resource_event re JOIN resource r ON r.id = re.resource_id", "re.event_id"),
  };
}
