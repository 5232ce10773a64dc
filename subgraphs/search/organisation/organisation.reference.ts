import { type Organisation, organisationStub } from "./organisation.stub";

/** Resolves `Organisation` representations without a query: only the id is known here. */
export function resolveOrganisationReference(reference: { id: string }): Organisation {
  return organisationStub(reference.id);
}
