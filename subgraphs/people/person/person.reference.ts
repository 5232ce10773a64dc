import type { SubgraphContext } from "../../kit";
import type { Person } from "./person.entity";
import type { PersonLoaders } from "./person.loaders";

/** Resolves `Person` representations sent by the gateway; all of one request share one query. */
export function resolvePersonReference(reference: { id: string }, context: SubgraphContext<PersonLoaders>): Promise<Person | null> {
  return context.loaders.personById.load(reference.id);
}
