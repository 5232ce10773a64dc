import { GraphQLError } from "graphql";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { Viewer } from "@agora-hub/runtime";

/**
 * Who may write what, checked in the subgraph that owns the data: anonymous viewers nothing, a network
 * only records whose `network` is its own slug, the operator everything.
 */

/** A write without credentials. */
export function unauthenticated(): GraphQLError {
  return new GraphQLError("Writing needs credentials: send a network API key or the operator token as `Authorization: Bearer <token>`", {
    extensions: { code: "UNAUTHENTICATED" },
  });
}

/**
 * Refuses an anonymous viewer (UNAUTHENTICATED) and a network writing under another network's slug
 * (FORBIDDEN naming the field `network`). Call before creating a record of `network`.
 */
export function requireWriter(context: { viewer: Viewer }, network: string): void {
  const { viewer } = context;
  if (viewer.kind === "anonymous") throw unauthenticated();
  if (viewer.kind === "network" && viewer.network !== network) {
    throw new GraphQLError(`Forbidden: a key of network ${viewer.network} can only write records of network ${viewer.network}`, {
      extensions: { code: "FORBIDDEN", field: "network" },
    });
  }
}

/**
 * The condition limiting an update or delete to the records the viewer may change: none for the operator,
 * `{ network }` for a network (so another network's record reads exactly like an unknown id). Refuses anonymous viewers.
 */
export function writableBy(context: { viewer: Viewer }): { network?: string } {
  const { viewer } = context;
  if (viewer.kind === "anonymous") throw unauthenticated();
  return viewer.kind === "network" ? { network: viewer.network } : {};
}

/**
 * For an upsert: takes a transaction-scoped lock on (table, network, sourceId), so concurrent upserts of one
 * source record run one after the other, then loads that record (or null) for update.
 */
export async function lockSourceRecord<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  key: { network: string; sourceId: string },
): Promise<T | null> {
  const table = manager.getRepository(entity).metadata.tableName;
  await manager.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [JSON.stringify([table, key.network, key.sourceId])]);
  return manager.getRepository(entity).findOneBy({ network: key.network, sourceId: key.sourceId } as never);
}
