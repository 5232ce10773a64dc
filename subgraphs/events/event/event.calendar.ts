import { entityUrl } from "../../../domain/open-formats/json-ld";
import { createHubCalendar } from "../../../domain/open-formats/calendar";
import { calendarUid } from "../../../domain/open-formats/calendar";
import { MAX_CALENDAR_ENTRIES } from "../../../domain/open-formats/calendar";
import type { EventsCalendarArgs } from "./event.args";
import { Event } from "./event.entity";
import { applyFilter, type EventsContext } from "./event.service";
import { EventAttendanceMode } from "./event.type";

/**
 * The events matching a filter as an iCalendar feed (RFC 5545), earliest first, at most
 * `MAX_CALENDAR_ENTRIES`. Times are in UTC; the event's own time zone is named in the description.
 */
export async function eventsCalendar(context: EventsContext, args: EventsCalendarArgs): Promise<string> {
  const filter = args.filter ?? {};
  const dated = (filter.upcoming !== undefined && filter.upcoming !== null) || filter.startsAfter || filter.startsBefore;
  const query = applyFilter(context.dataSource.getRepository(Event).createQueryBuilder("event"), filter);
  if (!dated) query.andWhere("event.ends_at >= now()");
  const events = await query.orderBy("event.starts_at", "ASC").addOrderBy("event.id", "ASC").take(MAX_CALENDAR_ENTRIES).getMany();

  const languages = args.lang ? [args.lang] : context.languages;
  const calendar = createHubCalendar(context.hubUrl, "Agora Hub events", "Events of the creative networks, from Agora Hub");
  for (const event of events) {
    const venue = event.venue();
    const description = event.description?.pick(languages).value;
    calendar.createEvent({
      id: calendarUid(context.hubUrl, "event", event.id),
      start: event.startsAt,
      end: event.endsAt,
      stamp: event.updatedAt,
      created: event.createdAt,
      lastModified: event.updatedAt,
      summary: event.title.pick(languages).value,
      description: [description, `Local time zone: ${event.timeZone}`, event.registrationUrl && `Registration: ${event.registrationUrl}`]
        .filter(Boolean)
        .join("\n\n"),
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
  return calendar.toString();
}
