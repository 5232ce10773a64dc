import ical, { type ICalCalendar } from "ical-generator";
import { hubPublicUrl } from "./json-ld";

/** Most entries one calendar feed holds; a feed is a subscription, not an export of the whole graph. */
export const MAX_CALENDAR_ENTRIES = 500;

/**
 * An empty iCalendar (RFC 5545) feed of the hub, written by ical-generator: CRLF line endings, lines
 * folded at 75 octets, text escaped, times in UTC. Entries are added with `calendar.createEvent`.
 */
export function createHubCalendar(name: string, description: string): ICalCalendar {
  return ical({
    name,
    description,
    prodId: { company: "Agora Hub", product: "agora-hub", language: "EN" },
    url: hubPublicUrl(),
  });
}

/** A globally unique, stable UID for a calendar entry: `<kind>-<id>@<hub host>`. */
export function calendarUid(kind: string, id: string): string {
  return `${kind}-${id}@${new URL(hubPublicUrl()).host}`;
}
