import { TOTAL_EXACT_LIMIT } from "@agora-hub/subgraph-kit";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { peopleSubgraph } from "../people.subgraph";
import type { PersonLoaders } from "../person/person.loaders";
import { insertLongPeopleList } from "./long-people-list.fixture";

// Three times the exact limit: the total of a list of everyone is estimated unless ranking counted it; that of a tenth is exact.
const PEOPLE = 3 * TOTAL_EXACT_LIMIT;

const TOTAL = /* GraphQL */ `
  query ($search: String, $filter: PeopleFilter, $first: Int, $orderBy: PersonOrder) {
    people(search: $search, filter: $filter, first: $first, orderBy: $orderBy) {
      totalCount
      totalCountApproximate
      edges { node { displayName } }
    }
  }
`;

interface TotalResult {
  people: { totalCount: number; totalCountApproximate: boolean; edges: Array<{ node: { displayName: string } }> };
}

let subgraph: TestSubgraph<PersonLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(peopleSubgraph);
  await insertLongPeopleList(subgraph.dataSource, PEOPLE, { varied: false });
});
afterAll(() => subgraph.close());

async function total(variables: Record<string, unknown>): Promise<TotalResult["people"]> {
  const result = await subgraph.execute<TotalResult>(TOTAL, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.people;
}

describe("people subgraph: totals of long lists", () => {
  it("counts a list of at most the limit exactly, and says so", async () => {
    const page = await total({ search: "dancer", filter: { openTo: ["TOURING"] }, first: 0 });
    expect(page.totalCount).toBe(PEOPLE / 10);
    expect(page.totalCountApproximate).toBe(false);
  });

  it("counts a ranked list exactly while ranking it, and says so", async () => {
    subgraph.queries.reset();
    const page = await total({ search: "dancer", first: 3 });
    expect(page).toMatchObject({ totalCount: PEOPLE, totalCountApproximate: false });
    expect(page.edges).toHaveLength(3);
    // Ranking scores every match: its one pass counted them, no other statement did.
    expect(subgraph.queries.statements.filter((sql) => /count\(\*\) OVER \(\)/.test(sql))).toHaveLength(1);
    expect(subgraph.queries.statements.filter((sql) => /\bCOUNT\(1\)|LIMIT 1001\b/i.test(sql))).toHaveLength(0);
    // After a cursor too (the total is the whole list's, not the rest's).
    const next = await subgraph.execute<{ people: { totalCount: number; totalCountApproximate: boolean } }>(
      /* GraphQL */ `query ($after: String) { people(search: "dancer", first: 3, after: $after) { totalCount totalCountApproximate } }`,
      {
        after: (await subgraph.execute<{ people: { pageInfo: { endCursor: string } } }>(`{ people(search: "dancer", first: 3) { pageInfo { endCursor } } }`))
          .data!.people.pageInfo.endCursor,
      },
    );
    expect(next.data!.people).toEqual({ totalCount: PEOPLE, totalCountApproximate: false });
  });

  it("estimates the total of a longer list it does not rank from a sample scaled to the whole list, and says so", async () => {
    for (const variables of [
      { search: "dancer", first: 0 },
      { search: "dancer", first: 3, orderBy: "NAME" },
    ]) {
      subgraph.queries.reset();
      const page = await total(variables);
      expect(page.totalCountApproximate).toBe(true);
      expect(Math.abs(page.totalCount - PEOPLE)).toBeLessThanOrEqual(PEOPLE * 0.25);
      // Counting read at most the limit and one more row.
      expect(subgraph.queries.statements.filter((sql) => new RegExp(`LIMIT ${TOTAL_EXACT_LIMIT + 1}\\b`).test(sql))).toHaveLength(1);
      expect(subgraph.queries.statements.filter((sql) => /\bCOUNT\(1\)/i.test(sql))).toHaveLength(0);
      // Deterministic: the same list gets the same estimate.
      expect(await total(variables)).toEqual(page);
    }
  });

  it("estimates a filtered list without a search the same way", async () => {
    const page = await total({ filter: { countries: ["TN"] }, first: 3 });
    expect(page.totalCountApproximate).toBe(true);
    expect(Math.abs(page.totalCount - PEOPLE)).toBeLessThanOrEqual(PEOPLE * 0.25);
  });

  it("counts a list filtered by name text, and its facets", async () => {
    // "Dancer 29", "Dancer 290"–"Dancer 299" and "Dancer 2900"–"Dancer 2999". The name filter's parameter is called
    // `text`, which once made the count's `ctid::text` a parameter.
    const result = await subgraph.execute<{ people: { totalCount: number; facets: { countries: Array<{ value: string; count: number }> } } }>(
      /* GraphQL */ `{ people(first: 0, filter: { text: "Dancer 29" }) { totalCount facets { countries { value count } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.people).toEqual({ totalCount: 111, facets: { countries: [{ value: "TN", count: 111 }] } });
  });
});
