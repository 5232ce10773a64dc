import { personDataExportReference } from "../../domain/person-data/person-data";
import { followPersonErasures } from "../../domain/person-erasure/erasure-follower";
import {
  combineBackground,
  createPublicationResolver,
  expireRecords,
  type ExpirySettings,
  PublicationDecision,
  readExpirySettings,
  readSearchableListSettings,
  type SearchableListSettings,
  type SubgraphDefinition,
} from "@agora-hub/subgraph-kit";
import { AddEventPublication1764000400040 } from "./migrations/1764000400040-add-event-publication";
import { AddEventChangeFeed1764000400050 } from "./migrations/1764000400050-add-event-change-feed";
import { CreatePersonErasureCursor1764000400010 } from "./migrations/1764000400010-create-person-erasure-cursor";
import { PersonDataExportResolver } from "./person-data/person-data-export.resolver";
import { PersonDataExport } from "./person-data/person-data-export.stub";
import { eraseSpeakerLinks } from "./person-data/person-data.service";
import { eventChangeFeed } from "./event/event.changes";
import { Event } from "./event/event.entity";
import { EventOrganiser } from "./event/event-organiser.entity";
import { EventSpeaker } from "./event/event-speaker.entity";
import { createEventLoaders, type EventLoaders } from "./event/event.loaders";
import { resolveEventReference } from "./event/event.reference";
import { EventResolver } from "./event/event.resolver";
import { CreateEvent1764000400000 } from "./migrations/1764000400000-create-event";
import { AddEventSearch1764000400020 } from "./migrations/1764000400020-add-event-search";
import { TuneEventSearch1764000400030 } from "./migrations/1764000400030-tune-event-search";
import { OrganisationEventsResolver } from "./organisation/organisation.resolver";
import { Organisation } from "./organisation/organisation.stub";
import { PersonEventsResolver } from "./person/person.resolver";
import { Person } from "./person/person.stub";

/** Days after its end an event is archived when EVENT_ARCHIVE_AFTER_DAYS is unset. */
export const DEFAULT_EVENT_ARCHIVE_AFTER_DAYS = 7;

/** The events subgraph's settings: its searchable lists' and its expiry's. */
export interface EventsSettings extends SearchableListSettings {
  expiry: ExpirySettings;
}

/**
 * Reads SEARCH_FACET_EXACT_LIMIT, EVENT_ARCHIVE_AFTER_DAYS (an event is archived this many days after it ends; default
 * 7) and EXPIRY_INTERVAL_MS; a bad value stops the start, naming its variable.
 */
export function readEventsSettings(env: NodeJS.ProcessEnv): EventsSettings {
  return { ...readSearchableListSettings(env), expiry: readExpirySettings(env, "EVENT_ARCHIVE_AFTER_DAYS", DEFAULT_EVENT_ARCHIVE_AFTER_DAYS) };
}

/** The events subgraph: owns `Event`, contributes `Organisation.events` and `Person.events`. */
export const eventsSubgraph: SubgraphDefinition<EventLoaders> = {
  name: "events",
  defaultPort: 4004,
  // The erasure feed it follows, and the owners of the records its writes reference.
  peers: ["people", "organisations"],
  resolvers: [
    EventResolver,
    createPublicationResolver(Event, "Event", { changeFeed: eventChangeFeed }),
    OrganisationEventsResolver,
    PersonEventsResolver,
    PersonDataExportResolver,
  ],
  orphanedTypes: [Organisation, Person, PersonDataExport],
  referenceResolvers: {
    Event: resolveEventReference,
    PersonDataExport: personDataExportReference(PersonDataExport),
  },
  entities: [Event, EventOrganiser, EventSpeaker, PublicationDecision],
  migrations: [
    CreateEvent1764000400000,
    CreatePersonErasureCursor1764000400010,
    AddEventSearch1764000400020,
    TuneEventSearch1764000400030,
    AddEventPublication1764000400040,
    AddEventChangeFeed1764000400050,
  ],
  // SEARCH_FACET_EXACT_LIMIT: how many rows its lists' facets count exactly; EVENT_ARCHIVE_AFTER_DAYS and EXPIRY_INTERVAL_MS: its expiry.
  readSettings: readEventsSettings,
  createLoaders: createEventLoaders,
  // Loaded when seeding: a start that finds data never loads the demo data's libraries (faker).
  seed: (dataSource, sizes) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedEvents } = require("./demo/events.seed") as typeof import("./demo/events.seed");
    return seedEvents(dataSource, sizes);
  },
  // The erasure feed, and the expiry job archiving events past their window (EVENT_ARCHIVE_AFTER_DAYS days after the end).
  startBackground: combineBackground(
    followPersonErasures(eraseSpeakerLinks),
    expireRecords((expiry) => [{ typeName: "Event", table: "event", endColumn: "ends_at", afterDays: expiry.archiveAfterDays, changeFeed: true }]),
  ),
};
