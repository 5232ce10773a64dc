import { Person } from "../person/person.stub";
import type { Event } from "./event.entity";
import type { EventsContext } from "./event.service";

/** Resolves `Event` representations sent by the gateway; all of one request share one query. */
export async function resolveEventReference(reference: { id: string; speakers?: unknown }, context: EventsContext): Promise<Event | null> {
  const event = await context.loaders.eventById.load(reference.id);
  if (!event || !Array.isArray(reference.speakers)) return event;
  // The speakers `jsonLd` requires, as the people subgraph resolved them; a copy, as loaders share instances.
  const speakers = reference.speakers.filter((speaker): speaker is { id: string } => typeof (speaker as { id?: unknown } | null)?.id === "string");
  return Object.assign(Object.create(Object.getPrototypeOf(event) as object) as Event, event, { speakers: speakers.map(({ id }) => Person.of({ id })) });
}
