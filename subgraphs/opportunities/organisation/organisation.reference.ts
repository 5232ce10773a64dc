import { Organisation } from "./organisation.stub";

/** The key-only organisation for an id; the gateway fetches its other fields from the organisations subgraph. */
export function resolveOrganisationReference(reference: { id: string }): Organisation {
  return Object.assign(new Organisation(), { id: reference.id });
}
