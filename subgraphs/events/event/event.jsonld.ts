import { archivedProperty, languageTagged } from "../../../domain/open-formats/json-ld";
import { disciplineTerms } from "../../../domain/open-formats/json-ld";
import type { JsonLdNode } from "../../../domain/open-formats/json-ld";
import { entityLink } from "../../../domain/open-formats/json-ld";
import { hubTerm } from "../../../domain/open-formats/json-ld";
import { postalAddress } from "../../../domain/open-formats/json-ld";
import { thingJsonLd } from "../../../domain/open-formats/json-ld";
import { jsonLdDocument } from "../../../domain/open-formats/json-ld";
import type { Event } from "./event.entity";
import type { EventsContext } from "./event.service";
import { EventAttendanceMode, EventFormat } from "./event.type";

/** The schema.org subtype of Event for each format where one fits; the others stay `Event`. */
const SCHEMA_TYPES: Partial<Record<EventFormat, string>> = {
  [EventFormat.FESTIVAL]: "Festival",
  [EventFormat.EXHIBITION]: "ExhibitionEvent",
  [EventFormat.SCREENING]: "ScreeningEvent",
  [EventFormat.WORKSHOP]: "EducationEvent",
  [EventFormat.WEBINAR]: "EducationEvent",
  [EventFormat.FAIR]: "BusinessEvent",
  [EventFormat.MATCHMAKING_SESSION]: "BusinessEvent",
  [EventFormat.MEETUP]: "SocialEvent",
};

const ATTENDANCE_MODES: Record<EventAttendanceMode, string> = {
  [EventAttendanceMode.IN_PERSON]: "https://schema.org/OfflineEventAttendanceMode",
  [EventAttendanceMode.ONLINE]: "https://schema.org/OnlineEventAttendanceMode",
  [EventAttendanceMode.MIXED]: "https://schema.org/MixedEventAttendanceMode",
};

function locations(event: Event): JsonLdNode[] {
  const found: JsonLdNode[] = [];
  const venue = event.venue();
  if (venue) {
    found.push({
      "@type": "Place",
      name: venue.name,
      address: postalAddress(venue.city, venue.country),
      geo:
        venue.latitude !== null && venue.longitude !== null ? { "@type": "GeoCoordinates", latitude: venue.latitude, longitude: venue.longitude } : undefined,
    });
  }
  if (event.onlineUrl) found.push({ "@type": "VirtualLocation", url: event.onlineUrl });
  return found;
}

/**
 * An event as schema.org `Event` (or `Festival`, `ExhibitionEvent`, `ScreeningEvent`, `EducationEvent`,
 * `BusinessEvent`, `SocialEvent` by format, the hub's format in `additionalType`): dates in UTC, venue
 * as a Place with coordinates and/or a VirtualLocation, organisers and speakers as `@id` links; an archived
 * event's `additionalProperty` says it is ARCHIVED.
 */
export async function eventJsonLd(context: EventsContext, event: Event): Promise<JsonLdNode> {
  const organiserIds = await context.loaders.organiserIdsByEventId.load(event.id);
  // Only the speakers the people subgraph resolved for this viewer (`@requires`), so no hidden person is linked.
  const speakerIds = (event.speakers ?? []).map((speaker) => speaker.id);
  return jsonLdDocument({
    ...thingJsonLd(context.hubUrl, SCHEMA_TYPES[event.format] ?? "Event", "events", event),
    additionalType: hubTerm(context.hubUrl, "event-formats", event.format),
    name: languageTagged(event.title),
    description: languageTagged(event.description),
    startDate: event.startsAt,
    endDate: event.endsAt,
    eventAttendanceMode: ATTENDANCE_MODES[event.attendanceMode],
    location: locations(event),
    organizer: organiserIds.map((id) => entityLink(context.hubUrl, "organisations", id)),
    performer: speakerIds.map((id) => entityLink(context.hubUrl, "people", id)),
    inLanguage: event.languages,
    keywords: disciplineTerms(context.hubUrl, event.disciplines),
    maximumAttendeeCapacity: event.capacity ?? undefined,
    url: event.registrationUrl ?? undefined,
    // `eventStatus` stays unsaid (EventScheduled by default: it did take place); archiving is the hub's listing, said here.
    additionalProperty: archivedProperty(event),
  });
}
