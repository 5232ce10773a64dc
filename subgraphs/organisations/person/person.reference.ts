import { isUuid } from "../../kit";
import { Person } from "./person.stub";

/**
 * Resolves `Person` representations without a query: people live in another subgraph, so any
 * well-formed id is a person whose memberships may be asked for; a malformed one is null.
 */
export function resolvePersonReference(reference: { id: string }): Person | null {
  return isUuid(reference.id) ? Object.assign(new Person(), { id: reference.id }) : null;
}
