import type { SubgraphContext } from "@agora-hub/subgraph-kit";
import type { Opportunity } from "./opportunity.entity";
import type { OpportunityLoaders } from "./opportunity.loaders";

/** Resolves `Opportunity` representations sent by the gateway; all of one request share one query. */
export function resolveOpportunityReference(reference: { id: string }, context: SubgraphContext<OpportunityLoaders>): Promise<Opportunity | null> {
  return context.loaders.opportunityById.load(reference.id);
}
