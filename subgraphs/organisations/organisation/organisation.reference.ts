import type { OrganisationsContext } from "../organisations.loaders";
import type { Organisation } from "./organisation.entity";

/** Resolves `Organisation` representations sent by the gateway; all of one request share one query. */
export function resolveOrganisationReference(reference: { id: string }, context: OrganisationsContext): Promise<Organisation | null> {
  return context.loaders.organisationById.load(reference.id);
}
