import { readSearchableListSettings } from "@agora-hub/subgraph-kit";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { peopleSubgraph } from "../people.subgraph";
import type { PersonLoaders } from "../person/person.loaders";
import { insertLongPeopleList } from "./long-people-list.fixture";

// Facets of a list longer than SEARCH_FACET_EXACT_LIMIT are estimated from a sample; a small limit keeps the test quick.
const EXACT_LIMIT = 40;
const PEOPLE = 200;

const FACETS = /* GraphQL */ `
  query ($search: String, $filter: PeopleFilter) {
    people(search: $search, filter: $filter, first: 3) {
      totalCount
      edges { node { displayName } }
      facets { approximate disciplines { value count } countries { value count } }
    }
  }
`;

interface FacetsResult {
  people: {
    totalCount: number;
    edges: Array<{ node: { displayName: string } }>;
    facets: { approximate: boolean; disciplines: Array<{ value: string; count: number }>; countries: Array<{ value: string; count: number }> };
  };
}

let subgraph: TestSubgraph<PersonLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(peopleSubgraph, { env: { SEARCH_FACET_EXACT_LIMIT: String(EXACT_LIMIT) } });
  await insertLongPeopleList(subgraph.dataSource, PEOPLE, { varied: true });
});
afterAll(() => subgraph.close());

async function facets(variables: Record<string, unknown>): Promise<FacetsResult["people"]> {
  const result = await subgraph.execute<FacetsResult>(FACETS, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.people;
}

/** Within `share` of `expected`. */
const near = (expected: number, share = 0.25) => ({ asymmetricMatch: (actual: number) => Math.abs(actual - expected) <= expected * share });

describe("people subgraph: facets of long lists", () => {
  it("counts exactly, and says so, when the list is no longer than the limit", async () => {
    const page = await facets({ search: "dancer", filter: { openTo: ["TOURING"] } });
    expect(page.totalCount).toBe(PEOPLE / 10);
    expect(page.facets.approximate).toBe(false);
    expect(page.facets.countries).toEqual([{ value: "TN", count: PEOPLE / 10 }]);
    expect(page.facets.disciplines).toEqual([
      { value: "DANCE", count: PEOPLE / 10 },
      { value: "MUSIC", count: PEOPLE / 20 },
    ]);
  });

  it("estimates the counts of a longer list from a sample scaled to the whole list, and says so", async () => {
    const page = await facets({ search: "dancer" });
    // The list itself and its total stay exact.
    expect(page.totalCount).toBe(PEOPLE);
    expect(page.edges).toHaveLength(3);
    expect(page.facets.approximate).toBe(true);
    expect(page.facets.countries.map((count) => count.value).sort()).toEqual(["FR", "TN"]);
    expect(page.facets.countries).toEqual(
      expect.arrayContaining([
        { value: "TN", count: near(PEOPLE / 2) },
        { value: "FR", count: near(PEOPLE / 2) },
      ]),
    );
    expect(page.facets.disciplines).toEqual([
      { value: "DANCE", count: near(PEOPLE) },
      { value: "MUSIC", count: near(PEOPLE / 4, 0.5) },
    ]);
    // Deterministic: the same list gets the same estimate.
    expect((await facets({ search: "dancer" })).facets).toEqual(page.facets);
  });

  it("estimates a filtered list without a search the same way", async () => {
    const page = await facets({ filter: { countries: ["TN"] } });
    expect(page.totalCount).toBe(PEOPLE / 2);
    expect(page.facets.approximate).toBe(true);
    expect(page.facets.countries).toEqual([{ value: "TN", count: near(PEOPLE / 2) }]);
  });

  it("answers `approximate` asked alone with one query that reads at most the limit and one more row", async () => {
    subgraph.queries.reset();
    const result = await subgraph.execute<{ people: { facets: { approximate: boolean } } }>(
      /* GraphQL */ `{ people(search: "dancer", first: 0) { facets { approximate } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.people.facets.approximate).toBe(true);
    expect(subgraph.queries.statements.filter((sql) => /LIMIT 41\b/.test(sql))).toHaveLength(1);
  });

  it("refuses a limit that is not a positive whole number, naming the variable", () => {
    for (const value of ["0", "-5", "1.5", "many", "1000001"]) {
      expect(() => readSearchableListSettings({ SEARCH_FACET_EXACT_LIMIT: value })).toThrow(/SEARCH_FACET_EXACT_LIMIT/);
    }
    expect(readSearchableListSettings({})).toEqual({ facetExactLimit: 500 });
    expect(readSearchableListSettings({ SEARCH_FACET_EXACT_LIMIT: "" })).toEqual({ facetExactLimit: 500 });
  });
});
