import ical, { type ICalCalendar } from "ical-generator";

/** Most entries one calendar feed holds; a feed is a subscription, not an export of the whole graph. */
export const MAX_CALENDAR_ENTRIES = 500;

/**
 * An empty iCalendar (RFC 5545) feed of the hub, written by ical-generator: CRLF line endings, lines
 * folded at 75 octets, text escaped, times in UTC, its URL the hub's (`hub`, as `context.hubUrl`). Entries
 * are added with `calendar.createEvent`.
 */
export function createHubCalendar(hub: string, name: string, description: string): ICalCalendar {
  return ical({
    name,
    description,
    prodId: { company: "Agora Hub", product: "agora-hub", language: "EN" },
    url: hub,
  });
}

/** A globally unique, stable UID for a calendar entry: `<kind>-<id>@<hub host>`. */
export function calendarUid(hub: string, kind: string, id: string): string {
  return `${kind}-${id}@${new URL(hub).host}`;
}
