import type { Event } from "./event.entity";
import type { EventsContext } from "./event.service";

/** Resolves `Event` representations sent by the gateway; all of one request share one query. */
export function resolveEventReference(reference: { id: string }, context: EventsContext): Promise<Event | null> {
  return context.loaders.eventById.load(reference.id);
}
