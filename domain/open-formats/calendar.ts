import ical, { type ICalCalendar } from "ical-generator";
import { DateTime, IANAZone } from "luxon";

/** Most entries one calendar feed holds; a feed is a subscription, not an export of the whole graph. */
export const MAX_CALENDAR_ENTRIES = 500;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far before a calendar's span a time zone definition looks for the change of offset that began the observance in force. */
const ZONE_LOOKBACK_DAYS = 366;
/** Longest span a time zone definition covers (ten years): an event longer than that is no event, and each day costs a look-up. */
const MAX_ZONE_SPAN_DAYS = 3653;

/**
 * An empty iCalendar (RFC 5545) feed of the hub, written by ical-generator: CRLF line endings, lines
 * folded at 75 octets, text escaped, its URL the hub's (`hub`, as `context.hubUrl`). Entries are added
 * with `calendar.createEvent`. Times are in UTC unless `zoned` is given: then an entry may name its time
 * zone (`timezone`, with luxon `DateTime`s for its times) and the calendar carries a VTIMEZONE for each
 * zone named, covering `zoned.from` to `zoned.to`.
 */
export function createHubCalendar(hub: string, name: string, description: string, zoned?: { from: Date; to: Date }): ICalCalendar {
  return ical({
    name,
    description,
    prodId: { company: "Agora Hub", product: "agora-hub", language: "EN" },
    url: hub,
    // No calendar-wide zone (`name`), only the definitions of those its entries name.
    ...(zoned ? { timezone: { name: null, generator: (timeZone: string) => timeZoneComponent(timeZone, zoned.from, zoned.to) } } : {}),
  });
}

/** A globally unique, stable UID for a calendar entry: `<kind>-<id>@<hub host>`. */
export function calendarUid(hub: string, kind: string, id: string): string {
  return `${kind}-${id}@${new URL(hub).host}`;
}

/** A UTC offset in minutes as iCalendar writes it: `+0100`, `-0330`. */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}${String(absolute % 60).padStart(2, "0")}`;
}

/** The first minute at which `offsetAt` differs from its value at `before`, given that it does at `after`. */
function changeBetween(offsetAt: (ms: number) => number, before: number, after: number): number {
  const old = offsetAt(before);
  let low = Math.floor(before / MINUTE_MS);
  let high = Math.ceil(after / MINUTE_MS);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle * MINUTE_MS) === old) low = middle;
    else high = middle;
  }
  return high * MINUTE_MS;
}

/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for `timeZone` over `from` to `to`, from the runtime's time zone
 * data (Intl, through luxon): the observance in force at `from` and one per change of offset until `to`, each
 * with its explicit onset. RFC 5545 asks only for the span the calendar covers, and the runtime's data is
 * newer than any copied table. Offsets are taken to change at most once a day. Null for an unknown zone.
 */
export function timeZoneComponent(timeZone: string, from: Date, to: Date): string | null {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) return null;
  const offsetAt = (ms: number) => zone.offset(ms);
  const start = from.getTime();
  const end = Math.min(Math.max(to.getTime(), start), start + MAX_ZONE_SPAN_DAYS * DAY_MS);
  const lookback = start - ZONE_LOOKBACK_DAYS * DAY_MS;
  const changes: number[] = [];
  let previous = offsetAt(lookback);
  for (let day = lookback; day < end; day += DAY_MS) {
    const next = Math.min(day + DAY_MS, end);
    const offset = offsetAt(next);
    if (offset !== previous) changes.push(changeBetween(offsetAt, day, next));
    previous = offset;
  }
  // The observance in force at `from` began at the last change before it, or (none in the year before) at the look-back's start.
  const earlier = changes.filter((change) => change <= start);
  const onsets = [earlier.length > 0 ? earlier[earlier.length - 1] : lookback, ...changes.filter((change) => change > start)];
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  for (const onset of onsets) {
    const offsetFrom = offsetAt(onset - MINUTE_MS);
    const offsetTo = offsetAt(onset);
    const kind = DateTime.fromMillis(onset, { zone }).isInDST ? "DAYLIGHT" : "STANDARD";
    // DTSTART is the onset in the local time it replaces (TZOFFSETFROM), as the RFC's examples write it.
    const localOnset = DateTime.fromMillis(onset + (onset === lookback ? offsetTo : offsetFrom) * MINUTE_MS, { zone: "utc" });
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localOnset.toFormat("yyyyLLdd'T'HHmmss")}`,
      `TZOFFSETFROM:${utcOffset(onset === lookback ? offsetTo : offsetFrom)}`,
      `TZOFFSETTO:${utcOffset(offsetTo)}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
