import type { EntityManager, SelectQueryBuilder } from "typeorm";
import {
  addedIds,
  applyDirectoryFilter,
  applyPublicationFilter,
  checkReferences,
  escapeLike,
  NetworkRecordWriter,
  chooseOrder,
  type FacetDimension,
  normaliseSearch,
  paginateSearchable,
  RELEVANCE,
  type SearchablePage,
  type SearchableTable,
  requireUuid,
  facetExactLimitOf,
  type SubgraphContext,
  toLocalizedText,
  unique,
  Violations,
  type ListSelection,
} from "@agora-hub/subgraph-kit";
import { isUuid } from "@agora-hub/runtime";
import type { Page } from "@agora-hub/subgraph-kit";
import type { PageWindow } from "@agora-hub/subgraph-kit";
import type { KeysetOrder } from "@agora-hub/subgraph-kit";
import { Organisation } from "../organisation/organisation.stub";
import { Event } from "./event.entity";
import { EventOrganiser } from "./event-organiser.entity";
import { EventSpeaker } from "./event-speaker.entity";
import { type EventsArgs, type EventsFilter, MAX_RADIUS_KM, type NearInput } from "./event.args";
import type { CreateEventInput, EventVenueInput, UpdateEventInput, UpsertEventInput } from "./event.inputs";
import type { EventLoaders } from "./event.loaders";
import { EventAttendanceMode, EventOrder } from "./event.type";
import { eventChangeFeed } from "./event.changes";

/** Context of a request to the events subgraph. */
export type EventsContext = SubgraphContext<EventLoaders>;

const ORDERS: Record<Exclude<EventOrder, EventOrder.RELEVANCE>, KeysetOrder<Event>> = {
  [EventOrder.STARTS_AT]: { column: "event.starts_at", direction: "ASC", valueType: "timestamp", valueOf: (event) => event.startsAt },
  [EventOrder.NEWEST]: { column: "event.created_at", direction: "DESC", valueType: "timestamp", valueOf: (event) => event.createdAt },
};

