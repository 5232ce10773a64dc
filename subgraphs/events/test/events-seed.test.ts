import { demoId } from "@agora-hub/subgraph-kit/testing";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { seedEvents } from "../demo/events.seed";
import { canonicalTimeZone } from "../event/event.service";
import type { EventLoaders } from "../event/event.loaders";
import { EventFormat } from "../event/event.type";
import { eventsSubgraph } from "../events.subgraph";
import { LIST_EVENTS } from "./event.operations";

let subgraph: TestSubgraph<EventLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(eventsSubgraph);
});
afterAll(() => subgraph.close());

interface EventRow {
  id: string;
  format: string;
  attendance_mode: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  venue_name: string | null;
  online_url: string | null;
  title: { originalLanguage: string; translations: Array<{ lang: string; machineTranslated: boolean }> };
}

describe("events demo seed", () => {
  let events: EventRow[];

  beforeAll(async () => {
    await seedEvents(subgraph.dataSource, DEMO_SIZES);
    events = await subgraph.dataSource.query("SELECT * FROM event ORDER BY starts_at");
  });

  it("writes exactly the demo number of events, with the shared demo ids", () => {
    expect(events).toHaveLength(DEMO_SIZES.events);
    const expected = Array.from({ length: DEMO_SIZES.events }, (_, index) => demoId("event", index));
    expect(events.map((event) => event.id).sort()).toEqual(expected.sort());
  });

  it("covers every format, online, mixed and in-person events, past and upcoming", () => {
    expect(new Set(events.map((event) => event.format))).toEqual(new Set(Object.values(EventFormat)));
    expect(new Set(events.map((event) => event.attendance_mode))).toEqual(new Set(["IN_PERSON", "ONLINE", "MIXED"]));
    const now = Date.now();
    expect(events.filter((event) => event.ends_at.getTime() < now).length).toBeGreaterThanOrEqual(10);
    expect(events.filter((event) => event.starts_at.getTime() > now).length).toBeGreaterThanOrEqual(10);
  });

  it("holds consistent events: valid time zones, ends after starts, venue or online URL as the mode needs", () => {
    for (const event of events) {
      expect(canonicalTimeZone(event.time_zone)).toBe(event.time_zone);
      expect(event.ends_at.getTime()).toBeGreaterThanOrEqual(event.starts_at.getTime());
      if (event.attendance_mode !== "ONLINE") expect(event.venue_name).not.toBeNull();
      if (event.attendance_mode !== "IN_PERSON") expect(event.online_url).not.toBeNull();
    }
  });

  it("writes titles in at least three original languages, some with machine-translated versions", () => {
    expect(new Set(events.map((event) => event.title.originalLanguage)).size).toBeGreaterThanOrEqual(3);
    expect(events.some((event) => event.title.translations.some((t) => t.machineTranslated))).toBe(true);
  });

  it("links every event to demo organisations and speakers to demo people", async () => {
    const organisations = new Set(Array.from({ length: DEMO_SIZES.organisations }, (_, j) => demoId("organisation", j)));
    const people = new Set(Array.from({ length: DEMO_SIZES.people }, (_, i) => demoId("person", i)));
    const organisers: Array<{ event_id: string; organisation_id: string }> = await subgraph.dataSource.query("SELECT * FROM event_organiser");
    const speakers: Array<{ person_id: string }> = await subgraph.dataSource.query("SELECT * FROM event_speaker");
    expect(new Set(organisers.map((row) => row.event_id)).size).toBe(DEMO_SIZES.events);
    expect(organisers.every((row) => organisations.has(row.organisation_id))).toBe(true);
    expect(speakers.length).toBeGreaterThan(DEMO_SIZES.events);
    expect(speakers.every((row) => people.has(row.person_id))).toBe(true);
  });

  it("serves the seeded events through GraphQL, upcoming ones by start", async () => {
    const result = await subgraph.execute<{ events: { totalCount: number } }>(LIST_EVENTS, { filter: { upcoming: true } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.events.totalCount).toBe(events.filter((event) => event.ends_at.getTime() >= Date.now()).length);
  });

  it("adds synthetic events beyond the catalogue with bulk inserts", async () => {
    await subgraph.dataSource.query("TRUNCATE event CASCADE");
    await seedEvents(subgraph.dataSource, { ...DEMO_SIZES, events: 5_000 });
    const [{ count, formats }] = await subgraph.dataSource.query("SELECT count(*)::int AS count, count(DISTINCT format)::int AS formats FROM event");
    expect(count).toBe(5_000);
    expect(formats).toBe(Object.values(EventFormat).length);
  });
});
