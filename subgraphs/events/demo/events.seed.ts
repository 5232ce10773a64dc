import type { DataSource } from "typeorm";
import { DISCIPLINES } from "@agora-hub/runtime";
import { bulkInsert, type Discipline, LocalizedText, publishedSince, type SeedSizes } from "@agora-hub/subgraph-kit";
import { demoId } from "@agora-hub/subgraph-kit/testing";
import { createSeededFaker } from "@agora-hub/subgraph-kit/testing";
import { Event } from "../event/event.entity";
import { EventOrganiser } from "../event/event-organiser.entity";
import { EventSpeaker } from "../event/event-speaker.entity";
import { EventAttendanceMode, EventFormat } from "../event/event.type";
import { type CatalogueEvent, type CatalogueText, type CatalogueVenue, DEMO_EVENTS, VENUES } from "./events.catalogue";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DEMO_NETWORKS = ["culture-agora", "creative-tracks", "mediterranean-hubs"];

type EventRow = Omit<Event, "venue">;
type OrganiserRow = Pick<EventOrganiser, "eventId" | "organisationId" | "position">;
type SpeakerRow = Pick<EventSpeaker, "eventId" | "personId" | "position">;

interface SeedRows {
  events: EventRow[];
  organisers: OrganiserRow[];
  speakers: SpeakerRow[];
}

/**
 * Seeds `sizes.events` events with ids `demoId("event", i)`: the hand-written catalogue first, then
 * synthetic events for scale tests. Organisers and speakers are demo organisations and people by index.
 * Dates are relative to `now`, so the demo always has past and upcoming events.
 */
export async function seedEvents(dataSource: DataSource, sizes: SeedSizes, now: Date = new Date()): Promise<void> {
  const rows: SeedRows = { events: [], organisers: [], speakers: [] };
  const demoCount = Math.min(sizes.events, DEMO_EVENTS.length);
  for (let index = 0; index < demoCount; index++) addDemoEvent(rows, index, DEMO_EVENTS[index], sizes, now);
  addSyntheticEvents(rows, demoCount, sizes, now);

  await dataSource.transaction(async (manager) => {
    await bulkInsert(manager, Event, rows.events as Event[]);
    await bulkInsert(manager, EventOrganiser, rows.organisers as EventOrganiser[]);
    await bulkInsert(manager, EventSpeaker, rows.speakers as EventSpeaker[]);
  });
}

function localizedText({ original, versions, machine = [] }: CatalogueText): LocalizedText {
  return LocalizedText.from({
    originalLanguage: original,
    translations: Object.entries(versions).map(([lang, value]) => ({ lang, value, machineTranslated: machine.includes(lang) })),
  });
}

/** Minutes to add to UTC to get the wall-clock time of `timeZone` at `instant`. */
function utcOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const wallClock = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return Math.round((wallClock - instant.getTime()) / MINUTE);
}

/** The instant at which the clocks of `timeZone` show `time` ("HH:MM") on the UTC calendar day of `day`. */
function zonedInstant(day: Date, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(":").map(Number);
  const wallClock = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes);
  return new Date(wallClock - utcOffsetMinutes(new Date(wallClock), timeZone) * MINUTE);
}

// Scale seeds reference the same few hundred ids many times: hash each once.
const demoIdCache = new Map<string, string>();
function cachedDemoId(kind: "organisation" | "person", index: number): string {
  const key = `${kind}:${index}`;
  let id = demoIdCache.get(key);
  if (id === undefined) demoIdCache.set(key, (id = demoId(kind, index)));
  return id;
}

/** Maps catalogue indexes onto the seeded range (smaller seeds reuse the first records), without duplicates. */
function demoRefs(kind: "organisation" | "person", indexes: number[], available: number): string[] {
  if (available === 0) return [];
  return [...new Set(indexes.map((index) => cachedDemoId(kind, index % available)))];
}

