import type { Viewer } from "@agora-hub/runtime";

/** Who an answer is for, as a key: answers differ by viewer, so only requests of the same viewer share one. */
export function viewerKey(viewer: Viewer | undefined): string | null {
  if (!viewer) return null;
  if (viewer.kind === "anonymous" || viewer.kind === "operator") return viewer.kind;
  if (viewer.kind === "network") return `network:${viewer.network}`;
  return null;
}
