import { isUuid } from "@agora-hub/runtime";
import { Person } from "./person.stub";

/**
 * Resolves `Person` representations without a query: people live in another subgraph, so any
 * well-formed id is a person whose memberships may be asked for; a malformed one is null.
 */
export function resolvePersonReference(reference: { id: string } & Partial<Person>): Person | null {
  if (!isUuid(reference.id)) return null;
  // The fields `partnerSuggestions` requires come with the representation when that field is asked for.
  const { id, disciplines, country, spokenLanguages } = reference;
  return Object.assign(new Person(), { id, disciplines, country, spokenLanguages });
}
