import { describeEntityContract, type OperationResult, startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import type { EventLoaders } from "../event/event.loaders";
import { eventsSubgraph } from "../events.subgraph";
import { CREATE_EVENT, DELETE_EVENT, EVENT_ENTITIES, GET_EVENT, LIST_EVENTS, LIST_EVENTS_WITH_PEOPLE, UPDATE_EVENT } from "./event.operations";

let subgraph: TestSubgraph<EventLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(eventsSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE event CASCADE"));

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString();
/** A well-formed id of an organisation or person owned by another subgraph. */
const uuid = (kind: "0a" | "0b", n: number) => `${kind}000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const ORG = (n: number) => uuid("0a", n);
const PERSON = (n: number) => uuid("0b", n);

const validInput = (overrides: Record<string, unknown> = {}) => ({
  network: "culture-agora",
  sourceId: "ev-1",
  title: {
    originalLanguage: "fr",
    translations: [
      { lang: "fr", value: "Rencontres des tiers-lieux" },
      { lang: "en", value: "Third Places Meeting", machineTranslated: true },
    ],
  },
  description: {
    originalLanguage: "fr",
    translations: [
      { lang: "fr", value: "Deux jours d'échanges." },
      { lang: "ar", value: "يومان من التبادل" },
    ],
  },
  format: "FORUM",
  startsAt: "2030-05-12T08:00:00.000Z",
  endsAt: "2030-05-13T16:00:00.000Z",
  timeZone: "europe/paris",
  attendanceMode: "MIXED",
  venue: { name: "La Friche la Belle de Mai", city: "Marseille", country: "FR", latitude: 43.3103, longitude: 5.3907 },
  onlineUrl: "https://live.example.org/forum",
  organiserIds: [ORG(1), ORG(2)],
  speakerIds: [PERSON(3), PERSON(1), PERSON(2)],
  disciplines: ["CROSS_DISCIPLINARY", "BUILT_HERITAGE"],
  languages: ["fr", "pt-br"],
  registrationUrl: "https://tickets.example.org/forum",
  capacity: 250,
  ...overrides,
});

async function createEvent(overrides: Record<string, unknown> = {}) {
  const result = await subgraph.execute<{ createEvent: { id: string } }>(CREATE_EVENT, { input: validInput(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!.createEvent;
}

async function countRows(table: "event" | "event_organiser" | "event_speaker"): Promise<number> {
  const [{ count }] = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
  return count;
}

describe("events subgraph: event", () => {
  it("creates an event and reads it back with its venue, organisers and speakers in order", async () => {
    const created = await createEvent();
    const result = await subgraph.execute(GET_EVENT, { id: created.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.event).toMatchObject({
      network: "culture-agora",
      sourceId: "ev-1",
      format: "FORUM",
      startsAt: "2030-05-12T08:00:00.000Z",
      endsAt: "2030-05-13T16:00:00.000Z",
      timeZone: "Europe/Paris",
      attendanceMode: "MIXED",
      onlineUrl: "https://live.example.org/forum",
      disciplines: ["CROSS_DISCIPLINARY", "BUILT_HERITAGE"],
      languages: ["fr", "pt-BR"],
      capacity: 250,
      title: { originalLanguage: "fr", text: "Rencontres des tiers-lieux", translations: [{ lang: "fr" }, { lang: "en", machineTranslated: true }] },
      description: { text: "يومان من التبادل", textLanguage: "ar" },
      venue: { name: "La Friche la Belle de Mai", city: "Marseille", country: "FR", latitude: 43.3103, longitude: 5.3907 },
      organisers: [{ id: ORG(1) }, { id: ORG(2) }],
      speakerIds: [PERSON(3), PERSON(1), PERSON(2)],
    });
  });

  it("creates an online event without a venue", async () => {
    const created = await createEvent({ attendanceMode: "ONLINE", venue: null, speakerIds: undefined, format: "WEBINAR" });
    const result = await subgraph.execute(GET_EVENT, { id: created.id });
    expect(result.data!.event).toMatchObject({ attendanceMode: "ONLINE", venue: null, speakerIds: [] });
  });

  it("updates given fields, clears fields set to null and keeps the others", async () => {
    const created = await createEvent();
    const result = await subgraph.execute<{ updateEvent: Record<string, unknown> }>(UPDATE_EVENT, {
      id: created.id,
      input: { format: "CONFERENCE", capacity: null, registrationUrl: null, description: null, timeZone: "Africa/Tunis" },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateEvent).toMatchObject({
      format: "CONFERENCE",
      capacity: null,
      registrationUrl: null,
      description: null,
      timeZone: "Africa/Tunis",
      venue: { city: "Marseille" },
      organisers: [{ id: ORG(1) }, { id: ORG(2) }],
      speakerIds: [PERSON(3), PERSON(1), PERSON(2)],
    });
  });

  it("replaces organisers and speakers when given and clears speakers set to null", async () => {
    const created = await createEvent();
    const replaced = await subgraph.execute<{ updateEvent: { updatedAt: string } }>(UPDATE_EVENT, {
      id: created.id,
      input: { organiserIds: [ORG(9), ORG(1)], speakerIds: [PERSON(7)] },
    });
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data!.updateEvent).toMatchObject({ organisers: [{ id: ORG(9) }, { id: ORG(1) }], speakerIds: [PERSON(7)] });
    const cleared = await subgraph.execute(UPDATE_EVENT, { id: created.id, input: { speakerIds: null } });
    expect(cleared.data!.updateEvent).toMatchObject({ organisers: [{ id: ORG(9) }, { id: ORG(1) }], speakerIds: [] });
    expect(await countRows("event_organiser")).toBe(2);
    expect(await countRows("event_speaker")).toBe(0);
  });

  it("switches an event online when its venue is cleared in the same update", async () => {
    const created = await createEvent();
    const result = await subgraph.execute(UPDATE_EVENT, { id: created.id, input: { attendanceMode: "ONLINE", venue: null } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateEvent).toMatchObject({ attendanceMode: "ONLINE", venue: null });
  });

  describe("bad input is refused with an error naming the field, and nothing is written", () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ["an end before the start", { endsAt: "2030-05-11T08:00:00.000Z" }, /endsAt: must not be before startsAt/],
      ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, /timeZone: "Mars\/Olympus_Mons" is not a known IANA time zone/],
      ["a UTC offset instead of a time zone name", { timeZone: "+01:00" }, /timeZone: "\+01:00" is not a known IANA time zone/],
      ["an in-person event without a venue", { attendanceMode: "IN_PERSON", venue: null }, /venue: is required when attendanceMode is IN_PERSON/],
      ["a mixed event without an online URL", { onlineUrl: null }, /onlineUrl: is required when attendanceMode is MIXED/],
      [
        "a latitude over 90",
        { venue: { name: "Somewhere", city: "Tunis", country: "TN", latitude: 91, longitude: 10 } },
        /venue.latitude: must be between -90 and 90/,
      ],
      [
        "a longitude under -180",
        { venue: { name: "Somewhere", city: "Tunis", country: "TN", latitude: 36, longitude: -181 } },
        /venue.longitude: must be between -180 and 180/,
      ],
      [
        "a latitude without a longitude",
        { venue: { name: "Somewhere", city: "Tunis", country: "TN", latitude: 36 } },
        /venue.longitude: latitude and longitude must be given together/,
      ],
      ["a blank venue name", { venue: { name: "  ", city: "Tunis", country: "TN" } }, /venue.name: must not be blank/],
      ["a bad country code", { venue: { name: "Somewhere", city: "Tunis", country: "XX" } }, /"XX".*CountryCode/],
      ["an unknown format", { format: "PARTY" }, /"PARTY".*EventFormat/],
      ["an unknown attendance mode", { attendanceMode: "TELEPATHIC" }, /"TELEPATHIC".*EventAttendanceMode/],
      ["an unknown discipline", { disciplines: ["BASKET_WEAVING_ON_MARS"] }, /BASKET_WEAVING_ON_MARS.*Discipline/],
      ["an unknown language tag", { languages: ["klingon-x"] }, /not a supported BCP 47 language tag/],
      ["a start that is not a date-time", { startsAt: "next tuesday" }, /startsAt/],
      ["a javascript: URL", { onlineUrl: "javascript:alert(1)" }, /not an absolute http\(s\) URL/],
      [
        "a blank title",
        { title: { originalLanguage: "en", translations: [{ lang: "en", value: "   " }] } },
        /title.translations\[0\].value: must not be blank/,
      ],
      ["a title without its original language", { title: { originalLanguage: "de", translations: [{ lang: "en", value: "Hi" }] } }, /title.originalLanguage/],
      ["no organiser", { organiserIds: [] }, /organiserIds: must hold at least one organiser/],
      ["21 organisers", { organiserIds: Array.from({ length: 21 }, (_, i) => ORG(i)) }, /organiserIds: must hold at most 20 organisers/],
      ["101 speakers", { speakerIds: Array.from({ length: 101 }, (_, i) => PERSON(i)) }, /speakerIds: must hold at most 100 speakers/],
      ["a malformed organiser id", { organiserIds: [ORG(1), "acme"] }, /organiserIds\[1\]: "acme" is not a valid id/],
      ["a malformed speaker id", { speakerIds: ["42"] }, /speakerIds\[0\]: "42" is not a valid id/],
      ["a capacity of zero", { capacity: 0 }, /capacity: must be a positive number/],
      ["a bad network slug", { network: "Not A Slug" }, /network: must be a slug/],
    ];
    it.each(cases)("refuses %s", async (_label, overrides, message) => {
      const result = await subgraph.execute(CREATE_EVENT, { input: validInput(overrides) });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors![0].message).toMatch(message);
      expect(await countRows("event")).toBe(0);
      expect(await countRows("event_organiser")).toBe(0);
    });

    it("reports every bad field at once", async () => {
      const result = await subgraph.execute(CREATE_EVENT, {
        input: validInput({ endsAt: "2030-01-01T00:00:00.000Z", timeZone: "Nowhere/Land", attendanceMode: "IN_PERSON", venue: null }),
      });
      expect(result.errors?.[0].extensions?.violations).toEqual([
        { field: "timeZone", message: expect.stringMatching(/not a known IANA time zone/) },
        { field: "endsAt", message: "must not be before startsAt" },
        { field: "venue", message: "is required when attendanceMode is IN_PERSON" },
      ]);
    });

    it.each([
      ["moving the start after the end", { startsAt: "2030-06-01T00:00:00.000Z" }, /endsAt: must not be before startsAt/],
      ["clearing the organisers", { organiserIds: null, capacity: 5 }, /organiserIds: is required and cannot be cleared/],
      ["clearing the title", { title: null }, /title: is required and cannot be cleared/],
      ["clearing the time zone", { timeZone: null }, /timeZone: is required and cannot be cleared/],
      ["going in person without a venue", { attendanceMode: "IN_PERSON", venue: null }, /venue: is required when attendanceMode is IN_PERSON/],
      ["a bad latitude", { venue: { name: "Somewhere", city: "Tunis", country: "TN", latitude: -90.5, longitude: 10 } }, /venue.latitude/],
    ])("refuses %s on update and leaves the event unchanged", async (_label, input, message) => {
      const created = await createEvent();
      const result = await subgraph.execute(UPDATE_EVENT, { id: created.id, input: { ...input, speakerIds: [PERSON(9)] } });
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(message);
      const [row] = await subgraph.dataSource.query("SELECT starts_at, capacity, time_zone, venue_city FROM event");
      expect(row).toEqual({ starts_at: new Date("2030-05-12T08:00:00.000Z"), capacity: 250, time_zone: "Europe/Paris", venue_city: "Marseille" });
      expect(await countRows("event_speaker")).toBe(3);
    });
  });

  describe("listing", () => {
    beforeEach(async () => {
      const events = [
        {
          sourceId: "a",
          title: {
            originalLanguage: "en",
            translations: [
              { lang: "en", value: "Archive Film Forum" },
              { lang: "fr", value: "Forum du film d'archive" },
            ],
          },
          format: "FORUM",
          attendanceMode: "IN_PERSON",
          onlineUrl: null,
          venue: { name: "Beirut Art Center", city: "Beirut", country: "LB" },
          languages: ["ar", "en"],
          network: "culture-agora",
          disciplines: ["FILM"],
          organiserIds: [ORG(1)],
          speakerIds: [PERSON(1)],
          startsAt: inDays(-30),
          endsAt: inDays(-29),
        },
        {
          sourceId: "b",
          title: { originalLanguage: "en", translations: [{ lang: "en", value: "Dance Workshop 100% Improvised" }] },
          format: "WORKSHOP",
          attendanceMode: "IN_PERSON",
          onlineUrl: null,
          venue: { name: "Mucem", city: "Marseille", country: "FR" },
          languages: ["fr"],
          network: "creative-tracks",
          disciplines: ["DANCE"],
          organiserIds: [ORG(2)],
          speakerIds: [PERSON(2)],
          startsAt: inDays(-1),
          endsAt: inDays(1),
        },
        {
          sourceId: "c",
          title: {
            originalLanguage: "el",
            translations: [
              { lang: "el", value: "Έκθεση φωτογραφίας" },
              { lang: "en", value: "Photography Exhibition" },
            ],
          },
          format: "EXHIBITION",
          attendanceMode: "MIXED",
          venue: { name: "Onassis Stegi", city: "Athens", country: "GR" },
          languages: ["el", "en"],
          network: "culture-agora",
          disciplines: ["PHOTOGRAPHY"],
          organiserIds: [ORG(1), ORG(2)],
          speakerIds: [PERSON(1), PERSON(2)],
          startsAt: inDays(10),
          endsAt: inDays(40),
        },
        {
          sourceId: "d",
          title: {
            originalLanguage: "ar",
            translations: [
              { lang: "ar", value: "ندوة النشر المستقل" },
              { lang: "en", value: "Independent Publishing Webinar" },
            ],
          },
          format: "WEBINAR",
          attendanceMode: "ONLINE",
          venue: null,
          languages: ["pt-BR"],
          network: "design-hub",
          disciplines: ["PUBLISHING"],
          organiserIds: [ORG(3)],
          speakerIds: [],
          startsAt: inDays(20),
          endsAt: inDays(20, 2),
        },
        {
          sourceId: "e",
          title: { originalLanguage: "en", translations: [{ lang: "en", value: "1000 Voices Music Fair" }] },
          format: "FAIR",
          attendanceMode: "IN_PERSON",
          onlineUrl: null,
          venue: { name: "Cité de la Culture", city: "Tunis", country: "TN" },
          languages: ["ar", "fr"],
          network: "creative-tracks",
          disciplines: ["MUSIC"],
          organiserIds: [ORG(3)],
          speakerIds: [PERSON(3)],
          startsAt: inDays(60),
          endsAt: inDays(62),
        },
      ];
      for (const event of events) await createEvent({ description: null, registrationUrl: null, capacity: null, ...event });
    });

    const sourceIds = (result: { data?: Record<string, unknown> | null }) =>
      (result.data!.events as { edges: Array<{ node: { sourceId: string } }> }).edges.map((edge) => edge.node.sourceId);

    it("walks all pages in start order with stable cursors and reports the total", async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const result: OperationResult = await subgraph.execute(LIST_EVENTS, { first: 2, after });
        expect(result.errors).toBeUndefined();
        const events = result.data!.events as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } };
        expect(events.totalCount).toBe(5);
        expect(events.pageInfo.hasNextPage).toBe(page < 2);
        seen.push(...sourceIds(result));
        after = events.pageInfo.endCursor;
      }
      expect(seen).toEqual(["a", "b", "c", "d", "e"]);
    });

    it("keeps a cursor's place when events starting earlier are added", async () => {
      const first = await subgraph.execute(LIST_EVENTS, { first: 2 });
      const after = (first.data!.events as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
      await createEvent({ sourceId: "early", startsAt: inDays(-100), endsAt: inDays(-99) });
      expect(sourceIds(await subgraph.execute(LIST_EVENTS, { first: 2, after }))).toEqual(["c", "d"]);
    });

    it("orders by newest first when asked, across pages", async () => {
      const first = await subgraph.execute(LIST_EVENTS, { first: 3, orderBy: "NEWEST" });
      expect(sourceIds(first)).toEqual(["e", "d", "c"]);
      const after = (first.data!.events as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
      expect(sourceIds(await subgraph.execute(LIST_EVENTS, { first: 3, after, orderBy: "NEWEST" }))).toEqual(["b", "a"]);
    });

    it("pages by newest without skipping events created in the same transaction", async () => {
      await subgraph.dataSource.query(`
        INSERT INTO event (network, source_id, title, format, starts_at, ends_at, time_zone, attendance_mode, online_url)
        SELECT 'bulk', 'bulk-' || n, '{"originalLanguage":"en","translations":[{"lang":"en","value":"Bulk","machineTranslated":false}]}',
               'WEBINAR', now(), now(), 'UTC', 'ONLINE', 'https://live.example.org/bulk'
          FROM generate_series(1, 3) AS n`);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const result: OperationResult = await subgraph.execute(LIST_EVENTS, { first: 1, after, orderBy: "NEWEST", filter: { networks: ["bulk"] } });
        seen.push(...sourceIds(result));
        after = (result.data!.events as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
      }
      expect(seen.sort()).toEqual(["bulk-1", "bulk-2", "bulk-3"]);
    });

    it.each([
      ["formats", { formats: ["FORUM", "FAIR"] }, ["a", "e"]],
      ["a discipline domain, matching its practices", { disciplines: ["PERFORMANCE_AND_CELEBRATION"] }, ["b", "e"]],
      ["a discipline practice", { disciplines: ["PHOTOGRAPHY"] }, ["c"]],
      ["venue countries", { countries: ["LB", "TN"] }, ["a", "e"]],
      ["a base language, matching regional variants", { languages: ["pt"] }, ["d"]],
      ["languages", { languages: ["en"] }, ["a", "c"]],
      ["networks", { networks: ["design-hub"] }, ["d"]],
      ["attendance modes", { attendanceModes: ["ONLINE", "MIXED"] }, ["c", "d"]],
      ["a start date range", { startsAfter: inDays(0), startsBefore: inDays(30) }, ["c", "d"]],
      ["a start date lower bound", { startsAfter: inDays(15) }, ["d", "e"]],
      ["upcoming events, including ongoing ones", { upcoming: true }, ["b", "c", "d", "e"]],
      ["past events", { upcoming: false }, ["a"]],
      ["organisers", { organiserIds: [ORG(1)] }, ["a", "c"]],
      ["several organisers", { organiserIds: [ORG(2), ORG(3)] }, ["b", "c", "d", "e"]],
      ["speakers", { speakerIds: [PERSON(2)] }, ["b", "c"]],
      ["title text, case-insensitive", { text: "FORUM" }, ["a"]],
      ["title text in another language version", { text: "forum du film" }, ["a"]],
      ["title text in Arabic", { text: "النشر" }, ["d"]],
      ["title text with LIKE metacharacters taken literally", { text: "100%" }, ["b"]],
      ["several criteria at once", { networks: ["culture-agora"], upcoming: true }, ["c"]],
    ])("filters by %s", async (_label, filter, expected) => {
      const result = await subgraph.execute(LIST_EVENTS, { filter });
      expect(result.errors).toBeUndefined();
      expect(sourceIds(result)).toEqual(expected);
      expect((result.data!.events as { totalCount: number }).totalCount).toBe(expected.length);
    });

    it.each([
      ["a malformed organiser id in the filter", { filter: { organiserIds: ["acme"] } }, /filter.organiserIds\[0\]: "acme" is not a valid id/],
      ["an unknown format in the filter", { filter: { formats: ["PARTY"] } }, /"PARTY".*EventFormat/],
      ["a bad date in the filter", { filter: { startsAfter: "soon" } }, /startsAfter/],
    ])("refuses %s", async (_label, variables, message) => {
      const result = await subgraph.execute(LIST_EVENTS, variables);
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(message);
    });
  });

  describe("batching", () => {
    it("loads organisers and speakers of a whole page with one statement each, however long the page", async () => {
      for (let i = 0; i < 30; i++) {
        await createEvent({ sourceId: `p-${i}`, organiserIds: [ORG(i), ORG(i + 1)], speakerIds: [PERSON(i), PERSON(i + 2)] });
      }
      const statementsFor = async (first: number) => {
        subgraph.queries.reset();
        const result = await subgraph.execute<{ events: { edges: Array<{ node: { organisers: unknown[]; speakerIds: unknown[] } }> } }>(
          LIST_EVENTS_WITH_PEOPLE,
          { first },
        );
        expect(result.errors).toBeUndefined();
        expect(result.data!.events.edges).toHaveLength(first);
        for (const { node } of result.data!.events.edges) {
          expect(node.organisers).toHaveLength(2);
          expect(node.speakerIds).toHaveLength(2);
        }
        return subgraph.queries.count;
      };
      const few = await statementsFor(5);
      expect(few).toBe(3);
      expect(await statementsFor(30)).toBe(few);
    });
  });
});

describe("events subgraph: the change feed", () => {
  const changesOf = (id: string) =>
    subgraph.dataSource.query("SELECT kind, public, document FROM record_change WHERE record_id = $1 ORDER BY seq", [id]) as Promise<
      Array<{ kind: string; public: boolean; document: Record<string, any> | null }>
    >;

  it("writes a created event with its format and its venue's country, and its update", async () => {
    const created = await createEvent();
    const [change] = await changesOf(created.id);
    expect(change).toMatchObject({ kind: "CREATED", public: true });
    expect(change.document).toEqual({
      terms: {
        disciplines: ["CROSS_DISCIPLINARY", "BUILT_HERITAGE", "HERITAGE"],
        countries: ["FR"],
        languages: ["fr", "pt-BR", "pt"],
        networks: ["culture-agora"],
        eventFormats: ["FORUM"],
      },
      text: "Rencontres des tiers-lieux\nThird Places Meeting\nDeux jours d'échanges.\nيومان من التبادل\nLa Friche la Belle de Mai\nMarseille",
      title: expect.objectContaining({ originalLanguage: "fr" }),
      summary: null,
      deadline: null,
      path: `/events/${created.id}`,
    });
    expect((await subgraph.execute(UPDATE_EVENT, { id: created.id, input: { format: "WORKSHOP" } })).errors).toBeUndefined();
    const [, updated] = await changesOf(created.id);
    expect(updated).toMatchObject({ kind: "UPDATED", public: true, document: { terms: expect.objectContaining({ eventFormats: ["WORKSHOP"] }) } });
  });
});

describeEntityContract({
  typename: "Event",
  subgraph: () => subgraph,
  input: (index) => validInput({ sourceId: `contract-${index}` }),
  create: { mutation: CREATE_EVENT, field: "createEvent" },
  get: { query: GET_EVENT, field: "event" },
  update: { mutation: UPDATE_EVENT, input: { capacity: 10 } },
  delete: { mutation: DELETE_EVENT, field: "deleteEvent" },
  list: { query: LIST_EVENTS },
  entities: EVENT_ENTITIES,
  // An event owns its organiser and speaker rows: deleting it removes them too.
  countRows: async () => (await countRows("event")) + (await countRows("event_organiser")) + (await countRows("event_speaker")),
});
