import { demoId } from "@agora-hub/subgraph-kit/testing";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { DEMO_OPPORTUNITY_COUNT, seedOpportunities } from "../demo/opportunities.seed";
import { opportunitiesSubgraph } from "../opportunities.subgraph";
import type { OpportunityLoaders } from "../opportunity/opportunity.loaders";
import { OpportunityStatus, OpportunityType } from "../opportunity/opportunity.type";
import { LIST_OPPORTUNITIES } from "./opportunity.operations";

let subgraph: TestSubgraph<OpportunityLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(opportunitiesSubgraph);
});
afterAll(() => subgraph.close());

async function totalCount(filter: Record<string, unknown>): Promise<number> {
  const result = await subgraph.execute<{ opportunities: { totalCount: number } }>(LIST_OPPORTUNITIES, { first: 0, filter });
  expect(result.errors).toBeUndefined();
  return result.data!.opportunities.totalCount;
}

describe("opportunities subgraph: demo seed", () => {
  beforeAll(async () => {
    await subgraph.dataSource.query("TRUNCATE opportunity");
    await seedOpportunities(subgraph.dataSource, DEMO_SIZES);
  });

  it("writes exactly the demo size, all hand-written, with the shared demo ids", async () => {
    expect(DEMO_OPPORTUNITY_COUNT).toBe(DEMO_SIZES.opportunities);
    const rows: Array<{ id: string }> = await subgraph.dataSource.query("SELECT id FROM opportunity");
    const expected = Array.from({ length: DEMO_SIZES.opportunities }, (_, i) => demoId("opportunity", i));
    expect(rows.map((row) => row.id).sort()).toEqual(expected.sort());
    expect(await totalCount({})).toBe(60);
  });

  it("covers every opportunity type", async () => {
    for (const type of Object.values(OpportunityType)) expect(await totalCount({ types: [type] })).toBeGreaterThan(0);
  });

  it("holds open, forthcoming and closed calls, whatever the day", async () => {
    const counts = await Promise.all(Object.values(OpportunityStatus).map((status) => totalCount({ statuses: [status] })));
    counts.forEach((count) => expect(count).toBeGreaterThanOrEqual(5));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(60);
    expect(await totalCount({ closingWithinDays: 7 })).toBeGreaterThan(0);
  });

  it("has rolling calls, worldwide calls and calls for the Southern Mediterranean", async () => {
    const [{ rolling, worldwide }] = await subgraph.dataSource.query(
      "SELECT count(*) FILTER (WHERE deadline IS NULL)::int AS rolling, count(*) FILTER (WHERE eligible_countries = '{}')::int AS worldwide FROM opportunity",
    );
    expect(rolling).toBeGreaterThan(0);
    expect(worldwide).toBeGreaterThan(0);
    expect(await totalCount({ eligibleFor: "TN", statuses: ["OPEN"] })).toBeGreaterThan(5);
  });

  it("writes texts in many original languages, with machine translations marked", async () => {
    const rows: Array<{ lang: string }> = await subgraph.dataSource.query("SELECT DISTINCT title ->> 'originalLanguage' AS lang FROM opportunity");
    expect(rows.map((row) => row.lang).sort()).toEqual(["ar", "de", "el", "en", "es", "fr", "it", "pt", "tr"]);
    const [{ machine }] = await subgraph.dataSource.query(
      `SELECT count(*)::int AS machine FROM opportunity, jsonb_array_elements(title -> 'translations') t WHERE (t ->> 'machineTranslated')::boolean`,
    );
    expect(machine).toBeGreaterThan(20);
  });

  it("refers to demo organisations as publishers and demo people as contacts", async () => {
    const organisations = new Set(Array.from({ length: DEMO_SIZES.organisations }, (_, j) => demoId("organisation", j)));
    const people = new Set(Array.from({ length: DEMO_SIZES.people }, (_, i) => demoId("person", i)));
    const rows: Array<{ publisher_id: string; contact_id: string | null }> = await subgraph.dataSource.query(
      "SELECT publisher_id, contact_id FROM opportunity",
    );
    rows.forEach((row) => expect(organisations.has(row.publisher_id)).toBe(true));
    const contacts = rows.map((row) => row.contact_id).filter((id): id is string => id !== null);
    expect(contacts.length).toBeGreaterThan(5);
    contacts.forEach((id) => expect(people.has(id)).toBe(true));
    expect(new Set(rows.map((row) => row.publisher_id)).size).toBeGreaterThan(20);
  });

  it("states amounts in several currencies", async () => {
    const rows: Array<{ currency: string }> = await subgraph.dataSource.query("SELECT DISTINCT currency FROM opportunity WHERE currency IS NOT NULL");
    expect(rows.map((row) => row.currency)).toEqual(expect.arrayContaining(["EUR", "GBP", "MAD", "TND", "USD"]));
  });
});

describe("opportunities subgraph: synthetic seed", () => {
  // Speed is measured by `npm run seed` and the benchmarks, not asserted here.
  it("adds synthetic opportunities after the hand-written ones", async () => {
    await subgraph.dataSource.query("TRUNCATE opportunity");
    await seedOpportunities(subgraph.dataSource, { ...DEMO_SIZES, opportunities: 5_000 });
    const [{ count, last }] = await subgraph.dataSource.query("SELECT count(*)::int AS count, count(*) FILTER (WHERE id = $1)::int AS last FROM opportunity", [
      demoId("opportunity", 4_999),
    ]);
    expect({ count, last }).toEqual({ count: 5_000, last: 1 });
    for (const status of Object.values(OpportunityStatus)) expect(await totalCount({ statuses: [status] })).toBeGreaterThan(25);
  }, 60_000);

  it("writes the same records for the same size", async () => {
    await subgraph.dataSource.query("TRUNCATE opportunity");
    await seedOpportunities(subgraph.dataSource, { ...DEMO_SIZES, opportunities: 200 });
    const first: unknown[] = await subgraph.dataSource.query("SELECT id, type, title, publisher_id, disciplines FROM opportunity ORDER BY id");
    await subgraph.dataSource.query("TRUNCATE opportunity");
    await seedOpportunities(subgraph.dataSource, { ...DEMO_SIZES, opportunities: 200 });
    const second: unknown[] = await subgraph.dataSource.query("SELECT id, type, title, publisher_id, disciplines FROM opportunity ORDER BY id");
    expect(second).toEqual(first);
  });
});
