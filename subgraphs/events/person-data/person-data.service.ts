import { In, type EntityManager } from "typeorm";
import { mayManagePersonData } from "../../../domain/person-data/person-data";
import { toPlainRecord } from "../../../domain/person-data/person-data";
import { personDataForbidden } from "../../../domain/person-data/person-data";
import { Event } from "../event/event.entity";
import { EventSpeaker } from "../event/event-speaker.entity";
import type { EventsContext } from "../event/event.service";
import type { PersonDataExport } from "./person-data-export.stub";

/** The events a person speaks at, for their data export: the speaker link (person, place in the programme) and the event's every stored field. */
export async function exportSpeakerAt(context: EventsContext, key: PersonDataExport): Promise<Array<Record<string, unknown>>> {
  if (!mayManagePersonData(context.viewer, key.network)) throw personDataForbidden();
  const links = await context.dataSource.getRepository(EventSpeaker).findBy({ personId: key.personId });
  const events = await context.dataSource
    .getRepository(Event)
    .find({ where: { id: In(links.map((link) => link.eventId)) }, order: { startsAt: "ASC", id: "ASC" } });
  const positions = new Map(links.map((link) => [link.eventId, link.position]));
  return events.map((event) => ({ personId: key.personId, position: positions.get(event.id) ?? null, event: toPlainRecord(context.dataSource, Event, event) }));
}

/** Erasure feed hook: an erased person no longer speaks anywhere (idempotent). */
export async function eraseSpeakerLinks(manager: EntityManager, personId: string): Promise<void> {
  await manager.delete(EventSpeaker, { personId });
}
