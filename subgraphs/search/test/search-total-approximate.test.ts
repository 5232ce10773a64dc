import { Client } from "pg";
import { TOTAL_EXACT_LIMIT } from "@agora-hub/subgraph-kit";
import type { GraphQLAnswer } from "../../../gateway/test/gateway-client";
import { startTestHub, type TestHub } from "../../../gateway/test/test-hub";

// More people named "Zyrnovale" than an owner counts exactly, and a few organisations: the people total is estimated,
// whether the owner ranks them or not (a page of none).
const PEOPLE = 2 * TOTAL_EXACT_LIMIT;

const TOTAL = /* GraphQL */ `
  query ($query: String!, $types: [SearchHitType!], $first: Int) {
    search(query: $query, types: $types, first: $first) {
      totalCount
      totalCountApproximate
      edges { type }
    }
  }
`;

interface TotalData {
  search: { totalCount: number; totalCountApproximate: boolean; edges: Array<{ type: string }> };
}

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ seed: { people: 0, organisations: 0, opportunities: 0, events: 0 } });
  const client = new Client({ connectionString: hub.database.url });
  await client.connect();
  try {
    // Rows of about 1.6 kB (a long city), so that the owner's sample spans several blocks as it would at scale.
    await client.query(
      `INSERT INTO people.person (network, display_name, country, city, discoverable)
       SELECT 'creative-tracks', 'Zyrnovale ' || i, 'TN', (SELECT string_agg(md5(i::text || '-' || n), '') FROM generate_series(1, 50) AS n), true
         FROM generate_series(1, $1::int) AS i`,
      [PEOPLE],
    );
    await client.query(
      `INSERT INTO organisations.organisation (network, name, slug, kind, country)
       SELECT 'creative-tracks', 'Zyrnovale Collective ' || i, 'zyrnovale-' || i, 'COLLECTIVE', 'TN' FROM generate_series(1, 3) AS i`,
    );
    await client.query("ANALYZE people.person");
  } finally {
    await client.end();
  }
});
afterAll(() => hub.close());

async function total(variables: Record<string, unknown>): Promise<TotalData["search"]> {
  const response = await fetch(new URL("/graphql", hub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: TOTAL, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer<TotalData>;
  expect(answer.errors).toBeUndefined();
  return answer.data!.search;
}

describe("search: totals of long lists", () => {
  it("says the total is exact when every searched type counted exactly", async () => {
    const result = await total({ query: "zyrnovale", types: ["ORGANISATION"], first: 2 });
    expect(result).toEqual({ totalCount: 3, totalCountApproximate: false, edges: [{ type: "ORGANISATION" }, { type: "ORGANISATION" }] });
  });

  it("says the total is an estimate when a searched type's owner estimated its own", async () => {
    const result = await total({ query: "zyrnovale", first: 0 });
    expect(result.totalCountApproximate).toBe(true);
    expect(Math.abs(result.totalCount - (PEOPLE + 3))).toBeLessThanOrEqual(PEOPLE * 0.25);
    expect(result.edges).toHaveLength(0);
  });

  it("says the total is an estimate when an owner ranked its first matches and estimated the rest", async () => {
    const result = await total({ query: "zyrnovale", first: 2 });
    expect(result.totalCountApproximate).toBe(true);
    expect(Math.abs(result.totalCount - (PEOPLE + 3))).toBeLessThanOrEqual(PEOPLE * 0.25);
    expect(result.edges).toHaveLength(2);
  });
});
