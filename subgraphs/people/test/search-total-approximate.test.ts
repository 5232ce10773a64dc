import { TOTAL_EXACT_LIMIT } from "@agora-hub/subgraph-kit";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { peopleSubgraph } from "../people.subgraph";
import type { PersonLoaders } from "../person/person.loaders";

// Three times the exact limit: the total of a search for everyone is estimated, that of a tenth of them is not.
const PEOPLE = 3 * TOTAL_EXACT_LIMIT;

const TOTAL = /* GraphQL */ `
  query ($search: String, $filter: PeopleFilter) {
    people(search: $search, filter: $filter, first: 3) {
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
  // Rows of about 1.6 kB (a long city), so that the sample spans several blocks of the table as it would at scale;
  // one in ten open to touring.
  await subgraph.dataSource.query(
    `INSERT INTO person (network, display_name, disciplines, country, city, open_to, discoverable)
     SELECT 'creative-tracks', 'Dancer ' || i, ARRAY['DANCE'], 'TN',
            (SELECT string_agg(md5(i::text || '-' || n), '') FROM generate_series(1, 50) AS n),
            CASE WHEN i % 10 = 0 THEN ARRAY['TOURING'] ELSE ARRAY[]::text[] END,
            true
       FROM generate_series(1, $1::int) AS i`,
    [PEOPLE],
  );
  await subgraph.dataSource.query("ANALYZE person");
});
afterAll(() => subgraph.close());

async function total(variables: Record<string, unknown>): Promise<TotalResult["people"]> {
  const result = await subgraph.execute<TotalResult>(TOTAL, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.people;
}

describe("people subgraph: totals of long lists", () => {
  it("counts a list of at most the limit exactly, and says so", async () => {
    const page = await total({ search: "dancer", filter: { openTo: ["TOURING"] } });
    expect(page.totalCount).toBe(PEOPLE / 10);
    expect(page.totalCountApproximate).toBe(false);
  });

  it("estimates the total of a longer list from a sample scaled to the whole list, and says so", async () => {
    subgraph.queries.reset();
    const page = await total({ search: "dancer" });
    expect(page.totalCountApproximate).toBe(true);
    expect(Math.abs(page.totalCount - PEOPLE)).toBeLessThanOrEqual(PEOPLE * 0.25);
    // The page itself is not sampled.
    expect(page.edges).toHaveLength(3);
    // Counting read at most the limit and one more row.
    expect(subgraph.queries.statements.filter((sql) => new RegExp(`LIMIT ${TOTAL_EXACT_LIMIT + 1}\\b`).test(sql))).toHaveLength(1);
    expect(subgraph.queries.statements.filter((sql) => /\bCOUNT\(1\)/i.test(sql))).toHaveLength(0);
    // Deterministic: the same list gets the same estimate.
    expect(await total({ search: "dancer" })).toEqual(page);
  });

  it("estimates a filtered list without a search the same way", async () => {
    const page = await total({ filter: { countries: ["TN"] } });
    expect(page.totalCountApproximate).toBe(true);
    expect(Math.abs(page.totalCount - PEOPLE)).toBeLessThanOrEqual(PEOPLE * 0.25);
  });
});