// Area/City names only: offsets such as "+01:00" are valid for Intl but are not IANA names.
const TIME_ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** The canonical spelling of an IANA time zone name ("europe/paris" → "Europe/Paris"), or null when unknown. */
export function canonicalTimeZone(name: string): string | null {
  if (!TIME_ZONE_NAME.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** One event by id, or null; a malformed id is a client error. */
export function findEvent(context: EventsContext, id: string): Promise<Event | null> {
  return context.loaders.eventById.load(requireUuid(id));
}

/** Reports every malformed id of a list under `field[index]`. */
function checkIds(ids: readonly string[], field: string, violations: Violations): void {
  ids.forEach((id, index) => {
    if (!isUuid(id)) violations.add(`${field}[${index}]`, `${JSON.stringify(id).slice(0, 80)} is not a valid id (a UUID)`);
  });
}

/** Adds the conditions of a filter to a query (lists and the calendar feed share it). */
export /** A circle needs its point and its radius, each in range. */
function checkNear(near: NearInput, violations: Violations): void {
  const { latitude, longitude, radiusKm } = near;
  const hasPoint = latitude !== undefined && latitude !== null && longitude !== undefined && longitude !== null;
  if (latitude === undefined || latitude === null) violations.add("filter.near.latitude", "is required with a radius or longitude");
  else if (!(latitude >= -90 && latitude <= 90)) violations.add("filter.near.latitude", "must be between -90 and 90");
  if (longitude === undefined || longitude === null) violations.add("filter.near.longitude", "is required with a radius or latitude");
  else if (!(longitude >= -180 && longitude <= 180)) violations.add("filter.near.longitude", "must be between -180 and 180");
  if (radiusKm === undefined || radiusKm === null) violations.add("filter.near.radiusKm", hasPoint ? "is required with a point" : "is required");
  else if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) violations.add("filter.near.radiusKm", `must be more than 0 and at most ${MAX_RADIUS_KM}`);
}

/** Adds the conditions of a filter to a query (lists and the calendar feed share it). */
export function applyFilter(query: SelectQueryBuilder<Event>, filter: EventsFilter | undefined): SelectQueryBuilder<Event> {
  if (!filter) return query;
  const violations = new Violations();
  checkIds(filter.organiserIds ?? [], "filter.organiserIds", violations);
  checkIds(filter.speakerIds ?? [], "filter.speakerIds", violations);
  if (filter.near) checkNear(filter.near, violations);
  violations.throwIfAny();

  if (filter.formats?.length) query.andWhere("event.format = ANY(:formats)", { formats: filter.formats });
  applyDirectoryFilter(query, filter, {
    disciplines: "event.disciplines",
    country: "event.venue_country",
    languages: "event.languages",
    network: "event.network",
  });
  if (filter.attendanceModes?.length) query.andWhere("event.attendance_mode = ANY(:attendanceModes)", { attendanceModes: filter.attendanceModes });
  if (filter.startsAfter) query.andWhere("event.starts_at >= :startsAfter", { startsAfter: filter.startsAfter });
  if (filter.startsBefore) query.andWhere("event.starts_at < :startsBefore", { startsBefore: filter.startsBefore });
  if (filter.upcoming === true) query.andWhere("event.ends_at >= now()");
  if (filter.upcoming === false) query.andWhere("event.ends_at < now()");
  if (filter.near) {
    // Haversine great-circle distance in km on a sphere of the Earth's mean radius; least() guards asin against rounding above 1.
    query.andWhere(
      `event.venue_latitude IS NOT NULL AND 2 * 6371.0088 * asin(least(1, sqrt(
        power(sin(radians(event.venue_latitude - :nearLatitude) / 2), 2) +
        cos(radians(:nearLatitude)) * cos(radians(event.venue_latitude)) * power(sin(radians(event.venue_longitude - :nearLongitude) / 2), 2)
      ))) <= :nearRadiusKm`,
      { nearLatitude: filter.near.latitude, nearLongitude: filter.near.longitude, nearRadiusKm: filter.near.radiusKm },
    );
  }
  if (filter.organiserIds?.length) {
    query.andWhere("EXISTS (SELECT 1 FROM event_organiser organiser WHERE organiser.event_id = event.id AND organiser.organisation_id = ANY(:organiserIds))", {
      organiserIds: filter.organiserIds,
    });
  }
  if (filter.speakerIds?.length) {
    query.andWhere("EXISTS (SELECT 1 FROM event_speaker speaker WHERE speaker.event_id = event.id AND speaker.person_id = ANY(:speakerIds))", {
      speakerIds: filter.speakerIds,
    });
  }
  if (filter.text) {
    // Titles are jsonb: match the text of every language version.
    query.andWhere("EXISTS (SELECT 1 FROM jsonb_array_elements(event.title -> 'translations') AS translation WHERE translation ->> 'value' ILIKE :text)", {
      text: `%${escapeLike(filter.text)}%`,
    });
  }
  return query;
}

/** What `search` looks through on `event`, and where snippets are cut from. */
const EVENT_SEARCH: SearchableTable = {
  schema: "events",
  alias: "event",
  snippetDocument: "concat_ws(' · ', events.search_localized(event.title), event.venue_name, events.search_localized(event.description))",
};

/** The facet dimensions of a list of events. */
export type EventsFacetDimension = "formats" | "countries" | "attendanceModes" | "disciplines";

const EVENTS_FACETS: Record<EventsFacetDimension, FacetDimension> = {
  formats: { sql: "event.format" },
  countries: { sql: "event.venue_country" },
  attendanceModes: { sql: "event.attendance_mode" },
  disciplines: { sql: "event.disciplines", array: true },
};

/** A page of events matching the filter and search, in the requested order (by relevance when searching), with facets. */
export function listEvents(context: EventsContext, args: EventsArgs, selection?: ListSelection): Promise<SearchablePage<Event, EventsFacetDimension>> {
  const search = normaliseSearch(args.search);
  const order = chooseOrder(args.orderBy, search, EventOrder.STARTS_AT);
  const query = applyPublicationFilter(
    applyFilter(context.dataSource.getRepository(Event).createQueryBuilder("event"), args.filter),
    "event",
    context.viewer,
    args,
  );
  return paginateSearchable(query, args, {
    table: EVENT_SEARCH,
    search,
    order: order === EventOrder.RELEVANCE ? RELEVANCE : ORDERS[order],
    facets: EVENTS_FACETS,
    facetExactLimit: facetExactLimitOf(context.settings),
    counted: selection?.counted,
  });
}

/** Copies the venue onto its columns; null clears it. */
function assignVenue(event: Event, venue: EventVenueInput | null, violations: Violations): void {
  if (venue === null) {
    Object.assign(event, { venueName: null, venueCity: null, venueCountry: null, venueLatitude: null, venueLongitude: null });
    return;
  }
  const name = venue.name.trim();
  const city = venue.city.trim();
  if (!name) violations.add("venue.name", "must not be blank");
  if (!city) violations.add("venue.city", "must not be blank");
  const latitude = venue.latitude ?? null;
  const longitude = venue.longitude ?? null;
  if ((latitude === null) !== (longitude === null)) {
    violations.add(latitude === null ? "venue.latitude" : "venue.longitude", "latitude and longitude must be given together");
  }
  Object.assign(event, { venueName: name, venueCity: city, venueCountry: venue.country, venueLatitude: latitude, venueLongitude: longitude });
}

/**
 * Copies validated input onto an event; `undefined` leaves a field unchanged, `null` clears an optional
 * field and is refused for a required one.
 */
function assignFields(event: Event, input: CreateEventInput | UpdateEventInput, violations: Violations): void {
  const refuseNull = (field: string) => violations.add(field, "is required and cannot be cleared");
  if (input.title !== undefined) {
    if (input.title === null) refuseNull("title");
    else event.title = toLocalizedText(input.title, "title", violations);
  }
  if (input.description !== undefined) event.description = input.description && toLocalizedText(input.description, "description", violations);
  if (input.format !== undefined) {
    if (input.format === null) refuseNull("format");
    else event.format = input.format;
  }
  if (input.startsAt !== undefined) {
    if (input.startsAt === null) refuseNull("startsAt");
    else event.startsAt = input.startsAt;
  }
  if (input.endsAt !== undefined) {
    if (input.endsAt === null) refuseNull("endsAt");
    else event.endsAt = input.endsAt;
  }
  if (input.timeZone !== undefined) {
    if (input.timeZone === null) refuseNull("timeZone");
    else {
      const timeZone = canonicalTimeZone(input.timeZone.trim());
      if (timeZone === null)
        violations.add("timeZone", `${JSON.stringify(input.timeZone).slice(0, 80)} is not a known IANA time zone (e.g. "Europe/Brussels")`);
      else event.timeZone = timeZone;
    }
  }
  if (input.attendanceMode !== undefined) {
    if (input.attendanceMode === null) refuseNull("attendanceMode");
    else event.attendanceMode = input.attendanceMode;
  }
  if (input.venue !== undefined) assignVenue(event, input.venue, violations);
  if (input.onlineUrl !== undefined) event.onlineUrl = input.onlineUrl;
  if (input.disciplines !== undefined) event.disciplines = unique(input.disciplines ?? []);
  if (input.languages !== undefined) event.languages = unique(input.languages ?? []);
  if (input.registrationUrl !== undefined) event.registrationUrl = input.registrationUrl;
  if (input.capacity !== undefined) event.capacity = input.capacity;
}

/** Rules spanning several fields, checked on the event as it would be saved. */
function checkEventRules(event: Event, violations: Violations): void {
  if (event.startsAt && event.endsAt && event.endsAt.getTime() < event.startsAt.getTime()) {
    violations.add("endsAt", "must not be before startsAt");
  }
  if (event.attendanceMode !== EventAttendanceMode.ONLINE && event.venueName === null) {
    violations.add("venue", `is required when attendanceMode is ${event.attendanceMode}`);
  }
  if (event.attendanceMode !== EventAttendanceMode.IN_PERSON && event.onlineUrl === null) {
    violations.add("onlineUrl", `is required when attendanceMode is ${event.attendanceMode}`);
  }
}

/** Organiser and speaker ids to write; `undefined` keeps the current rows. */
interface EventLinks {
  organiserIds?: string[];
  speakerIds?: string[];
}

function readLinks(input: CreateEventInput | UpdateEventInput, violations: Violations): EventLinks {
  const links: EventLinks = {};
  if (input.organiserIds === null) violations.add("organiserIds", "is required and cannot be cleared: an event has at least one organiser");
  else if (input.organiserIds !== undefined) {
    checkIds(input.organiserIds, "organiserIds", violations);
    links.organiserIds = unique(input.organiserIds.map((id) => id.toLowerCase()));
  }
  if (input.speakerIds !== undefined) {
    checkIds(input.speakerIds ?? [], "speakerIds", violations);
    links.speakerIds = unique((input.speakerIds ?? []).map((id) => id.toLowerCase()));
  }
  return links;
}

async function replaceLinks(manager: EntityManager, eventId: string, links: EventLinks, isNew: boolean): Promise<void> {
  if (links.organiserIds) {
    if (!isNew) await manager.delete(EventOrganiser, { eventId });
    await manager.insert(
      EventOrganiser,
      links.organiserIds.map((organisationId, position) => ({ eventId, organisationId, position })),
    );
  }
  if (links.speakerIds) {
    if (!isNew) await manager.delete(EventSpeaker, { eventId });
    if (links.speakerIds.length > 0) {
      await manager.insert(
        EventSpeaker,
        links.speakerIds.map((personId, position) => ({ eventId, personId, position })),
      );
    }
  }
}

/**
 * Asks the people and organisations subgraphs whether the speakers and organisers the write adds exist and
 * are visible to the writer (before any transaction). `current` holds the event's links as stored: those it
 * keeps are not asked again, so a person hidden or erased since stays until the erasure feed removes them.
 */
async function checkLinks(context: EventsContext, links: EventLinks, current: Required<EventLinks> = { organiserIds: [], speakerIds: [] }): Promise<void> {
  await checkReferences(context, [
    { type: "Person", field: "speakerIds", ids: addedIds(links.speakerIds ?? [], current.speakerIds) },
    { type: "Organisation", field: "organiserIds", ids: addedIds(links.organiserIds ?? [], current.organiserIds) },
  ]);
}

/** The organiser and speaker ids an event holds now (read past the request's loaders, which would keep them after the write). */
async function currentLinks(context: EventsContext, eventId: string): Promise<Required<EventLinks>> {
  const [organisers, speakers] = await Promise.all([
    context.dataSource.getRepository(EventOrganiser).find({ select: { organisationId: true }, where: { eventId }, order: { position: "ASC" } }),
    context.dataSource.getRepository(EventSpeaker).find({ select: { personId: true }, where: { eventId }, order: { position: "ASC" } }),
  ]);
  return { organiserIds: organisers.map((row) => row.organisationId), speakerIds: speakers.map((row) => row.personId) };
}

/**
 * How events are written: their organisers and speakers are child rows, replaced when given and checked with
 * their owners before the transaction; a change of them alone is still a change of the event.
 */
const EVENT_WRITER = new NetworkRecordWriter<Event, CreateEventInput, UpdateEventInput, EventLinks, EventsContext>({
  entity: Event,
  typeName: "Event",
  noun: "event",
  newRecord: () =>
    Object.assign(new Event(), {
      description: null,
      venueName: null,
      venueCity: null,
      venueCountry: null,
      venueLatitude: null,
      venueLongitude: null,
      onlineUrl: null,
      disciplines: [],
      languages: [],
      registrationUrl: null,
      capacity: null,
    }),
  apply: (event, input, violations) => {
    assignFields(event, input, violations);
    const links = readLinks(input, violations);
    checkEventRules(event, violations);
    if (event.id !== undefined && (links.organiserIds || links.speakerIds)) event.updatedAt = new Date();
    return links;
  },
  links: currentLinks,
  prepare: async (context, { plan: links, currentLinks: current }) => {
    if (links.organiserIds || links.speakerIds) await checkLinks(context, links, (current as Required<EventLinks> | null) ?? undefined);
  },
  afterSave: (manager, event, links, { isNew }) => replaceLinks(manager, event.id, links, isNew),
  changeFeed: eventChangeFeed,
});

/** Creates an event with its organisers and speakers after validating every field; nothing is written when any is bad. Networks create only their own. */
export function createEvent(context: EventsContext, input: CreateEventInput): Promise<Event> {
  return EVENT_WRITER.create(context, input);
}

/**
 * Creates or updates the event with the input's (network, sourceId), for idempotent sync: on update, omitted
 * fields stay as they are and the organisers (always given) and any given speakers replace the current ones.
 */
export function upsertEvent(context: EventsContext, input: UpsertEventInput): Promise<Event> {
  return EVENT_WRITER.upsert(context, input);
}

/** Updates the given fields of an event; given organiser or speaker lists replace the current ones. Another network's event is answered like an unknown id. */
export function updateEvent(context: EventsContext, id: string, input: UpdateEventInput): Promise<Event> {
  return EVENT_WRITER.update(context, id, input);
}

/** Deletes an event (its organiser and speaker rows go with it); returns the id. */
export function deleteEvent(context: EventsContext, id: string): Promise<string> {
  return EVENT_WRITER.delete(context, id);
}

/** The organisers of an event as `Organisation` stubs, main organiser first. */
export async function listOrganisers(context: EventsContext, event: Event): Promise<Organisation[]> {
  return (await context.loaders.organiserIdsByEventId.load(event.id)).map((id) => Organisation.of({ id }));
}

/** A page of the events an organisation organises, most recent start first. */
export function listOrganisationEvents(context: EventsContext, organisationId: string, window: PageWindow): Promise<Page<Event>> {
  return context.loaders.eventsByOrganisationId.load({ parentId: organisationId, first: window.first, after: window.after });
}

/** A page of the events a person speaks at, most recent start first. */
export function listSpeakerEvents(context: EventsContext, personId: string, window: PageWindow): Promise<Page<Event>> {
  return context.loaders.eventsBySpeakerId.load({ parentId: personId, first: window.first, after: window.after });
}
