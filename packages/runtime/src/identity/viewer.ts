/**
 * Who is asking: anonymous clients read public data; a partner network (by its API key) writes its own
 * records, published at once when the operator trusts the network and held for review otherwise; a
 * moderator (a key the operator grants) reads every record and approves or rejects them; the operator may
 * do everything. Established by the gateway and passed to subgraphs in the hub's token.
 */
export type Viewer =
  { kind: "anonymous" } | { kind: "network"; network: string; trusted?: boolean } | { kind: "moderator"; moderator: string } | { kind: "operator" };

export const ANONYMOUS: Viewer = { kind: "anonymous" };
export const OPERATOR: Viewer = { kind: "operator" };

/** Whether a viewer sees and decides on every record's publication (the operator and moderators). */
export function isModerating(viewer: Viewer): boolean {
  return viewer.kind === "operator" || viewer.kind === "moderator";
}

/** Whether `viewer` owns records of `network` (its own network) or stands above every network (the operator). */
export function ownsNetwork(viewer: Viewer, network: string): boolean {
  return viewer.kind === "operator" || (viewer.kind === "network" && viewer.network === network);
}

/** Whether the viewer may see the unpublished records of `network`: their owner, moderators and the operator. */
export function seesUnpublishedOf(viewer: Viewer, network: string): boolean {
  return isModerating(viewer) || ownsNetwork(viewer, network);
}

/** Whether writes of this viewer publish at once: the operator's, and a trusted network's. */
export function publishesDirectly(viewer: Viewer): boolean {
  return viewer.kind === "operator" || (viewer.kind === "network" && viewer.trusted === true);
}
