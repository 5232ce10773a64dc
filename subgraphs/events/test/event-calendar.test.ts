import ICAL from "ical.js";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import type { EventLoaders } from "../event/event.loaders";
import { eventsSubgraph } from "../events.subgraph";

/** `Event.calendar`: one event as an iCalendar document, its times in the event's own time zone. */
let subgraph: TestSubgraph<EventLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(eventsSubgraph, { env: { AGORA_PUBLIC_URL: "https://hub.example.org" } });
});
afterAll(() => subgraph.close());

const CREATE = /* GraphQL */ `
  mutation CreateEvent($input: CreateEventInput!) { createEvent(input: $input) { id } }
`;
const CALENDAR = /* GraphQL */ `
  query EventCalendar($id: ID!, $lang: LanguageTag) { event(id: $id) { calendar(lang: $lang) } }
`;

async function calendarOf(overrides: Record<string, unknown>, lang?: string): Promise<{ id: string; text: string }> {
  const created = await subgraph.execute<{ createEvent: { id: string } }>(CREATE, {
    input: {
      network: "culture-agora",
      title: {
        originalLanguage: "fr",
        translations: [
          { lang: "fr", value: "Nuit des ateliers, Lyon" },
          { lang: "en", value: "Night of the studios, Lyon" },
        ],
      },
      format: "EXHIBITION",
      attendanceMode: "IN_PERSON",
      venue: { name: "Les Subsistances", city: "Lyon", country: "FR" },
      organiserIds: ["0a000000-0000-4000-8000-000000000001"],
      ...overrides,
    },
  });
  expect(created.errors).toBeUndefined();
  const id = created.data!.createEvent.id;
  const answer = await subgraph.execute<{ event: { calendar: string } }>(CALENDAR, { id, lang });
  expect(answer.errors).toBeUndefined();
  return { id, text: answer.data!.event.calendar };
}

/** The calendar parsed, with its time zone definitions registered so zoned times convert to instants. */
function parse(text: string): { calendar: ICAL.Component; events: ICAL.Component[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return { calendar, events: calendar.getAllSubcomponents("vevent") };
}

afterEach(() => ICAL.TimezoneService.reset());

describe("events subgraph: an event as an iCalendar document", () => {
  it("holds one entry with the feed's UID and local times in the event's time zone, which it defines", async () => {
    const { id, text } = await calendarOf({ startsAt: "2030-06-20T17:00:00.000Z", endsAt: "2030-06-20T21:30:00.000Z", timeZone: "Europe/Paris" }, "en");
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain("DTSTART;TZID=Europe/Paris:20300620T190000\r\n");
    expect(text).toContain("DTEND;TZID=Europe/Paris:20300620T233000\r\n");
    const { calendar, events } = parse(text);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.getFirstPropertyValue("uid")).toBe(`event-${id}@hub.example.org`);
    expect(event.getFirstPropertyValue("summary")).toBe("Night of the studios, Lyon");
    expect(calendar.getFirstSubcomponent("vtimezone")!.getFirstPropertyValue("tzid")).toBe("Europe/Paris");
    expect((event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2030-06-20T17:00:00.000Z");
    expect((event.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate().toISOString()).toBe("2030-06-20T21:30:00.000Z");
    expect(String(event.getFirstPropertyValue("url"))).toBe(`https://hub.example.org/events/${id}`);
  });

  it("defines each change of offset within the event, so both ends convert to the right instants", async () => {
    // Paris leaves summer time on 27 October 2030 at 03:00 local (01:00 UTC).
    const { text } = await calendarOf({ startsAt: "2030-10-25T08:00:00.000Z", endsAt: "2030-10-29T16:00:00.000Z", timeZone: "Europe/Paris" });
    const { calendar, events } = parse(text);
    const observances = calendar.getFirstSubcomponent("vtimezone")!.getAllSubcomponents();
    expect(observances.map((observance) => [observance.name, observance.getFirstPropertyValue("tzoffsetto")?.toString()])).toEqual([
      ["daylight", "+02:00"],
      ["standard", "+01:00"],
    ]);
    expect(text).toContain("DTSTART;TZID=Europe/Paris:20301025T100000\r\n");
    expect(text).toContain("DTEND;TZID=Europe/Paris:20301029T170000\r\n");
    expect((events[0].getFirstPropertyValue("dtend") as ICAL.Time).toJSDate().toISOString()).toBe("2030-10-29T16:00:00.000Z");
  });

  it("follows a zone with irregular changes (Morocco's Ramadan hour) and answers in the language asked for", async () => {
    const { text } = await calendarOf({ startsAt: "2031-05-10T17:00:00.000Z", endsAt: "2031-05-10T20:00:00.000Z", timeZone: "Africa/Casablanca" }, "fr");
    const { events } = parse(text);
    expect(text).toContain("DTSTART;TZID=Africa/Casablanca:20310510T180000\r\n");
    expect((events[0].getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2031-05-10T17:00:00.000Z");
    expect(events[0].getFirstPropertyValue("summary")).toBe("Nuit des ateliers, Lyon");
  });

  it("is a valid RFC 5545 document: CRLF lines of at most 75 octets", async () => {
    const { text } = await calendarOf({ startsAt: "2030-06-20T17:00:00.000Z", endsAt: "2030-06-21T17:00:00.000Z", timeZone: "America/New_York" });
    expect(text).not.toMatch(/[^\r]\n/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  });
});
