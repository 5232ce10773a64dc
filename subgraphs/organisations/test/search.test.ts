import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import type { OrganisationsLoaders } from "../organisations.loaders";
import { organisationsSubgraph } from "../organisations.subgraph";

const CREATE = /* GraphQL */ `
  mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }
`;

const SEARCH = /* GraphQL */ `
  query ($search: String, $filter: OrganisationsFilter, $first: Int, $after: String) {
    organisations(search: $search, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name searchMatch { score snippet } } }
      facets { kinds { value count } services { value count } countries { value count } disciplines { value count } }
    }
  }
`;

interface SearchResult {
  organisations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; name: string; searchMatch: { score: number; snippet: string | null } | null } }>;
    facets: Record<string, Array<{ value: string; count: number }>>;
  };
}

let subgraph: TestSubgraph<OrganisationsLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(organisationsSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE organisation CASCADE"));

const text = (lang: string, value: string) => ({ originalLanguage: lang, translations: [{ lang, value }] });

async function createOrganisation(input: Record<string, unknown>): Promise<string> {
  const result = await subgraph.execute<{ createOrganisation: { id: string } }>(CREATE, {
    input: { network: "culture-agora", kind: "NGO", country: "FR", ...input },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createOrganisation.id;
}

async function search(variables: Record<string, unknown>) {
  const result = await subgraph.execute<SearchResult>(SEARCH, { first: 20, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data!.organisations;
}

const names = (page: SearchResult["organisations"]) => page.edges.map((edge) => edge.node.name);

describe("organisations subgraph: search", () => {
  it("ranks a name match above a description match", async () => {
    await createOrganisation({ name: "Friche Collective", description: text("en", "Runs a printmaking studio in Marseille.") });
    await createOrganisation({ name: "Printmaking Atelier" });
    const page = await search({ search: "printmaking" });
    expect(names(page)).toEqual(["Printmaking Atelier", "Friche Collective"]);
    expect(page.edges[1].node.searchMatch!.snippet).toContain("«printmaking»");
  });

  it("finds a name despite a typo and ignores accents", async () => {
    await createOrganisation({ name: "Goethe-Institut Tunis", country: "TN" });
    await createOrganisation({ name: "Musée des Civilisations de l'Europe et de la Méditerranée" });
    expect(names(await search({ search: "Goethe-Insitut" }))).toEqual(["Goethe-Institut Tunis"]);
    expect(names(await search({ search: "musee mediterranee" }))).toEqual(["Musée des Civilisations de l'Europe et de la Méditerranée"]);
  });

  it("finds Arabic descriptions", async () => {
    await createOrganisation({ name: "Dar Al-Ma'mûn", country: "MA", description: text("ar", "مركز الترجمة والإقامات الأدبية في مراكش") });
    expect(names(await search({ search: "الترجمة" }))).toEqual(["Dar Al-Ma'mûn"]);
  });

  it("counts facets for the searched and filtered list", async () => {
    await createOrganisation({ name: "Circus School", kind: "NGO", services: ["TRAINING"], disciplines: ["CIRCUS_AND_STREET_ARTS"], country: "FR" });
    await createOrganisation({ name: "Circus Fund", kind: "FUNDER", services: ["FUNDING", "TRAINING"], disciplines: [], country: "BE" });
    await createOrganisation({ name: "Design Hub", kind: "NGO", services: ["TRAINING"], country: "FR" });

    const all = await search({});
    expect(all.facets.kinds).toEqual([
      { value: "NGO", count: 2 },
      { value: "FUNDER", count: 1 },
    ]);
    expect(all.facets.services).toEqual([
      { value: "TRAINING", count: 3 },
      { value: "FUNDING", count: 1 },
    ]);
    const searched = await search({ search: "circus", filter: { countries: ["FR", "BE"] } });
    expect(searched.totalCount).toBe(2);
    expect(searched.facets.countries).toEqual([
      { value: "BE", count: 1 },
      { value: "FR", count: 1 },
    ]);
    expect(searched.facets.disciplines).toEqual([{ value: "CIRCUS_AND_STREET_ARTS", count: 1 }]);
  });
});
