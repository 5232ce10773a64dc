import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { peopleSubgraph } from "../people.subgraph";
import type { PersonLoaders } from "../person/person.loaders";

const CREATE = /* GraphQL */ `
  mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }
`;

const SEARCH = /* GraphQL */ `
  query ($search: String, $filter: PeopleFilter, $first: Int, $after: String, $orderBy: PersonOrder) {
    people(search: $search, filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id displayName searchMatch { score snippet } } }
    }
  }
`;

const FACETS = /* GraphQL */ `
  query ($search: String, $filter: PeopleFilter) {
    people(search: $search, filter: $filter, first: 0) {
      totalCount
      facets { disciplines { value count } countries { value count } languages { value count } networks { value count } openTo { value count } }
    }
  }
`;

interface SearchResult {
  people: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; displayName: string; searchMatch: { score: number; snippet: string | null } | null } }>;
  };
}

let subgraph: TestSubgraph<PersonLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(peopleSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE person"));

const text = (lang: string, value: string) => ({ originalLanguage: lang, translations: [{ lang, value }] });

async function createPerson(input: Record<string, unknown>): Promise<string> {
  const result = await subgraph.execute<{ createPerson: { id: string } }>(CREATE, {
    input: { network: "creative-tracks", discoverable: true, ...input },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createPerson.id;
}

async function search(variables: Record<string, unknown>, viewer?: { kind: "anonymous" }) {
  const result = await subgraph.execute<SearchResult>(SEARCH, { first: 20, ...variables }, viewer ? { viewer } : {});
  expect(result.errors).toBeUndefined();
  return result.data!.people;
}

const names = (page: SearchResult["people"]) => page.edges.map((edge) => edge.node.displayName);

describe("people subgraph: search", () => {
  it("ranks a name match above a bio match and highlights the matched words", async () => {
    await createPerson({ displayName: "Lina Farouk", bio: text("en", "Works with the Tamazight theatre company in Agadir.") });
    await createPerson({ displayName: "Tamazight Collective" });
    await createPerson({ displayName: "Karim Bensaid", bio: text("en", "Sculptor.") });

    const page = await search({ search: "tamazight" });
    expect(names(page)).toEqual(["Tamazight Collective", "Lina Farouk"]);
    expect(page.totalCount).toBe(2);
    expect(page.edges[0].node.searchMatch!.score).toBeGreaterThan(page.edges[1].node.searchMatch!.score);
    expect(page.edges[1].node.searchMatch!.snippet).toContain("«Tamazight»");
  });

  it("ignores accents both ways and finds text in every language, Arabic included", async () => {
    await createPerson({ displayName: "Hélène Dubois", headline: text("fr", "Conservatrice au musée des beaux-arts") });
    await createPerson({
      displayName: "Youssef Amrani",
      bio: {
        originalLanguage: "ar",
        translations: [
          { lang: "ar", value: "مخرج مسرحي من الرباط" },
          { lang: "en", value: "Theatre director from Rabat" },
        ],
      },
    });

    expect(names(await search({ search: "musee" }))).toEqual(["Hélène Dubois"]);
    expect(names(await search({ search: "helene" }))).toEqual(["Hélène Dubois"]);
    const arabic = await search({ search: "مسرحي" });
    expect(names(arabic)).toEqual(["Youssef Amrani"]);
    expect(arabic.edges[0].node.searchMatch!.snippet).toContain("«مسرحي»");
  });

  it("still finds a name typed with a typo", async () => {
    await createPerson({ displayName: "Goethe-Institut Tunis" });
    await createPerson({ displayName: "Institut français" });
    const page = await search({ search: "Goethe-Insitut" });
    expect(names(page)[0]).toBe("Goethe-Institut Tunis");
  });

  it("leaves searchMatch null without a search and refuses RELEVANCE or blank text without one", async () => {
    await createPerson({ displayName: "Amira Haddad" });
    const page = await search({});
    expect(page.edges[0].node.searchMatch).toBeNull();

    const relevance = await subgraph.execute(SEARCH, { orderBy: "RELEVANCE" });
    expect(relevance.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(relevance.errors?.[0].message).toContain("orderBy");
    const blank = await subgraph.execute(SEARCH, { search: "   " });
    expect(blank.errors?.[0].message).toContain("search");
    const long = await subgraph.execute(SEARCH, { search: "x".repeat(201) });
    expect(long.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("pages a ranked search with stable cursors while new matches are inserted", async () => {
    for (let index = 0; index < 7; index += 1) await createPerson({ displayName: `Dancer ${index}`, bio: text("en", index % 2 ? "dance dance" : "dance") });
    const first = await search({ search: "dance", first: 3 });
    expect(first.totalCount).toBe(7);
    await createPerson({ displayName: "Dance Company" }); // ranks first: must not reappear on later pages
    const seen = first.edges.map((edge) => edge.node.id);
    let after = first.pageInfo.endCursor;
    for (;;) {
      const page = await search({ search: "dance", first: 3, after });
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it("searches with another order when asked for and combines search with filters", async () => {
    await createPerson({ displayName: "Zoe Dance", country: "FR" });
    await createPerson({ displayName: "Adam Dance", country: "TN" });
    const byName = await search({ search: "dance", orderBy: "NAME" });
    expect(names(byName)).toEqual(["Adam Dance", "Zoe Dance"]);
    expect(byName.edges[0].node.searchMatch!.score).toBeGreaterThan(0);
    expect(names(await search({ search: "dance", filter: { countries: ["FR"] } }))).toEqual(["Zoe Dance"]);
  });

  it("counts facets of the whole list, with and without search and filters", async () => {
    await createPerson({
      displayName: "A",
      disciplines: ["DANCE"],
      country: "TN",
      spokenLanguages: ["ar", "fr"],
      openTo: ["TOURING"],
      bio: text("en", "circus"),
    });
    await createPerson({ displayName: "B", disciplines: ["DANCE", "THEATRE"], country: "TN", spokenLanguages: ["fr"], openTo: [] });
    await createPerson({
      displayName: "C",
      network: "design-hub",
      disciplines: ["THEATRE"],
      country: "MA",
      spokenLanguages: [],
      openTo: ["TOURING"],
      bio: text("en", "circus"),
    });

    const all = await subgraph.execute<{ people: { totalCount: number; facets: Record<string, unknown> } }>(FACETS, {});
    expect(all.errors).toBeUndefined();
    expect(all.data!.people.facets).toEqual({
      disciplines: [
        { value: "DANCE", count: 2 },
        { value: "THEATRE", count: 2 },
      ],
      countries: [
        { value: "TN", count: 2 },
        { value: "MA", count: 1 },
      ],
      languages: [
        { value: "fr", count: 2 },
        { value: "ar", count: 1 },
      ],
      networks: [
        { value: "creative-tracks", count: 2 },
        { value: "design-hub", count: 1 },
      ],
      openTo: [{ value: "TOURING", count: 2 }],
    });

    const filtered = await subgraph.execute<{ people: { facets: Record<string, unknown> } }>(FACETS, { search: "circus", filter: { countries: ["TN", "MA"] } });
    expect(filtered.data!.people.facets).toMatchObject({
      disciplines: [
        { value: "DANCE", count: 1 },
        { value: "THEATRE", count: 1 },
      ],
      countries: [
        { value: "MA", count: 1 },
        { value: "TN", count: 1 },
      ],
    });
  });

  it("counts a single facet dimension of a search", async () => {
    await createPerson({ displayName: "Dancer One", country: "TN", disciplines: ["DANCE"] });
    await createPerson({ displayName: "Dancer Two", country: "MA", disciplines: ["DANCE"] });
    const result = await subgraph.execute<{ people: { facets: { countries: Array<{ value: string; count: number }> } } }>(
      /* GraphQL */ `{ people(first: 1, search: "dancer") { facets { countries { value count } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.people.facets.countries).toEqual([
      { value: "MA", count: 1 },
      { value: "TN", count: 1 },
    ]);
  });

  it("counts every facet dimension asked for in one query, and runs none when facets are not selected", async () => {
    await createPerson({ displayName: "A", disciplines: ["DANCE"] });
    subgraph.queries.reset();
    await subgraph.execute(/* GraphQL */ `{ people(first: 5) { edges { node { id } } } }`);
    const withoutFacets = subgraph.queries.count;
    subgraph.queries.reset();
    await subgraph.execute(/* GraphQL */ `{ people(first: 5) { edges { node { id } } facets { disciplines { value } countries { value } } } }`);
    expect(subgraph.queries.count).toBe(withoutFacets + 1);
  });

  it("neither finds nor counts people who did not agree to be listed, for anonymous viewers", async () => {
    await createPerson({ displayName: "Public Painter", disciplines: ["VISUAL_ARTS_AND_CRAFTS"], country: "IT" });
    await createPerson({ displayName: "Private Painter", discoverable: false, disciplines: ["VISUAL_ARTS_AND_CRAFTS"], country: "ES" });

    expect(names(await search({ search: "painter" }, { kind: "anonymous" }))).toEqual(["Public Painter"]);
    expect(names(await search({ search: "Privat Paintr" }, { kind: "anonymous" }))).not.toContain("Private Painter");
    const facets = await subgraph.execute<{ people: { totalCount: number; facets: { countries: unknown[] } } }>(
      FACETS,
      { search: "painter" },
      { viewer: { kind: "anonymous" } },
    );
    expect(facets.data!.people.totalCount).toBe(1);
    expect(facets.data!.people.facets.countries).toEqual([{ value: "IT", count: 1 }]);
    // The operator sees both.
    expect(names(await search({ search: "painter" }))).toHaveLength(2);
  });
});
