import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { opportunitiesSubgraph } from "../opportunities.subgraph";
import type { OpportunityLoaders } from "../opportunity/opportunity.loaders";

const CREATE = /* GraphQL */ `
  mutation ($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }
`;

const SEARCH = /* GraphQL */ `
  query ($search: String, $filter: OpportunitiesFilter, $first: Int, $after: String, $orderBy: OpportunityOrder) {
    opportunities(search: $search, filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title { text } searchMatch { score snippet } } }
      facets { types { value count } statuses { value count } countries { value count } disciplines { value count } }
    }
  }
`;

interface SearchResult {
  opportunities: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; title: { text: string }; searchMatch: { score: number; snippet: string | null } | null } }>;
    facets: Record<string, Array<{ value: string; count: number }>>;
  };
}

const PUBLISHER = "0b7e3c52-1d4a-4f6e-9a21-3c5d7e9f1a2b";
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

let subgraph: TestSubgraph<OpportunityLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(opportunitiesSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE opportunity"));

const text = (lang: string, value: string) => ({ originalLanguage: lang, translations: [{ lang, value }] });

async function createOpportunity(input: Record<string, unknown>): Promise<string> {
  const result = await subgraph.execute<{ createOpportunity: { id: string } }>(CREATE, {
    input: { network: "culture-agora", type: "GRANT", publisherId: PUBLISHER, opensAt: daysFromNow(-10), deadline: daysFromNow(30), ...input },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createOpportunity.id;
}

async function search(variables: Record<string, unknown>) {
  const result = await subgraph.execute<SearchResult>(SEARCH, { first: 20, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data!.opportunities;
}

const titles = (page: SearchResult["opportunities"]) => page.edges.map((edge) => edge.node.title.text);

describe("opportunities subgraph: search", () => {
  it("ranks a title match above a summary match above a description match", async () => {
    await createOpportunity({ title: text("en", "Mobility grant"), description: text("en", "For a puppetry tour.") });
    await createOpportunity({ title: text("en", "Puppetry residency") });
    await createOpportunity({ title: text("en", "Open call"), summary: text("en", "Puppetry makers welcome.") });
    const page = await search({ search: "puppetry" });
    expect(titles(page)).toEqual(["Puppetry residency", "Open call", "Mobility grant"]);
    expect(page.edges[2].node.searchMatch!.snippet).toContain("«puppetry»");
  });

  it("searches every translation with accents ignored, a typo in the title still matching", async () => {
    await createOpportunity({
      title: {
        originalLanguage: "fr",
        translations: [
          { lang: "fr", value: "Résidence d'écriture à Tunis" },
          { lang: "ar", value: "إقامة كتابة في تونس" },
        ],
      },
    });
    expect(titles(await search({ search: "residence ecriture" }))).toEqual(["Résidence d'écriture à Tunis"]);
    expect(titles(await search({ search: "كتابة" }))).toEqual(["Résidence d'écriture à Tunis"]);
    expect(titles(await search({ search: "Residense" }))).toEqual(["Résidence d'écriture à Tunis"]);
  });

  it("counts facets with statuses as of now, with and without filters", async () => {
    await createOpportunity({ title: text("en", "Open grant"), country: "TN", disciplines: ["DANCE"] });
    await createOpportunity({ title: text("en", "Closed grant"), opensAt: daysFromNow(-30), deadline: daysFromNow(-1), country: "TN" });
    await createOpportunity({ title: text("en", "Coming job"), type: "JOB", opensAt: daysFromNow(5), deadline: daysFromNow(40), country: "MA" });

    const all = await search({});
    expect(all.facets.types).toEqual([
      { value: "GRANT", count: 2 },
      { value: "JOB", count: 1 },
    ]);
    expect(all.facets.statuses).toEqual([
      { value: "CLOSED", count: 1 },
      { value: "FORTHCOMING", count: 1 },
      { value: "OPEN", count: 1 },
    ]);
    const grants = await search({ search: "grant", filter: { statuses: ["OPEN", "FORTHCOMING"] } });
    expect(titles(grants)).toEqual(["Open grant"]);
    expect(grants.facets.countries).toEqual([{ value: "TN", count: 1 }]);
    expect(grants.facets.disciplines).toEqual([{ value: "DANCE", count: 1 }]);
  });

  it("combines search with closing-within and eligibility filters and pages by relevance", async () => {
    for (let index = 0; index < 5; index += 1) {
      await createOpportunity({
        title: text("en", `Translation grant ${index}`),
        deadline: daysFromNow(index + 2),
        eligibleCountries: index === 0 ? ["FR"] : [],
      });
    }
    const soon = await search({ search: "translation", filter: { closingWithinDays: 4, eligibleFor: "TN" } });
    expect(soon.totalCount).toBe(2);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: SearchResult["opportunities"] = await search({ search: "translation", first: 2, after });
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(5);
  });
});
