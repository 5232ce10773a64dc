import { type Person, personStub } from "./person.stub";

/** Resolves `Person` representations without a query: only the id is known here. */
export function resolvePersonReference(reference: { id: string }): Person {
  return personStub(reference.id);
}