function venueColumns(venue: CatalogueVenue | undefined) {
  return {
    venueName: venue?.name ?? null,
    venueCity: venue?.city ?? null,
    venueCountry: venue?.country ?? null,
    venueLatitude: venue?.latitude ?? null,
    venueLongitude: venue?.longitude ?? null,
  };
}

function addLinks(rows: SeedRows, eventId: string, organisationIds: string[], personIds: string[]): void {
  organisationIds.forEach((organisationId, position) => rows.organisers.push({ eventId, organisationId, position }));
  personIds.forEach((personId, position) => rows.speakers.push({ eventId, personId, position }));
}

function addDemoEvent(rows: SeedRows, index: number, event: CatalogueEvent, sizes: SeedSizes, now: Date): void {
  const venue: CatalogueVenue | undefined = event.venue && VENUES[event.venue];
  const timeZone = venue?.timeZone ?? event.timeZone ?? "Europe/Brussels";
  const today = new Date(Math.floor(now.getTime() / DAY) * DAY);
  const startsAt = zonedInstant(new Date(today.getTime() + event.startDay * DAY), event.startTime, timeZone);
  const endsAt = zonedInstant(new Date(today.getTime() + (event.startDay + event.days) * DAY), event.endTime, timeZone);
  // Announced about two months ahead, and never in the future.
  const createdAt = new Date(Math.min(startsAt.getTime() - 60 * DAY, now.getTime() - (DEMO_EVENTS.length - index) * HOUR));
  const id = demoId("event", index);
  rows.events.push({
    id,
    network: DEMO_NETWORKS[index % DEMO_NETWORKS.length],
    sourceId: `demo-event-${index + 1}`,
    title: localizedText(event.title),
    description: localizedText(event.description),
    format: event.format,
    startsAt,
    endsAt,
    timeZone,
    attendanceMode: event.attendanceMode,
    ...venueColumns(venue),
    onlineUrl: event.onlineUrl ?? null,
    disciplines: event.disciplines,
    languages: event.languages,
    registrationUrl: event.registrationUrl ?? null,
    capacity: event.capacity ?? null,
    createdAt,
    updatedAt: createdAt,
    ...publishedSince(createdAt),
  });
  addLinks(rows, id, demoRefs("organisation", event.organisers, sizes.organisations), demoRefs("person", event.speakers, sizes.people));
}

const SYNTHETIC_THEMES = [
  "Creative Hubs",
  "Green Transition",
  "Audience Development",
  "Artist Mobility",
  "Heritage Futures",
  "Digital Skills",
  "Fair Pay",
  "Access and Inclusion",
  "Music Export",
  "Co-production",
  "Literary Translation",
  "Design Entrepreneurship",
  "Community Arts",
  "Youth and Culture",
  "Festival Management",
  "Cultural Policy",
  "Museum Innovation",
  "Independent Publishing",
  "Film Distribution",
  "Street Arts",
];

const FORMAT_NOUNS: Record<EventFormat, string> = {
  CONFERENCE: "Conference",
  FORUM: "Forum",
  WORKSHOP: "Workshop",
  MEETUP: "Meetup",
  FESTIVAL: "Festival",
  EXHIBITION: "Exhibition",
  PERFORMANCE: "Showcase",
  SCREENING: "Screening Night",
  WEBINAR: "Webinar",
  FAIR: "Fair",
  MATCHMAKING_SESSION: "Matchmaking Session",
};

/** How many days a synthetic event of each format lasts beyond its first day: [min, max]. */
const EXTRA_DAYS: Partial<Record<EventFormat, [number, number]>> = {
  CONFERENCE: [0, 2],
  FORUM: [0, 2],
  FESTIVAL: [2, 6],
  EXHIBITION: [20, 120],
  FAIR: [1, 3],
};

const SYNTHETIC_LANGUAGES = ["en", "fr", "ar", "es", "it", "de", "pt", "el", "tr"];
const FORMATS = Object.values(EventFormat);
const DISCIPLINE_CODES = Object.keys(DISCIPLINES) as Discipline[];
const VENUE_LIST: CatalogueVenue[] = Object.values(VENUES);

