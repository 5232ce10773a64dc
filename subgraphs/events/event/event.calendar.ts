import { type ICalCalendar, ICalCalendarMethod } from "ical-generator";
import { DateTime } from "luxon";
import { publishedOnly } from "@agora-hub/subgraph-kit";
import { entityUrl } from "../../../domain/open-formats/json-ld";
import { createHubCalendar } from "../../../domain/open-formats/calendar";
import { calendarUid } from "../../../domain/open-formats/calendar";
import { MAX_CALENDAR_ENTRIES } from "../../../domain/open-formats/calendar";
import type { EventsCalendarArgs } from "./event.args";
import { Event } from "./event.entity";
import { applyFilter, type EventsContext } from "./event.service";
import { EventAttendanceMode } from "./event.type";

/**
 * Adds `event` to `calendar` in the first of `languages` it has. `inOwnTimeZone`: its times in its own time
 * zone (TZID; the calendar must define the zone), else in UTC with the zone named in the description.
 */
function addEntry(calendar: ICalCalendar, context: EventsContext, event: Event, languages: readonly string[], inOwnTimeZone: boolean): void {
  const venue = event.venue();
  const description = event.description?.pick(languages).value;
  const zoned = (instant: Date) => DateTime.fromJSDate(instant, { zone: event.timeZone });
  calendar.createEvent({
    id: calendarUid(context.hubUrl, "event", event.id),
    ...(inOwnTimeZone ? { start: zoned(event.startsAt), end: zoned(event.endsAt), timezone: event.timeZone } : { start: event.startsAt, end: event.endsAt }),
    stamp: event.updatedAt,
    created: event.createdAt,
    lastModified: event.updatedAt,
    summary: event.title.pick(languages).value,
    description:
      [description, !inOwnTimeZone && `Local time zone: ${event.timeZone}`, event.registrationUrl && `Registration: ${event.registrationUrl}`]
        .filter(Boolean)
        .join("\n\n") || null,
    location: venue
      ? {
          title: venue.name,
          address: `${venue.city}, ${venue.country}`,
          ...(venue.latitude !== null && venue.longitude !== null ? { geo: { lat: venue.latitude, lon: venue.longitude } } : {}),
        }
      : event.attendanceMode === EventAttendanceMode.ONLINE
        ? (event.onlineUrl ?? undefined)
        : undefined,
    url: event.registrationUrl ?? event.onlineUrl ?? entityUrl(context.hubUrl, "events", event.id),
    categories: [{ name: event.format }],
  });
}

/**
 * The events matching a filter as an iCalendar feed (RFC 5545), earliest first, at most
 * `MAX_CALENDAR_ENTRIES`. Times are in UTC; the event's own time zone is named in the description.
 */
export async function eventsCalendar(context: EventsContext, args: EventsCalendarArgs): Promise<string> {
  const filter = args.filter ?? {};
  const dated = (filter.upcoming !== undefined && filter.upcoming !== null) || filter.startsAfter || filter.startsBefore;
  const query = applyFilter(context.dataSource.getRepository(Event).createQueryBuilder("event"), filter).andWhere(publishedOnly("event"));
  if (!dated) query.andWhere("event.ends_at >= now()");
  const events = await query.orderBy("event.starts_at", "ASC").addOrderBy("event.id", "ASC").take(MAX_CALENDAR_ENTRIES).getMany();

  const languages = args.lang ? [args.lang] : context.languages;
  const calendar = createHubCalendar(context.hubUrl, "Agora Hub events", "Events of the creative networks, from Agora Hub");
  for (const event of events) addEntry(calendar, context, event, languages, false);
  return calendar.toString();
}

/**
 * One event as an iCalendar document (RFC 5545) to add to a calendar: its one entry has the feed's UID and
 * its times in the event's own time zone, which the document defines (VTIMEZONE) for the event's span.
 */
export function eventCalendar(context: EventsContext, event: Event, lang: string | null | undefined): string {
  const languages = lang ? [lang] : context.languages;
  const title = event.title.pick(languages).value;
  const calendar = createHubCalendar(context.hubUrl, title, "An event of the creative networks, from Agora Hub", { from: event.startsAt, to: event.endsAt });
  // PUBLISH: an entry to add, not an invitation to answer.
  calendar.method(ICalCalendarMethod.PUBLISH);
  addEntry(calendar, context, event, languages, true);
  return calendar.toString();
}
