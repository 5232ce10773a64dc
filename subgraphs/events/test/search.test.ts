import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import type { EventLoaders } from "../event/event.loaders";
import { eventsSubgraph } from "../events.subgraph";

const CREATE = /* GraphQL */ `
  mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }
`;

const SEARCH = /* GraphQL */ `
  query ($search: String, $filter: EventsFilter, $first: Int, $after: String) {
    events(search: $search, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title { text } searchMatch { score snippet } } }
      facets { formats { value count } countries { value count } attendanceModes { value count } disciplines { value count } }
    }
  }
`;

interface SearchResult {
  events: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; title: { text: string }; searchMatch: { score: number; snippet: string | null } | null } }>;
    facets: Record<string, Array<{ value: string; count: number }>>;
  };
}

let subgraph: TestSubgraph<EventLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(eventsSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE event CASCADE"));

const text = (lang: string, value: string) => ({ originalLanguage: lang, translations: [{ lang, value }] });
const MARSEILLE = { name: "La Friche", city: "Marseille", country: "FR", latitude: 43.3103, longitude: 5.3907 };
const AIX = { name: "Bois de l'Aune", city: "Aix-en-Provence", country: "FR", latitude: 43.5263, longitude: 5.4454 };
const TUNIS = { name: "El Teatro", city: "Tunis", country: "TN", latitude: 36.8065, longitude: 10.1815 };

async function createEvent(input: Record<string, unknown>): Promise<string> {
  const result = await subgraph.execute<{ createEvent: { id: string } }>(CREATE, {
    input: {
      network: "culture-agora",
      format: "FESTIVAL",
      startsAt: "2030-05-12T08:00:00.000Z",
      endsAt: "2030-05-13T16:00:00.000Z",
      timeZone: "Europe/Paris",
      attendanceMode: "IN_PERSON",
      venue: MARSEILLE,
      organiserIds: ["0b7e3c52-1d4a-4f6e-9a21-3c5d7e9f1a2b"],
      speakerIds: [],
      ...input,
    },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createEvent.id;
}

async function search(variables: Record<string, unknown>) {
  const result = await subgraph.execute<SearchResult>(SEARCH, { first: 20, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data!.events;
}

const titles = (page: SearchResult["events"]) => page.edges.map((edge) => edge.node.title.text);

describe("events subgraph: search", () => {
  it("ranks a title match above a description match, ignoring accents, in every language", async () => {
    await createEvent({ title: text("fr", "Rencontres"), description: text("fr", "Deux jours au théâtre de la Criée.") });
    await createEvent({ title: text("fr", "Nuit du Théâtre") });
    await createEvent({ title: text("fr", "Forum"), description: text("ar", "لقاء حول المسرح المستقل") });
    const page = await search({ search: "theatre" });
    expect(titles(page)).toEqual(["Nuit du Théâtre", "Rencontres"]);
    expect(page.edges[1].node.searchMatch!.snippet).toContain("«théâtre»");
    expect(titles(await search({ search: "المسرح" }))).toEqual(["Forum"]);
  });

  it("finds events near a point within a radius, online-only events never", async () => {
    await createEvent({ title: text("en", "Marseille show"), venue: MARSEILLE });
    await createEvent({ title: text("en", "Aix show"), venue: AIX });
    await createEvent({ title: text("en", "Tunis show"), venue: TUNIS });
    await createEvent({ title: text("en", "Online show"), venue: null, attendanceMode: "ONLINE", onlineUrl: "https://live.example.org/x" });
    const near = (radiusKm: number) => search({ filter: { near: { latitude: 43.2965, longitude: 5.3698, radiusKm } } });
    expect(titles(await near(5))).toEqual(["Marseille show"]);
    expect(titles(await near(30)).sort()).toEqual(["Aix show", "Marseille show"]);
    expect((await near(20_000)).totalCount).toBe(3);
    const searched = await search({ search: "show", filter: { near: { latitude: 36.8, longitude: 10.18, radiusKm: 10 } } });
    expect(titles(searched)).toEqual(["Tunis show"]);
  });

  it("refuses a radius without a point, a point without a radius and a radius out of range, naming the field", async () => {
    const errorsOf = async (near: Record<string, unknown>) => {
      const result = await subgraph.execute(SEARCH, { filter: { near } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
      return JSON.stringify(result.errors);
    };
    const noPoint = await errorsOf({ radiusKm: 10 });
    expect(noPoint).toContain("filter.near.latitude");
    expect(noPoint).toContain("filter.near.longitude");
    expect(await errorsOf({ latitude: 43.3, longitude: 5.4 })).toContain("filter.near.radiusKm");
    expect(await errorsOf({ latitude: 43.3, longitude: 5.4, radiusKm: 0 })).toContain("filter.near.radiusKm");
    expect(await errorsOf({ latitude: 43.3, longitude: 5.4, radiusKm: 20_001 })).toContain("filter.near.radiusKm");
    expect(await errorsOf({ latitude: 95, longitude: 5.4, radiusKm: 10 })).toContain("filter.near.latitude");
  });

  it("counts facets for the searched and filtered list", async () => {
    await createEvent({ title: text("en", "Jazz festival"), disciplines: ["MUSIC"], venue: MARSEILLE });
    await createEvent({
      title: text("en", "Jazz workshop"),
      format: "WORKSHOP",
      venue: TUNIS,
      attendanceMode: "MIXED",
      onlineUrl: "https://live.example.org/j",
    });
    await createEvent({ title: text("en", "Film night"), format: "SCREENING", venue: TUNIS });
    const all = await search({});
    expect(all.facets.countries).toEqual([
      { value: "TN", count: 2 },
      { value: "FR", count: 1 },
    ]);
    const jazz = await search({ search: "jazz", filter: { countries: ["TN"] } });
    expect(jazz.facets).toEqual({
      formats: [{ value: "WORKSHOP", count: 1 }],
      countries: [{ value: "TN", count: 1 }],
      attendanceModes: [{ value: "MIXED", count: 1 }],
      disciplines: [],
    });
  });
});
