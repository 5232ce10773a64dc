import { describeEntityContract, startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import type { OrganisationsLoaders } from "../organisations.loaders";
import { organisationsSubgraph } from "../organisations.subgraph";
import {
  CREATE_ORGANISATION,
  DELETE_ORGANISATION,
  GET_ORGANISATION,
  GET_ORGANISATION_BY_SLUG,
  LIST_ORGANISATIONS,
  ORGANISATION_ENTITIES,
  UPDATE_ORGANISATION,
} from "./organisation.operations";

let subgraph: TestSubgraph<OrganisationsLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(organisationsSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE organisation CASCADE"));

const validInput = (overrides: Record<string, unknown> = {}) => ({
  network: "culture-agora",
  sourceId: "ca-1",
  name: "Fondazione Pistoletto – Cittadellarte",
  kind: "NGO",
  description: {
    originalLanguage: "it",
    translations: [
      { lang: "it", value: "Arte e trasformazione sociale responsabile." },
      { lang: "en", value: "Art and responsible social change.", machineTranslated: true },
    ],
  },
  disciplines: ["FINE_ARTS", "FASHION_DESIGN"],
  services: ["RESIDENCY_HOSTING", "TRAINING"],
  country: "IT",
  city: "Biella",
  website: "https://www.cittadellarte.it",
  workingLanguages: ["it", "en-gb"],
  ...overrides,
});

type Created = { id: string; slug: string; name: string };

async function createOrganisation(overrides: Record<string, unknown> = {}): Promise<Created> {
  const result = await subgraph.execute<{ createOrganisation: Created }>(CREATE_ORGANISATION, { input: validInput(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!.createOrganisation;
}

async function countOrganisations(): Promise<number> {
  const [{ count }] = await subgraph.dataSource.query("SELECT count(*)::int AS count FROM organisation");
  return count;
}

describe("organisations subgraph: organisation", () => {
  it("creates an organisation and reads it back with multilingual text, a generated slug and canonical language tags", async () => {
    const created = await createOrganisation();
    const result = await subgraph.execute(GET_ORGANISATION, { id: created.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.organisation).toMatchObject({
      name: "Fondazione Pistoletto – Cittadellarte",
      slug: "fondazione-pistoletto-cittadellarte",
      network: "culture-agora",
      sourceId: "ca-1",
      kind: "NGO",
      disciplines: ["FINE_ARTS", "FASHION_DESIGN"],
      services: ["RESIDENCY_HOSTING", "TRAINING"],
      country: "IT",
      city: "Biella",
      website: "https://www.cittadellarte.it/",
      workingLanguages: ["it", "en-GB"],
      description: {
        originalLanguage: "it",
        text: "Arte e trasformazione sociale responsabile.",
        translations: [{ lang: "it" }, { lang: "en", machineTranslated: true }],
      },
    });
  });

  it("keeps a slug given on create", async () => {
    expect((await createOrganisation({ slug: "cittadellarte" })).slug).toBe("cittadellarte");
  });

  it("generates the next free slug when the name's slug is taken, and a fallback for names without Latin letters", async () => {
    await createOrganisation();
    expect((await createOrganisation({ sourceId: "ca-2" })).slug).toBe("fondazione-pistoletto-cittadellarte-2");
    expect((await createOrganisation({ sourceId: "ca-3" })).slug).toBe("fondazione-pistoletto-cittadellarte-3");
    expect((await createOrganisation({ sourceId: "ca-4", name: "İKSV Ğ Straße Łódź Ørsted" })).slug).toBe("iksv-g-strasse-lodz-orsted");
    expect((await createOrganisation({ sourceId: "ca-5", name: "Dar Al-Ma’mûn" })).slug).toBe("dar-al-mamun");
    expect((await createOrganisation({ sourceId: "ca-6", name: "مؤسسة المورد الثقافي" })).slug).toBe("organisation");
  });

  it("finds an organisation by slug, and answers null for an unknown or impossible slug", async () => {
    const created = await createOrganisation({ slug: "cittadellarte" });
    const found = await subgraph.execute(GET_ORGANISATION_BY_SLUG, { slug: "cittadellarte" });
    expect(found.data!.organisationBySlug).toEqual({ id: created.id, name: created.name, slug: "cittadellarte" });
    for (const slug of ["unknown-slug", "Not A Slug; DROP TABLE organisation"]) {
      const result = await subgraph.execute(GET_ORGANISATION_BY_SLUG, { slug });
      expect(result.errors).toBeUndefined();
      expect(result.data!.organisationBySlug).toBeNull();
    }
  });

  it("updates given fields, clears fields set to null and keeps the others, including the slug when the name changes", async () => {
    const created = await createOrganisation();
    const result = await subgraph.execute<{ updateOrganisation: Record<string, unknown> }>(UPDATE_ORGANISATION, {
      id: created.id,
      input: { name: "Cittadellarte", city: null, description: null, services: ["SHOWCASE"], kind: "CREATIVE_HUB" },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateOrganisation).toMatchObject({
      name: "Cittadellarte",
      slug: "fondazione-pistoletto-cittadellarte",
      city: null,
      description: null,
      services: ["SHOWCASE"],
      kind: "CREATIVE_HUB",
      country: "IT",
      website: "https://www.cittadellarte.it/",
    });
  });

  it("changes the slug when a new one is given", async () => {
    const created = await createOrganisation();
    const result = await subgraph.execute<{ updateOrganisation: { slug: string } }>(UPDATE_ORGANISATION, { id: created.id, input: { slug: "cittadellarte" } });
    expect(result.data!.updateOrganisation.slug).toBe("cittadellarte");
  });

  describe("bad input is refused with an error naming the field, and nothing is written", () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ["an empty name", { name: "   " }, /name: must not be empty/],
      ["a name over 200 characters", { name: "x".repeat(201) }, /name: must be 1 to 200 characters/],
      ["an unknown kind", { kind: "SECRET_SOCIETY" }, /SECRET_SOCIETY.*OrganisationKind/],
      ["an unknown service", { services: ["TELEPORTATION"] }, /TELEPORTATION.*OrganisationService/],
      ["an unknown discipline", { disciplines: ["BASKET_WEAVING_ON_MARS"] }, /BASKET_WEAVING_ON_MARS.*Discipline/],
      ["a bad country code", { country: "XX" }, /"XX".*CountryCode/],
      ["a missing country", { country: undefined }, /country.*CountryCode!.*not provided|required/],
      ["an unknown language tag", { workingLanguages: ["klingon-x"] }, /not a supported BCP 47 language tag/],
      ["a javascript: URL", { website: "javascript:alert(1)" }, /not an absolute http\(s\) URL/],
      ["a slug that is not kebab case", { slug: "Not A_Slug" }, /slug: must be lower-case letters and digits/],
      ["a bad network slug", { network: "Not A Slug" }, /network: must be a slug/],
      [
        "a text without its original language",
        { description: { originalLanguage: "de", translations: [{ lang: "en", value: "Hi" }] } },
        /description.originalLanguage/,
      ],
      [
        "a blank translation",
        { description: { originalLanguage: "en", translations: [{ lang: "en", value: "  " }] } },
        /description.translations\[0\].value: must not be blank/,
      ],
      ["too many disciplines", { disciplines: Array(21).fill("FILM") }, /disciplines: must hold at most 20 disciplines/],
    ];
    it.each(cases)("refuses %s", async (_label, overrides, message) => {
      const result = await subgraph.execute(CREATE_ORGANISATION, { input: validInput(overrides) });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors![0].message).toMatch(message);
      expect(await countOrganisations()).toBe(0);
    });

    it("refuses a slug already used by another organisation", async () => {
      await createOrganisation({ slug: "cittadellarte" });
      const result = await subgraph.execute(CREATE_ORGANISATION, { input: validInput({ sourceId: "ca-2", slug: "cittadellarte" }) });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "slug" });
      expect(result.errors?.[0].message).toMatch(/cittadellarte is already used/);
      expect(await countOrganisations()).toBe(1);
    });

    it("refuses taking another organisation's slug on update and leaves it unchanged", async () => {
      await createOrganisation({ slug: "cittadellarte" });
      const other = await createOrganisation({ sourceId: "ca-2", name: "Hangar" });
      const result = await subgraph.execute(UPDATE_ORGANISATION, { id: other.id, input: { slug: "cittadellarte", city: "Barcelona" } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "slug" });
      const [row] = await subgraph.dataSource.query("SELECT slug, city FROM organisation WHERE id = $1", [other.id]);
      expect(row).toEqual({ slug: "hangar", city: "Biella" });
    });

    it("refuses clearing the name, kind, country or slug on update and leaves the organisation unchanged", async () => {
      const created = await createOrganisation();
      const result = await subgraph.execute(UPDATE_ORGANISATION, {
        id: created.id,
        input: { name: null, kind: null, country: null, slug: null, city: "Turin" },
      });
      expect(result.errors).toHaveLength(1);
      const violations = (result.errors![0].extensions!.violations as Array<{ field: string }>).map((violation) => violation.field);
      expect(violations).toEqual(["name", "slug", "kind", "country"]);
      const [row] = await subgraph.dataSource.query("SELECT name, kind, country, city FROM organisation");
      expect(row).toEqual({ name: "Fondazione Pistoletto – Cittadellarte", kind: "NGO", country: "IT", city: "Biella" });
    });
  });

  describe("listing", () => {
    beforeEach(async () => {
      const organisations = [
        {
          name: "Ars Electronica",
          country: "AT",
          kind: "PUBLIC_BODY",
          disciplines: ["DIGITAL_ART"],
          services: ["SHOWCASE"],
          workingLanguages: ["de", "en"],
          network: "digital-arts",
        },
        {
          name: "Bureau 100% Design",
          country: "HU",
          kind: "CREATIVE_HUB",
          disciplines: ["PRODUCT_DESIGN"],
          services: ["INCUBATION"],
          workingLanguages: ["hu"],
          network: "design-hubs",
        },
        {
          name: "Calouste Gulbenkian Foundation",
          country: "PT",
          kind: "FUNDER",
          disciplines: ["MUSEUMS"],
          services: ["FUNDING"],
          workingLanguages: ["pt-PT"],
          network: "culture-agora",
        },
        {
          name: "Darat al Funun",
          country: "JO",
          kind: "NGO",
          disciplines: ["FINE_ARTS"],
          services: ["SHOWCASE", "RESIDENCY_HOSTING"],
          workingLanguages: ["ar", "en"],
          network: "culture-agora",
        },
        {
          name: "IETM",
          country: "BE",
          kind: "NETWORK",
          disciplines: ["THEATRE"],
          services: ["NETWORKING"],
          workingLanguages: ["en", "fr"],
          network: "culture-agora",
        },
      ];
      for (const [index, organisation] of organisations.entries()) await createOrganisation({ ...organisation, sourceId: `o-${index}`, description: null });
      // Creation times one minute apart, so "newest" has one answer however fast the inserts ran.
      await subgraph.dataSource.query(
        "UPDATE organisation SET created_at = now() - (SELECT count(*) FROM organisation o WHERE o.name > organisation.name) * interval '1 minute'",
      );
    });

    const names = (result: { data?: Record<string, unknown> | null }) =>
      (result.data!.organisations as { edges: Array<{ node: { name: string } }> }).edges.map((edge) => edge.node.name);

    it("walks all pages by name with stable cursors and reports the total", async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const result = await subgraph.execute(LIST_ORGANISATIONS, { first: 2, after });
        const organisations = result.data!.organisations as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } };
        expect(organisations.totalCount).toBe(5);
        seen.push(...names(result));
        after = organisations.pageInfo.endCursor;
        expect(organisations.pageInfo.hasNextPage).toBe(page < 2);
      }
      expect(seen).toEqual(["Ars Electronica", "Bureau 100% Design", "Calouste Gulbenkian Foundation", "Darat al Funun", "IETM"]);
    });

    it("keeps a cursor's place when organisations are added before it", async () => {
      const first = await subgraph.execute(LIST_ORGANISATIONS, { first: 2 });
      const after = (first.data!.organisations as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
      await createOrganisation({ name: "Aalto Arts Hub", sourceId: "new", country: "FI" });
      expect(names(await subgraph.execute(LIST_ORGANISATIONS, { first: 2, after }))).toEqual(["Calouste Gulbenkian Foundation", "Darat al Funun"]);
    });

    it("orders by newest first when asked, across pages", async () => {
      const first = await subgraph.execute(LIST_ORGANISATIONS, { first: 2, orderBy: "NEWEST" });
      expect(names(first)).toEqual(["IETM", "Darat al Funun"]);
      const after = (first.data!.organisations as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
      expect(names(await subgraph.execute(LIST_ORGANISATIONS, { first: 2, after, orderBy: "NEWEST" }))).toEqual([
        "Calouste Gulbenkian Foundation",
        "Bureau 100% Design",
      ]);
    });

    it("walks newest-first pages without repeats or gaps when organisations share a creation time", async () => {
      // As after a bulk seed: one timestamp, given with microseconds the column rounds away.
      await subgraph.dataSource.query("UPDATE organisation SET created_at = '2025-03-01 10:00:00.123456+00'");
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const result = await subgraph.execute(LIST_ORGANISATIONS, { first: 2, after, orderBy: "NEWEST" });
        expect(result.errors).toBeUndefined();
        seen.push(...names(result));
        const { pageInfo } = result.data!.organisations as { pageInfo: { hasNextPage: boolean; endCursor: string } };
        after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      } while (after);
      expect(seen.sort()).toEqual(["Ars Electronica", "Bureau 100% Design", "Calouste Gulbenkian Foundation", "Darat al Funun", "IETM"]);
    });

    it.each([
      ["countries", { countries: ["PT", "BE"] }, ["Calouste Gulbenkian Foundation", "IETM"]],
      ["a discipline domain, matching its practices", { disciplines: ["VISUAL_ARTS_AND_CRAFTS"] }, ["Darat al Funun"]],
      ["a discipline practice", { disciplines: ["DIGITAL_ART", "THEATRE"] }, ["Ars Electronica", "IETM"]],
      ["a base language, matching regional variants", { languages: ["pt"] }, ["Calouste Gulbenkian Foundation"]],
      ["languages", { languages: ["en"] }, ["Ars Electronica", "Darat al Funun", "IETM"]],
      ["networks", { networks: ["design-hubs", "digital-arts"] }, ["Ars Electronica", "Bureau 100% Design"]],
      ["kinds", { kinds: ["FUNDER", "NETWORK"] }, ["Calouste Gulbenkian Foundation", "IETM"]],
      ["services", { services: ["SHOWCASE"] }, ["Ars Electronica", "Darat al Funun"]],
      ["name text, case-insensitive", { text: "FUNUN" }, ["Darat al Funun"]],
      ["name text with LIKE metacharacters taken literally", { text: "100%" }, ["Bureau 100% Design"]],
      ["name text with an underscore taken literally", { text: "_" }, []],
      ["several criteria at once", { networks: ["culture-agora"], languages: ["en"] }, ["Darat al Funun", "IETM"]],
    ])("filters by %s", async (_label, filter, expected) => {
      const result = await subgraph.execute(LIST_ORGANISATIONS, { filter });
      expect(result.errors).toBeUndefined();
      expect(names(result)).toEqual(expected);
      expect((result.data!.organisations as { totalCount: number }).totalCount).toBe(expected.length);
    });

    it.each([
      ["an unknown kind in the filter", { filter: { kinds: ["SECRET_SOCIETY"] } }, /SECRET_SOCIETY/],
      ["a bad network slug in the filter", { filter: { networks: ["Bad Slug"] } }, /each network must be a slug/],
    ])("refuses %s", async (_label, variables, message) => {
      const result = await subgraph.execute(LIST_ORGANISATIONS, variables);
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(message);
    });
  });
});

