import { isUuid } from "@agora-hub/runtime";
import { Opportunity } from "./opportunity.stub";

/**
 * Resolves `Opportunity` representations without a query: the opportunity lives in another subgraph, and
 * the fields `suggestedApplicants` requires arrive in the representation itself.
 */
export function resolveOpportunityReference(reference: { id: string } & Partial<Opportunity>): Opportunity | null {
  if (!isUuid(reference.id)) return null;
  const { id, disciplines, eligibleCountries, type, status, contactId } = reference;
  return Object.assign(new Opportunity(), { id, disciplines, eligibleCountries, type, status, contactId: contactId ?? null });
}
