import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { type ChildrenPageKey, createByIdLoader, createChildrenPageLoader, publishedOnly, type Viewer } from "@agora-hub/subgraph-kit";
import type { Page } from "@agora-hub/subgraph-kit";
import { Opportunity } from "./opportunity.entity";

/** The opportunities subgraph's per-request loaders. */
export interface OpportunityLoaders {
  opportunityById: DataLoader<string, Opportunity | null>;
  /** Pages of `Organisation.opportunities`, newest first, for many organisations in one batch. */
  opportunitiesByPublisherId: DataLoader<ChildrenPageKey, Page<Opportunity>, string>;
}

/** Creates fresh loaders for one request of `viewer`: opportunities it may not read are null; nested lists hold published ones only. */
export function createOpportunityLoaders(dataSource: DataSource, viewer: Viewer): OpportunityLoaders {
  const opportunityById = createByIdLoader(dataSource, Opportunity, viewer);
  return {
    opportunityById,
    opportunitiesByPublisherId: createChildrenPageLoader(
      dataSource,
      {
        from: "opportunity o",
        parentColumn: "o.publisher_id",
        idColumn: "o.id",
        sortColumn: "o.created_at",
        sortValueType: "timestamp",
        direction: "DESC",
        where: publishedOnly("o"),
      },
      opportunityById,
      (opportunity) => opportunity.createdAt,
    ),
  };
}