describe("organisations subgraph: the change feed", () => {
  const changesOf = (id: string) =>
    subgraph.dataSource.query("SELECT kind, public, document FROM record_change WHERE record_id = $1 ORDER BY seq", [id]) as Promise<
      Array<{ kind: string; public: boolean; document: Record<string, any> | null }>
    >;

  it("writes a created organisation with its kind, titled by its name, and its deletion", async () => {
    const created = await createOrganisation();
    const [change] = await changesOf(created.id);
    expect(change).toMatchObject({ kind: "CREATED", public: true });
    expect(change.document).toEqual({
      terms: {
        disciplines: ["FINE_ARTS", "VISUAL_ARTS_AND_CRAFTS", "FASHION_DESIGN", "DESIGN_AND_CREATIVE_SERVICES"],
        countries: ["IT"],
        languages: ["it", "en-GB", "en"],
        networks: ["culture-agora"],
        organisationKinds: ["NGO"],
      },
      text: "Fondazione Pistoletto – Cittadellarte\nArte e trasformazione sociale responsabile.\nArt and responsible social change.\nBiella",
      title: { originalLanguage: "it", translations: [{ lang: "it", value: "Fondazione Pistoletto – Cittadellarte", machineTranslated: false }] },
      summary: null,
      deadline: null,
      path: `/organisations/${created.id}`,
    });
    expect((await subgraph.execute(DELETE_ORGANISATION, { id: created.id })).errors).toBeUndefined();
    expect((await changesOf(created.id)).map((row) => row.kind)).toEqual(["CREATED", "DELETED"]);
  });
});

describeEntityContract({
  typename: "Organisation",
  subgraph: () => subgraph,
  input: (index) => validInput({ sourceId: `contract-${index}`, name: `Organisation ${index}` }),
  create: { mutation: CREATE_ORGANISATION, field: "createOrganisation" },
  get: { query: GET_ORGANISATION, field: "organisation" },
  update: { mutation: UPDATE_ORGANISATION, input: { city: "Turin" } },
  delete: { mutation: DELETE_ORGANISATION, field: "deleteOrganisation" },
  list: { query: LIST_ORGANISATIONS },
  entities: ORGANISATION_ENTITIES,
  countRows: countOrganisations,
});
