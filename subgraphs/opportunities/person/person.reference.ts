import { Person } from "./person.stub";

/** The key-only person for an id; the gateway fetches its other fields from the people subgraph. */
export function resolvePersonReference(reference: { id: string }): Person {
  return Object.assign(new Person(), { id: reference.id });
}
