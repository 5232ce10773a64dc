import type { EntityManager } from "typeorm";

/** A member's erasure (followed from the people subgraph's feed) deletes the saved searches held for them, their address with them. */
export async function deleteErasedPersonSearches(manager: EntityManager, personId: string): Promise<void> {
  await manager.query("DELETE FROM saved_search WHERE person_id = $1", [personId]);
}
