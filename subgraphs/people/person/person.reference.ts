import type { SubgraphContext } from "@agora-hub/subgraph-kit";
import { visibleOrNull } from "./person.service";
import type { Person } from "./person.entity";
import type { PersonLoaders } from "./person.loaders";

/**
 * Resolves `Person` representations sent by the gateway; all of one request share one query. People the
 * viewer may not see resolve to null here too, so no other subgraph's list can reveal them.
 */
export async function resolvePersonReference(reference: { id: string }, context: SubgraphContext<PersonLoaders>): Promise<Person | null> {
  return visibleOrNull(context, await context.loaders.personById.load(reference.id));
}
