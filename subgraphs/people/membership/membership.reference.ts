import { isUuid } from "@agora-hub/runtime";
import { Membership } from "./membership.stub";

/** Resolves `Membership` representations without a query: the member's id arrives in the representation (`@requires`). */
export function resolveMembershipReference(reference: { id: string; personId?: unknown }): Membership | null {
  if (!isUuid(reference.id)) return null;
  return Object.assign(new Membership(), { id: reference.id, personId: typeof reference.personId === "string" ? reference.personId : null });
}