/** Synthetic events (English titles built from themes, formats and cities), for scale tests. */
function addSyntheticEvents(rows: SeedRows, from: number, sizes: SeedSizes, now: Date): void {
  const faker = createSeededFaker(4004);
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const pickIndexes = (available: number, min: number, max: number) =>
    available === 0 ? [] : Array.from({ length: faker.number.int({ min, max }) }, () => faker.number.int({ min: 0, max: available - 1 }));
  for (let index = from; index < sizes.events; index++) {
    const format = faker.helpers.arrayElement(FORMATS);
    const attendanceMode =
      format === EventFormat.WEBINAR
        ? EventAttendanceMode.ONLINE
        : faker.helpers.weightedArrayElement([
            { weight: 75, value: EventAttendanceMode.IN_PERSON },
            { weight: 10, value: EventAttendanceMode.ONLINE },
            { weight: 15, value: EventAttendanceMode.MIXED },
          ]);
    const place = faker.helpers.arrayElement(VENUE_LIST);
    const venue = attendanceMode === EventAttendanceMode.ONLINE ? undefined : place;
    const theme = faker.helpers.arrayElement(SYNTHETIC_THEMES);
    const title = venue ? `${theme} ${FORMAT_NOUNS[format]} – ${venue.city}` : `${theme} ${FORMAT_NOUNS[format]}`;
    const [minDays, maxDays] = EXTRA_DAYS[format] ?? [0, 0];
    const startsAt = new Date(today + faker.number.int({ min: -365, max: 365 }) * DAY + faker.number.int({ min: 7, max: 18 }) * HOUR);
    const endsAt = new Date(startsAt.getTime() + faker.number.int({ min: minDays, max: maxDays }) * DAY + faker.number.int({ min: 1, max: 6 }) * HOUR);
    const createdAt = new Date(now.getTime() - faker.number.int({ min: 1, max: 400 * 24 }) * HOUR);
    const id = demoId("event", index);
    rows.events.push({
      id,
      network: faker.helpers.arrayElement(DEMO_NETWORKS),
      sourceId: `synthetic-event-${index + 1}`,
      title: LocalizedText.from({ originalLanguage: "en", translations: [{ lang: "en", value: title, machineTranslated: false }] }),
      description: LocalizedText.from({
        originalLanguage: "en",
        translations: [
          {
            lang: "en",
            value: `A ${FORMAT_NOUNS[format].toLowerCase()} on ${theme.toLowerCase()} for artists and cultural professionals${venue ? ` in ${venue.city}` : " online"}.`,
            machineTranslated: false,
          },
        ],
      }),
      format,
      startsAt,
      endsAt,
      timeZone: place.timeZone,
      attendanceMode,
      ...venueColumns(venue),
      onlineUrl: attendanceMode === EventAttendanceMode.IN_PERSON ? null : `https://live.agora-hub.example/events/${index + 1}`,
      disciplines: faker.helpers.arrayElements(DISCIPLINE_CODES, { min: 1, max: 3 }),
      languages: faker.helpers.arrayElements(SYNTHETIC_LANGUAGES, { min: 1, max: 2 }),
      registrationUrl: faker.datatype.boolean() ? `https://tickets.agora-hub.example/events/${index + 1}` : null,
      capacity: faker.datatype.boolean() ? faker.number.int({ min: 20, max: 2_000 }) : null,
      createdAt,
      updatedAt: createdAt,
      ...publishedSince(createdAt),
      ...publishedSince(createdAt),
    });
    addLinks(
      rows,
      id,
      demoRefs("organisation", pickIndexes(sizes.organisations, 1, 3), sizes.organisations),
      demoRefs("person", pickIndexes(sizes.people, 0, 5), sizes.people),
    );
  }
}
