import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { type ChildrenPageKey, createByIdLoader, createChildrenPageLoader, createIdsByParentLoader, publishedOnly, type Viewer } from "@agora-hub/subgraph-kit";
import type { Page } from "@agora-hub/subgraph-kit";
import { Event } from "./event.entity";
import { MAX_ORGANISERS, MAX_SPEAKERS } from "./event.inputs";

/** The events subgraph's per-request loaders. */
export interface EventLoaders {
  eventById: DataLoader<string, Event | null>;
  /** Organisation ids of an event, in the order given. */
  organiserIdsByEventId: DataLoader<string, string[]>;
  /** Person ids of an event's speakers, in programme order. */
  speakerIdsByEventId: DataLoader<string, string[]>;
  /** A page of the events an organisation organises, most recent start first. */
  eventsByOrganisationId: DataLoader<ChildrenPageKey, Page<Event>, string>;
  /** A page of the events a person speaks at, most recent start first. */
  eventsBySpeakerId: DataLoader<ChildrenPageKey, Page<Event>, string>;
}

const startsAtOf = (event: Event) => event.startsAt;

/** Creates fresh loaders for one request of `viewer`: events it may not read are null; nested lists hold published events only. */
export function createEventLoaders(dataSource: DataSource, viewer: Viewer): EventLoaders {
  const eventById = createByIdLoader(dataSource, Event, viewer);
  return {
    eventById,
    organiserIdsByEventId: createIdsByParentLoader(dataSource, {
      table: "event_organiser",
      parentColumn: "event_id",
      childColumn: "organisation_id",
      orderColumn: "position",
      limit: MAX_ORGANISERS,
    }),
    speakerIdsByEventId: createIdsByParentLoader(dataSource, {
      table: "event_speaker",
      parentColumn: "event_id",
      childColumn: "person_id",
      orderColumn: "position",
      limit: MAX_SPEAKERS,
    }),
    eventsByOrganisationId: createChildrenPageLoader(
      dataSource,
      {
        from: "event_organiser eo JOIN event e ON e.id = eo.event_id",
        parentColumn: "eo.organisation_id",
        idColumn: "e.id",
        sortColumn: "e.starts_at",
        sortValueType: "timestamp",
        direction: "DESC",
        where: publishedOnly("e"),
      },
      eventById,
      startsAtOf,
    ),
    eventsBySpeakerId: createChildrenPageLoader(
      dataSource,
      {
        from: "event_speaker es JOIN event e ON e.id = es.event_id",
        parentColumn: "es.person_id",
        idColumn: "e.id",
        sortColumn: "e.starts_at",
        sortValueType: "timestamp",
        direction: "DESC",
        where: publishedOnly("e"),
      },
      eventById,
      startsAtOf,
    ),
  };
}
