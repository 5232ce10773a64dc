import { type Opportunity, opportunityStub } from "./opportunity.stub";

/** Resolves `Opportunity` representations without a query: only the id is known here. */
export function resolveOpportunityReference(reference: { id: string }): Opportunity {
  return opportunityStub(reference.id);
}
