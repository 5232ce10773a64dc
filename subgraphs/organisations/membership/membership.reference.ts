import type { OrganisationsContext } from "../organisations.loaders";
import type { Membership } from "./membership.entity";

/** Resolves `Membership` representations sent by the gateway; all of one request share one query. */
export function resolveMembershipReference(reference: { id: string }, context: OrganisationsContext): Promise<Membership | null> {
  return context.loaders.membershipById.load(reference.id);
}
