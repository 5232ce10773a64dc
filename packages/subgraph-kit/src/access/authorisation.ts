import { GraphQLError } from "graphql";
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

/** A viewer who may write records: a network (its own) or the operator (any). */
export type WritingViewer = Extract<Viewer, { kind: "network" | "operator" }>;

/**
 * The viewer as one who writes records: anonymous viewers are refused with UNAUTHENTICATED, moderators
 * (who decide on publication but write no records) with FORBIDDEN.
 */
export function requireRecordWriter(viewer: Viewer): WritingViewer {
  if (viewer.kind === "anonymous") throw unauthenticated();
  if (viewer.kind === "moderator") {
    throw new GraphQLError("Forbidden: a moderator's key approves and rejects records; records are written with their network's key or the operator token", {
      extensions: { code: "FORBIDDEN" },
    });
  }
  return viewer;
}

/**
 * Refuses an anonymous viewer (UNAUTHENTICATED), a moderator and a network writing under another network's
 * slug (FORBIDDEN, the latter naming the field `network`). Call before creating a record of `network`.
 */
export function requireWriter(context: { viewer: Viewer }, network: string): void {
  const viewer = requireRecordWriter(context.viewer);
  if (viewer.kind === "network" && viewer.network !== network) {
    throw new GraphQLError(`Forbidden: a key of network ${viewer.network} can only write records of network ${viewer.network}`, {
      extensions: { code: "FORBIDDEN", field: "network" },
    });
  }
}

/**
 * The condition limiting an update or delete to the records the viewer may change: none for the operator,
 * `{ network }` for a network (so another network's record reads exactly like an unknown id). Refuses anonymous viewers and moderators.
 */
export function writableBy(context: { viewer: Viewer }): { network?: string } {
  const viewer = requireRecordWriter(context.viewer);
  return viewer.kind === "network" ? { network: viewer.network } : {};
}
