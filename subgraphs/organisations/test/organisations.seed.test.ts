import { demoId } from "@agora-hub/subgraph-kit/testing";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { seedOrganisations } from "../demo/organisations.seed";
import { MembershipRole } from "../membership/membership.type";
import type { OrganisationsLoaders } from "../organisations.loaders";
import { organisationsSubgraph } from "../organisations.subgraph";

let subgraph: TestSubgraph<OrganisationsLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(organisationsSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE organisation CASCADE"));

async function one<T>(sql: string): Promise<T> {
  const [row] = await subgraph.dataSource.query(sql);
  return row as T;
}

describe("organisations subgraph: demo seed", () => {
  it("writes the 36 real organisations of the catalogue with their deterministic ids", async () => {
    await seedOrganisations(subgraph.dataSource, DEMO_SIZES);
    const rows: Array<{ id: string; name: string }> = await subgraph.dataSource.query("SELECT id, name FROM organisation");
    expect(rows).toHaveLength(DEMO_SIZES.organisations);
    const ids = new Set(rows.map((row) => row.id));
    for (let index = 0; index < DEMO_SIZES.organisations; index++) expect(ids.has(demoId("organisation", index))).toBe(true);
    const byId = new Map(rows.map((row) => [row.id, row.name]));
    expect(byId.get(demoId("organisation", 0))).toBe("European Cultural Foundation");
    expect(byId.get(demoId("organisation", 1))).toBe("On the Move");
  });

  it("covers at least 15 countries, 3 description languages, machine translations and every field", async () => {
    await seedOrganisations(subgraph.dataSource, DEMO_SIZES);
    const coverage = await one<Record<string, number>>(`
      SELECT count(DISTINCT country)::int AS countries,
             (SELECT count(DISTINCT description->>'originalLanguage') FROM organisation)::int AS original_languages,
             (SELECT count(DISTINCT t->>'lang') FROM organisation, jsonb_array_elements(description->'translations') t)::int AS languages,
             (SELECT count(*) FROM organisation, jsonb_array_elements(description->'translations') t WHERE (t->>'machineTranslated')::boolean)::int AS machine_translated,
             count(*) FILTER (WHERE kind = 'NETWORK')::int AS networks,
             count(*) FILTER (WHERE website IS NULL OR city IS NULL OR description IS NULL
                              OR cardinality(disciplines) = 0 OR cardinality(services) = 0 OR cardinality(working_languages) = 0)::int AS incomplete
        FROM organisation`);
    expect(coverage.countries).toBeGreaterThanOrEqual(15);
    expect(coverage.original_languages).toBeGreaterThanOrEqual(3);
    expect(coverage.languages).toBeGreaterThanOrEqual(3);
    expect(coverage.machine_translated).toBeGreaterThan(0);
    expect(coverage.networks).toBeGreaterThanOrEqual(3);
    expect(coverage.incomplete).toBe(0);
  });

  it("gives every demo person 1 to 3 memberships with varied roles, and networks organisation members", async () => {
    await seedOrganisations(subgraph.dataSource, DEMO_SIZES);
    const perPerson: Array<{ person_id: string; count: number }> = await subgraph.dataSource.query(
      "SELECT person_id, count(*)::int AS count FROM membership WHERE person_id IS NOT NULL GROUP BY person_id",
    );
    expect(perPerson).toHaveLength(DEMO_SIZES.people);
    const people = new Set(Array.from({ length: DEMO_SIZES.people }, (_, index) => demoId("person", index)));
    for (const row of perPerson) {
      expect(people.has(row.person_id)).toBe(true);
      expect(row.count).toBeGreaterThanOrEqual(1);
      expect(row.count).toBeLessThanOrEqual(3);
    }
    const roles: Array<{ role: string }> = await subgraph.dataSource.query("SELECT DISTINCT role FROM membership");
    expect(roles.map((row) => row.role).sort()).toEqual(Object.values(MembershipRole).sort());
    const stats = await one<Record<string, number>>(`
      SELECT count(*) FILTER (WHERE m.member_organisation_id IS NOT NULL AND o.kind = 'NETWORK')::int AS network_members,
             count(*) FILTER (WHERE m.until < current_date)::int AS ended,
             count(*) FILTER (WHERE m.until IS NULL)::int AS open_ended
        FROM membership m JOIN organisation o ON o.id = m.organisation_id`);
    expect(stats.network_members).toBeGreaterThanOrEqual(10);
    expect(stats.ended).toBeGreaterThan(0);
    expect(stats.open_ended).toBeGreaterThan(0);
    const ids: Array<{ id: string }> = await subgraph.dataSource.query("SELECT id FROM membership ORDER BY id");
    expect(ids.map((row) => row.id)).toContain(demoId("membership", 0));
  });

  it("writes the same records on every run", async () => {
    const snapshot = () =>
      subgraph.dataSource.query("SELECT id, organisation_id, person_id, member_organisation_id, role, title FROM membership ORDER BY id") as Promise<unknown[]>;
    await seedOrganisations(subgraph.dataSource, DEMO_SIZES);
    const first = await snapshot();
    await subgraph.dataSource.query("TRUNCATE organisation CASCADE");
    await seedOrganisations(subgraph.dataSource, DEMO_SIZES);
    expect(await snapshot()).toEqual(first);
  });

  it("serves the seeded catalogue through GraphQL, networks with their organisation members", async () => {
    await seedOrganisations(subgraph.dataSource, DEMO_SIZES);
    const result = await subgraph.execute<{
      organisationBySlug: {
        name: string;
        kind: string;
        members: { totalCount: number; edges: Array<{ node: { memberOrganisation: { name: string } | null } }> };
      };
    }>(`{
      organisationBySlug(slug: "culture-action-europe") {
        name kind
        members(first: 100) { totalCount edges { node { memberOrganisation { name } } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const network = result.data!.organisationBySlug;
    expect(network).toMatchObject({ name: "Culture Action Europe", kind: "NETWORK" });
    const memberNames = network.members.edges.flatMap((edge) => (edge.node.memberOrganisation ? [edge.node.memberOrganisation.name] : []));
    expect(memberNames).toEqual(expect.arrayContaining(["On the Move", "Trans Europe Halles"]));
  });

  it("adds synthetic organisations and memberships in bulk beyond the catalogue", async () => {
    const sizes = { ...DEMO_SIZES, organisations: 3000, people: 6000 };
    await seedOrganisations(subgraph.dataSource, sizes);
    const counts = await one<Record<string, number>>(`
      SELECT (SELECT count(*) FROM organisation)::int AS organisations,
             (SELECT count(DISTINCT slug) FROM organisation)::int AS slugs,
             (SELECT count(DISTINCT person_id) FROM membership)::int AS people,
             (SELECT count(*) FROM membership WHERE member_organisation_id IS NOT NULL)::int AS organisation_members`);
    expect(counts).toMatchObject({ organisations: 3000, slugs: 3000, people: 6000 });
    expect(counts.organisation_members).toBeGreaterThan(500);
    const last = await one<{ id: string }>(`SELECT id FROM organisation WHERE id = '${demoId("organisation", 2999)}'`);
    expect(last).toBeDefined();
  });
});
