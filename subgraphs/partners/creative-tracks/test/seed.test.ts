import { Client } from "pg";
import { seedSubgraph } from "@agora-hub/subgraph-kit";
import { createTestDatabase, type TestDatabase } from "@agora-hub/subgraph-kit/testing";
import { demoId } from "@agora-hub/subgraph-kit/testing";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import type { CreativeTracksLoaders } from "../creative-tracks.loaders";
import { creativeTracksSubgraph } from "../creative-tracks.subgraph";
import { demoLabId, seedCreativeTracks } from "../demo/creative-tracks.seed";
import { GET_LAB, LIST_LABS } from "./creative-tracks.operations";

let subgraph: TestSubgraph<CreativeTracksLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(creativeTracksSubgraph);
});
afterAll(() => subgraph.close());

const truncate = () => subgraph.dataSource.query("TRUNCATE lab, profile");

/** Everything a seed decides, leaving out the timestamps that follow the clock. */
async function seededContent(): Promise<unknown[]> {
  return subgraph.dataSource.query(`
    SELECT l.id, l.source_id, l.title, l.description, l.disciplines, l.looking_for, l.countries_sought, l.author_id,
           l.host_organisation_id, l.expires_at IS NULL AS open_ended, l.expires_at < now() AS expired
      FROM lab l
     UNION ALL
    SELECT p.person_id, NULL, NULL, NULL, p.interests, p.looking_for, NULL, NULL, NULL, p.ambassador, p.followers_count > 0 FROM profile p
     ORDER BY 1`);
}

describe("creative_tracks subgraph: demo seed", () => {
  beforeAll(async () => {
    await truncate();
    await seedCreativeTracks(subgraph.dataSource, DEMO_SIZES);
  });

  it("writes about 30 multilingual labs, some expired, hosted by demo organisations and posted by demo people", async () => {
    const [labs] = await subgraph.dataSource.query(`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE expires_at < now())::int AS expired,
             count(*) FILTER (WHERE expires_at IS NULL)::int AS open_ended,
             count(*) FILTER (WHERE host_organisation_id IS NOT NULL)::int AS hosted,
             count(DISTINCT title ->> 'originalLanguage')::int AS original_languages,
             count(*) FILTER (WHERE title::text LIKE '%"machineTranslated": true%')::int AS machine_translated,
             count(*) FILTER (WHERE jsonb_array_length(title -> 'translations') > 1)::int AS translated
        FROM lab`);
    expect(labs.total).toBe(30);
    expect(labs.expired).toBeGreaterThanOrEqual(4);
    expect(labs.open_ended).toBeGreaterThanOrEqual(1);
    expect(labs.hosted).toBeGreaterThanOrEqual(20);
    expect(labs.original_languages).toBeGreaterThanOrEqual(8);
    expect(labs.machine_translated).toBeGreaterThanOrEqual(5);
    expect(labs.translated).toBeGreaterThanOrEqual(20);

    const people = new Set(Array.from({ length: DEMO_SIZES.people }, (_, i) => demoId("person", i)));
    const organisations = new Set(Array.from({ length: DEMO_SIZES.organisations }, (_, j) => demoId("organisation", j)));
    const rows: Array<{ author_id: string; host_organisation_id: string | null }> = await subgraph.dataSource.query(
      "SELECT author_id, host_organisation_id FROM lab",
    );
    expect(rows.filter((row) => !people.has(row.author_id))).toEqual([]);
    expect(rows.filter((row) => row.host_organisation_id !== null && !organisations.has(row.host_organisation_id))).toEqual([]);
  });

  it("gives about a third of the demo people a profile, every lab author included, with a few ambassadors", async () => {
    const [profiles] = await subgraph.dataSource.query(`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE ambassador)::int AS ambassadors,
             count(*) FILTER (WHERE cardinality(interests) > 0)::int AS with_interests
        FROM profile`);
    expect(profiles.total).toBeGreaterThanOrEqual(55);
    expect(profiles.total).toBeLessThanOrEqual(80);
    expect(profiles.ambassadors).toBeGreaterThanOrEqual(3);
    expect(profiles.with_interests).toBe(profiles.total);
    const [{ authors_without_profile }] = await subgraph.dataSource.query(
      "SELECT count(*)::int AS authors_without_profile FROM lab WHERE author_id NOT IN (SELECT person_id FROM profile)",
    );
    expect(authors_without_profile).toBe(0);
  });

  it("serves the seeded labs through GraphQL, the first one under its demo id", async () => {
    const lab = await subgraph.execute(GET_LAB, { id: demoLabId(0) });
    expect(lab.errors).toBeUndefined();
    expect(lab.data!.creativeTracksLab).toMatchObject({ sourceId: "lab-0", title: { originalLanguage: "fr" }, author: { id: demoId("person", 0) } });
    const open = await subgraph.execute<{ creativeTracksLabs: { totalCount: number } }>(LIST_LABS, { filter: { openOnly: true } });
    const [{ count }] = await subgraph.dataSource.query("SELECT count(*)::int AS count FROM lab WHERE expires_at IS NULL OR expires_at > now()");
    expect(open.data!.creativeTracksLabs.totalCount).toBe(count);
  });

  it("writes the same records every time it runs", async () => {
    const first = await seededContent();
    await truncate();
    await seedCreativeTracks(subgraph.dataSource, DEMO_SIZES);
    expect(await seededContent()).toEqual(first);
  });

  it("writes synthetic records beyond the hand-written demo", async () => {
    await truncate();
    await seedCreativeTracks(subgraph.dataSource, { ...DEMO_SIZES, people: 6_000, opportunities: 4_000 });
    const [{ labs, profiles }] = await subgraph.dataSource.query(
      "SELECT (SELECT count(*)::int FROM lab) AS labs, (SELECT count(*)::int FROM profile) AS profiles",
    );
    expect(labs).toBe(2_000);
    expect(profiles).toBeGreaterThanOrEqual(1_500);
  });
});

async function countLabs(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ labs: number }>(`SELECT count(*)::int AS labs FROM ${creativeTracksSubgraph.name}.lab`);
    return rows[0].labs;
  } finally {
    await client.end();
  }
}

describe("the seed script's entry point (seedSubgraph)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("migrates an empty schema and seeds it, then leaves a schema with records alone", async () => {
    const env = { DATABASE_URL: database.url, LOG_LEVEL: "silent" };
    expect(await seedSubgraph(creativeTracksSubgraph, DEMO_SIZES, env)).toBe(true);
    const labs = await countLabs(database.url);
    expect(labs).toBeGreaterThan(0);
    expect(await seedSubgraph(creativeTracksSubgraph, DEMO_SIZES, env)).toBe(false);
    expect(await countLabs(database.url)).toBe(labs);
  });
});
