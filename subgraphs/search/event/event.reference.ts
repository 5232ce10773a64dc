import { type Event, eventStub } from "./event.stub";

/** Resolves `Event` representations without a query: only the id is known here. */
export function resolveEventReference(reference: { id: string }): Event {
  return eventStub(reference.id);
}
