import { isUuid } from "@agora-hub/runtime";
import { Event } from "./event.stub";

/** Resolves `Event` representations without a query: the speaker ids arrive in the representation (`@requires`). */
export function resolveEventReference(reference: { id: string; speakerIds?: unknown }): Event | null {
  if (!isUuid(reference.id)) return null;
  return Object.assign(new Event(), { id: reference.id, speakerIds: Array.isArray(reference.speakerIds) ? reference.speakerIds : [] });
}
