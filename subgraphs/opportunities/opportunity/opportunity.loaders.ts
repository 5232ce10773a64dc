import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { type ChildrenPageKey, createByIdLoader, createChildrenPageLoader } from "@agora-hub/subgraph-kit";
import type { Page } from "@agora-hub/subgraph-kit";
import { Opportunity } from "./opportunity.entity";

/** The opportunities subgraph's per-request loaders. */
export interface OpportunityLoaders {
  opportunityById: DataLoader<string, Opportunity | null>;
  /** Pages of `Organisation.opportunities`, newest first, for many organisations in one batch. */
  opportunitiesByPublisherId: DataLoader<ChildrenPageKey, Page<Opportunity>, string>;
}

/** Creates fresh loaders for one request. */
export function createOpportunityLoaders(dataSource: DataSource): OpportunityLoaders {
  const opportunityById = createByIdLoader(dataSource, Opportunity);
  return {
    opportunityById,
    opportunitiesByPublisherId: createChildrenPageLoader(
      dataSource,
      { from: "opportunity o", parentColumn: "o.publisher_id", idColumn: "o.id", sortColumn: "o.created_at", sortValueType: "timestamp", direction: "DESC" },
      opportunityById,
      (opportunity) => opportunity.createdAt,
    ),
  };
}
