import type { Viewer } from "@agora-hub/runtime";

/** Who an answer is for, as a key: answers differ by viewer, so only requests of the same viewer share one. */
export function viewerKey(viewer: Viewer | undefined): string | null {
  if (!viewer) return null;
  if (viewer.kind === "anonymous" || viewer.kind === "operator") return viewer.kind;
  // Trust changes what a network's own writes answer (their publication state), so it is part of the key.
  if (viewer.kind === "network") return `network:${viewer.network}${viewer.trusted ? ":trusted" : ""}`;
  if (viewer.kind === "moderator") return `moderator:${viewer.moderator}`;
  return null;
}
