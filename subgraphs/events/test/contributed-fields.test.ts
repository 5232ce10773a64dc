import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import type { EventLoaders } from "../event/event.loaders";
import { eventsSubgraph } from "../events.subgraph";
import { CREATE_EVENT, ORGANISATION_EVENTS, PERSON_EVENTS } from "./event.operations";

let subgraph: TestSubgraph<EventLoaders>;

const PARENTS = 50;
const ORG = (n: number) => `0a000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const PERSON = (n: number) => `0b000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const UNKNOWN = "0c000000-0000-4000-8000-000000000000";
const startOf = (i: number) => new Date(Date.UTC(2030, 0, 1) + i * 86_400_000).toISOString();

interface EventsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: { id: string; sourceId: string; startsAt: string } }>;
}
type Parents = { _entities: Array<{ id: string; events: EventsPage | null }> };

// Event i (0..99) is organised by organisations i % 50 and (i + 1) % 50, with speakers i % 50 and (i + 7) % 50,
// so every organisation and person has four events.
beforeAll(async () => {
  subgraph = await startTestSubgraph(eventsSubgraph);
  for (let i = 0; i < 2 * PARENTS; i++) {
    const result = await subgraph.execute(CREATE_EVENT, {
      input: {
        network: "culture-agora",
        sourceId: `ev-${i}`,
        title: { originalLanguage: "en", translations: [{ lang: "en", value: `Event ${i}` }] },
        format: "MEETUP",
        startsAt: startOf(i),
        endsAt: startOf(i),
        timeZone: "Europe/Lisbon",
        attendanceMode: "ONLINE",
        onlineUrl: `https://live.example.org/${i}`,
        organiserIds: [ORG(i % PARENTS), ORG((i + 1) % PARENTS)],
        speakerIds: [PERSON(i % PARENTS), PERSON((i + 7) % PARENTS)],
      },
    });
    expect(result.errors).toBeUndefined();
  }
});
afterAll(() => subgraph.close());

async function parentEvents(document: string, typename: string, ids: string[], variables: Record<string, unknown> = {}) {
  const representations = ids.map((id) => ({ __typename: typename, id }));
  subgraph.queries.reset();
  const result = await subgraph.execute<Parents>(document, { representations, ...variables });
  expect(result.errors).toBeUndefined();
  return { parents: result.data!._entities, statements: subgraph.queries.count };
}

describe.each([
  ["Organisation", ORGANISATION_EVENTS, ORG, (n: number) => [n - 1, n, n + PARENTS - 1, n + PARENTS]],
  ["Person", PERSON_EVENTS, PERSON, (n: number) => [n, n - 7, n + PARENTS, n + PARENTS - 7]],
] as const)("%s.events", (typename, document, idOf, eventIndexesOf) => {
  it("lists the parent's events, most recent start first, with the total", async () => {
    const { parents } = await parentEvents(document, typename, [idOf(20)], { first: 10 });
    const expected = eventIndexesOf(20)
      .sort((a, b) => b - a)
      .map((i) => `ev-${i}`);
    expect(parents[0].events!.edges.map((edge) => edge.node.sourceId)).toEqual(expected);
    expect(parents[0].events!.totalCount).toBe(4);
  });

  it("walks a parent's events page by page with cursors", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 2; page++) {
      const { parents } = await parentEvents(document, typename, [idOf(20)], { first: 2, after });
      const events = parents[0].events!;
      expect(events.pageInfo.hasNextPage).toBe(page === 0);
      expect(events.totalCount).toBe(4);
      seen.push(...events.edges.map((edge) => edge.node.sourceId));
      after = events.pageInfo.endCursor;
    }
    expect(seen).toEqual(
      eventIndexesOf(20)
        .sort((a, b) => b - a)
        .map((i) => `ev-${i}`),
    );
  });

  it("answers an empty page for a parent without events", async () => {
    const { parents } = await parentEvents(document, typename, [UNKNOWN]);
    expect(parents[0]).toEqual({ id: UNKNOWN, events: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } });
  });

  it("costs the same number of SQL statements for 50 parents as for 10", async () => {
    const ids = (count: number) => Array.from({ length: count }, (_, n) => idOf(n));
    const ten = await parentEvents(document, typename, ids(10), { first: 3 });
    const fifty = await parentEvents(document, typename, ids(PARENTS), { first: 3 });
    // Every parent's page with its rows and total, in one statement.
    expect(ten.statements).toBe(1);
    expect(fifty.statements).toBe(ten.statements);
    expect(fifty.parents).toHaveLength(PARENTS);
    for (const parent of fifty.parents) {
      expect(parent.events!.edges).toHaveLength(3);
      expect(parent.events!.totalCount).toBe(4);
    }
  });

  it("refuses a page over 100", async () => {
    const result = await subgraph.execute(document, { representations: [{ __typename: typename, id: idOf(1) }], first: 101 });
    expect(result.errors?.[0].message).toMatch(/first: must be at most 100/);
  });
});
