import { TOTAL_EXACT_LIMIT } from "@agora-hub/subgraph-kit";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { peopleSubgraph } from "../people.subgraph";
import type { PersonLoaders } from "../person/person.loaders";
import { insertLongPeopleList } from "./long-people-list.fixture";

// Three times the exact limit: the total of a list of everyone is estimated (ranked or not); that of a tenth is exact.
const PEOPLE = 3 * TOTAL_EXACT_LIMIT;
/** A statement that counts a list: a COUNT, or a read of the exact limit and one more row. */
const COUNTING = new RegExp(`\\bCOUNT\\(1\\)|LIMIT ${TOTAL_EXACT_LIMIT + 1}\\b`, "i");

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

  it("ranks a list of at most the limit and counts it exactly in the same statement, and says so", async () => {
    subgraph.queries.reset();
    const page = await total({ search: "dancer", filter: { openTo: ["TOURING"] }, first: 3 });
    expect(page).toMatchObject({ totalCount: PEOPLE / 10, totalCountApproximate: false });
    expect(page.edges).toHaveLength(3);
    // One statement ranked the matches, counted them and read the page's rows.
    expect(subgraph.queries.statements).toHaveLength(1);
    expect(subgraph.queries.statements[0]).toMatch(/AS search_estimate/);
    expect(subgraph.queries.statements.filter((sql) => COUNTING.test(sql) && !/AS search_estimate/.test(sql))).toHaveLength(0);
  });

  it("ranks a longer list over its first matches, estimating its total from them in the same statement, and says so", async () => {
    const RANKED = /* GraphQL */ `
      query ($after: String) {
        people(search: "dancer", first: 3, after: $after) {
          totalCount totalCountApproximate
          edges { node { id searchMatch { score } } }
          pageInfo { endCursor }
        }
      }
    `;
    type Ranked = {
      people: TotalResult["people"] & { edges: Array<{ node: { id: string; searchMatch: { score: number } } }>; pageInfo: { endCursor: string } };
    };
    subgraph.queries.reset();
    const first = (await subgraph.execute<Ranked>(RANKED)).data!.people;
    expect(first.totalCountApproximate).toBe(true);
    expect(Math.abs(first.totalCount - PEOPLE)).toBeLessThanOrEqual(PEOPLE * 0.25);
    // One statement ranked at most the limit and one more match, and estimated the total; none counted the list.
    const ranking = subgraph.queries.statements.filter((sql) => /AS search_estimate/.test(sql));
    expect(ranking).toHaveLength(1);
    expect(ranking[0]).toMatch(new RegExp(`LIMIT ${TOTAL_EXACT_LIMIT + 1}\\b`));
    expect(subgraph.queries.statements.filter((sql) => COUNTING.test(sql) && !/AS search_estimate/.test(sql))).toHaveLength(0);

    // The next page continues the same ranking (none repeated, scores not rising) with the whole list's total.
    const next = (await subgraph.execute<Ranked>(RANKED, { after: first.pageInfo.endCursor })).data!.people;
    expect(next).toMatchObject({ totalCount: first.totalCount, totalCountApproximate: true });
    const ids = [...first.edges, ...next.edges].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(6);
    const scores = [...first.edges, ...next.edges].map((edge) => edge.node.searchMatch.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Deterministic: the same search ranks and estimates the same way.
    expect((await subgraph.execute<Ranked>(RANKED)).data!.people).toEqual(first);
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

  it("reads a page and the total of its list in one statement when both are asked for, the same page as without the total", async () => {
    const page = (counted: boolean) => /* GraphQL */ `
      query ($filter: PeopleFilter, $after: String) {
        people(filter: $filter, first: 3, after: $after) {
          ${counted ? "totalCount totalCountApproximate" : ""}
          edges { node { displayName } }
          pageInfo { endCursor hasNextPage }
        }
      }
    `;
    type PageData = {
      people: {
        totalCount?: number;
        totalCountApproximate?: boolean;
        edges: Array<{ node: { displayName: string } }>;
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    };
    // A tenth of the list (exact total) and all of it (longer than the limit: estimated).
    for (const [filter, exact] of [
      [{ openTo: ["TOURING"] }, true],
      [{ countries: ["TN"] }, false],
    ] as const) {
      let after: string | null = null;
      for (let turn = 0; turn < 2; turn++) {
        subgraph.queries.reset();
        const counted: PageData = (await subgraph.execute<PageData>(page(true), { filter, after })).data!;
        expect(subgraph.queries.statements).toHaveLength(1);
        const plain: PageData = (await subgraph.execute<PageData>(page(false), { filter, after })).data!;
        expect({ ...counted.people, totalCount: undefined, totalCountApproximate: undefined }).toEqual(plain.people);
        expect(counted.people.totalCountApproximate).toBe(!exact);
        if (exact) expect(counted.people.totalCount).toBe(PEOPLE / 10);
        else expect(Math.abs(counted.people.totalCount! - PEOPLE)).toBeLessThanOrEqual(PEOPLE * 0.25);
        expect(counted.people.pageInfo.hasNextPage).toBe(true);
        after = counted.people.pageInfo.endCursor;
      }
    }
  });

  it("counts a list filtered by name text, and its facets", async () => {
    // "Dancer 12", "Dancer 120"–"Dancer 129" and "Dancer 1200"–"Dancer 1299". The name filter's parameter is called
    // `text`, which once made the count's `ctid::text` a parameter.
    const result = await subgraph.execute<{ people: { totalCount: number; facets: { countries: Array<{ value: string; count: number }> } } }>(
      /* GraphQL */ `{ people(first: 0, filter: { text: "Dancer 12" }) { totalCount facets { countries { value count } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.people).toEqual({ totalCount: 111, facets: { countries: [{ value: "TN", count: 111 }] } });
  });
});
