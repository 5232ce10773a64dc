import { describeEntityContract, startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { opportunitiesSubgraph } from "../opportunities.subgraph";
import type { OpportunityLoaders } from "../opportunity/opportunity.loaders";
import {
  CREATE_OPPORTUNITY,
  DELETE_OPPORTUNITY,
  GET_OPPORTUNITY,
  LIST_OPPORTUNITIES,
  OPPORTUNITY_ENTITIES,
  PERSON_ENTITIES,
  UPDATE_OPPORTUNITY,
} from "./opportunity.operations";

let subgraph: TestSubgraph<OpportunityLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(opportunitiesSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE opportunity"));

const PUBLISHER = "0b7e3c52-1d4a-4f6e-9a21-3c5d7e9f1a2b";
const OTHER_PUBLISHER = "5d2f8a61-7b3c-4e9d-8f10-2a4b6c8d0e1f";
const THIRD_PUBLISHER = "9c4e6a83-2d5f-4a7b-9c1e-3f5a7b9d1c2e";
const CONTACT = "3a1b5c7d-9e2f-4a6b-8c0d-1e3f5a7b9c2d";

/** An ISO date-time `n` days from now (negative: in the past). */
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

const validInput = (overrides: Record<string, unknown> = {}) => ({
  network: "culture-agora",
  sourceId: "ca-1",
  type: "RESIDENCY",
  title: {
    originalLanguage: "fr",
    translations: [
      { lang: "fr", value: "Résidence d'écriture à Tunis" },
      { lang: "en", value: "Writing Residency in Tunis", machineTranslated: true },
    ],
  },
  summary: {
    originalLanguage: "en",
    translations: [
      { lang: "en", value: "Six weeks to write." },
      { lang: "fr", value: "Six semaines pour écrire." },
    ],
  },
  description: { originalLanguage: "en", translations: [{ lang: "en", value: "Housing, studio and a stipend." }] },
  publisherId: PUBLISHER,
  contactId: CONTACT,
  disciplines: ["LITERATURE", "THEATRE"],
  eligibleCountries: ["TN", "MA", "FR"],
  opensAt: daysFromNow(-10),
  deadline: daysFromNow(30),
  amount: { min: 1500, max: 2500.5, currency: "EUR" },
  costsCovered: ["TRAVEL", "ACCOMMODATION"],
  applicationUrl: "https://example.org/calls/tunis",
  remote: false,
  city: "Tunis",
  country: "TN",
  workingLanguages: ["fr", "ar", "pt-br"],
  ...overrides,
});

async function createOpportunity(overrides: Record<string, unknown> = {}) {
  const result = await subgraph.execute<{ createOpportunity: Record<string, unknown> & { id: string } }>(CREATE_OPPORTUNITY, {
    input: validInput(overrides),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createOpportunity;
}

async function countOpportunities(): Promise<number> {
  const [{ count }] = await subgraph.dataSource.query("SELECT count(*)::int AS count FROM opportunity");
  return count;
}

describe("opportunities subgraph: opportunity", () => {
  it("creates an opportunity and reads it back with every field", async () => {
    const created = await createOpportunity();
    const result = await subgraph.execute(GET_OPPORTUNITY, { id: created.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.opportunity).toMatchObject({
      network: "culture-agora",
      sourceId: "ca-1",
      type: "RESIDENCY",
      status: "OPEN",
      disciplines: ["LITERATURE", "THEATRE"],
      eligibleCountries: ["TN", "MA", "FR"],
      costsCovered: ["TRAVEL", "ACCOMMODATION"],
      applicationUrl: "https://example.org/calls/tunis",
      remote: false,
      city: "Tunis",
      country: "TN",
      workingLanguages: ["fr", "ar", "pt-BR"],
      title: {
        originalLanguage: "fr",
        text: "Résidence d'écriture à Tunis",
        translations: [
          { lang: "fr", machineTranslated: false },
          { lang: "en", machineTranslated: true },
        ],
      },
      summary: { text: "Six semaines pour écrire.", textLanguage: "fr" },
      description: { text: "Housing, studio and a stipend." },
      amount: { min: 1500, max: 2500.5, currency: "EUR" },
      publisher: { id: PUBLISHER },
      contactId: CONTACT,
    });
  });

  it("opens an opportunity now when opensAt is omitted, and accepts a rolling call without deadline or amount", async () => {
    const before = Date.now();
    const created = await createOpportunity({ opensAt: undefined, deadline: null, amount: null, contactId: null });
    expect(new Date(created.opensAt as string).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(created).toMatchObject({ status: "OPEN", deadline: null, amount: null, contactId: null });
  });

  it("derives the status from the dates: forthcoming before opening, closed after the deadline", async () => {
    const forthcoming = await createOpportunity({ sourceId: "f", opensAt: daysFromNow(3), deadline: daysFromNow(40) });
    const closed = await createOpportunity({ sourceId: "c", opensAt: daysFromNow(-40), deadline: daysFromNow(-1) });
    expect(forthcoming.status).toBe("FORTHCOMING");
    expect(closed.status).toBe("CLOSED");
  });

  it("accepts an amount given as a ceiling only", async () => {
    const created = await createOpportunity({ amount: { max: 10000, currency: "MAD" } });
    expect(created.amount).toEqual({ min: null, max: 10000, currency: "MAD" });
  });

  it("updates given fields, clears fields set to null and keeps the others", async () => {
    const created = await createOpportunity();
    const result = await subgraph.execute<{ updateOpportunity: Record<string, unknown> }>(UPDATE_OPPORTUNITY, {
      id: created.id,
      input: { type: "GRANT", deadline: null, amount: null, city: null, contactId: null, disciplines: ["FILM"] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateOpportunity).toMatchObject({
      type: "GRANT",
      deadline: null,
      amount: null,
      city: null,
      contactId: null,
      disciplines: ["FILM"],
      country: "TN",
      eligibleCountries: ["TN", "MA", "FR"],
      publisher: { id: PUBLISHER },
      status: "OPEN",
    });
    const [row] = await subgraph.dataSource.query("SELECT amount_min, amount_max, currency FROM opportunity");
    expect(row).toEqual({ amount_min: null, amount_max: null, currency: null });
  });

  it("replaces the amount as a whole on update", async () => {
    const created = await createOpportunity();
    const result = await subgraph.execute<{ updateOpportunity: { amount: unknown } }>(UPDATE_OPPORTUNITY, {
      id: created.id,
      input: { amount: { min: 20000, max: 20000, currency: "TND" } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateOpportunity.amount).toEqual({ min: 20000, max: 20000, currency: "TND" });
  });

  describe("bad input is refused with an error naming the field, and nothing is written", () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ["an unknown type", { type: "LOTTERY" }, /"LOTTERY".*OpportunityType/],
      ["a bad eligible country", { eligibleCountries: ["FR", "XX"] }, /"XX".*CountryCode/],
      ["an unknown currency", { amount: { max: 10, currency: "EURO" } }, /"EURO".*CurrencyCode/],
      ["an unknown cost", { costsCovered: ["LUNCH"] }, /"LUNCH".*CostCovered/],
      ["a title without any version", { title: { originalLanguage: "en", translations: [] } }, /title.translations: must hold at least one language version/],
      [
        "a blank title",
        { title: { originalLanguage: "en", translations: [{ lang: "en", value: "   " }] } },
        /title.translations\[0\].value: must not be blank/,
      ],
      ["a title without its original language", { title: { originalLanguage: "ar", translations: [{ lang: "en", value: "Call" }] } }, /title.originalLanguage/],
      [
        "a title too long for a list",
        { title: { originalLanguage: "en", translations: [{ lang: "en", value: "x".repeat(301) }] } },
        /title.translations\[0\].value: must be at most 300 characters/,
      ],
      ["a deadline before the opening", { opensAt: daysFromNow(5), deadline: daysFromNow(2) }, /deadline: must be after opensAt/],
      ["a deadline equal to the opening", { opensAt: "2030-01-01T00:00:00.000Z", deadline: "2030-01-01T00:00:00.000Z" }, /deadline: must be after opensAt/],
      ["a deadline before the default opening (now)", { opensAt: undefined, deadline: daysFromNow(-1) }, /deadline: must be after opensAt/],
      ["an amount without currency", { amount: { min: 100, max: 200 } }, /currency.*CurrencyCode!.*was not provided/],
      ["an amount without min or max", { amount: { currency: "EUR" } }, /amount: give min, max or both/],
      ["an amount whose min exceeds its max", { amount: { min: 5000, max: 1000, currency: "EUR" } }, /amount.max: must not be less than amount.min/],
      ["a negative amount", { amount: { min: -1, max: 10, currency: "EUR" } }, /amount.min: must not be negative/],
      ["an absurd amount", { amount: { max: 1e15, currency: "EUR" } }, /amount.max: must be at most/],
      ["a malformed publisher id", { publisherId: "org-42" }, /publisherId: "org-42" is not a valid id/],
      ["a malformed contact id", { contactId: "nobody" }, /contactId: "nobody" is not a valid id/],
      ["a javascript: URL", { applicationUrl: "javascript:alert(1)" }, /not an absolute http\(s\) URL/],
      ["an unknown language tag", { workingLanguages: ["klingon-x"] }, /not a supported BCP 47 language tag/],
      ["a bad date", { deadline: "next Tuesday" }, /input.deadline.*invalid date-time/],
      ["too many disciplines", { disciplines: Array(21).fill("FILM") }, /disciplines: must hold at most 20 disciplines/],
      ["a bad network slug", { network: "Not A Slug" }, /network: must be a slug/],
      ["a cleared remote flag", { remote: null }, /remote: must be true or false/],
    ];
    it.each(cases)("refuses %s", async (_label, overrides, message) => {
      const result = await subgraph.execute(CREATE_OPPORTUNITY, { input: validInput(overrides) });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors![0].message).toMatch(message);
      expect(await countOpportunities()).toBe(0);
    });

    it("names the deadline in the error extensions", async () => {
      const result = await subgraph.execute(CREATE_OPPORTUNITY, { input: validInput({ opensAt: daysFromNow(5), deadline: daysFromNow(1) }) });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "deadline" });
    });

    it("reports every violation at once", async () => {
      const result = await subgraph.execute(CREATE_OPPORTUNITY, {
        input: validInput({ publisherId: "x", deadline: daysFromNow(-20), amount: { min: 9, max: 1, currency: "EUR" } }),
      });
      const fields = (result.errors?.[0].extensions?.violations as Array<{ field: string }>).map((v) => v.field);
      expect(fields).toEqual(["publisherId", "amount.max", "deadline"]);
    });

    it("refuses a deadline before the stored opening on update and leaves the opportunity unchanged", async () => {
      const created = await createOpportunity();
      const result = await subgraph.execute(UPDATE_OPPORTUNITY, { id: created.id, input: { deadline: daysFromNow(-20), city: "Sfax" } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "deadline" });
      const [row] = await subgraph.dataSource.query("SELECT city, deadline FROM opportunity");
      expect(row.city).toBe("Tunis");
      expect(row.deadline.toISOString()).toBe(created.deadline);
    });

    it("refuses moving the opening past the stored deadline on update", async () => {
      const created = await createOpportunity();
      const result = await subgraph.execute(UPDATE_OPPORTUNITY, { id: created.id, input: { opensAt: daysFromNow(60) } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "deadline" });
    });

    it.each([
      ["the title", { title: null }, /title: must not be null/],
      ["the type", { type: null }, /type: must not be null/],
      ["the publisher", { publisherId: null }, /publisherId: must not be null/],
      ["the opening date", { opensAt: null }, /opensAt: must not be null/],
    ])("refuses clearing %s on update", async (_label, input, message) => {
      const created = await createOpportunity();
      const result = await subgraph.execute(UPDATE_OPPORTUNITY, { id: created.id, input });
      expect(result.errors?.[0].message).toMatch(message);
    });
  });

  describe("listing", () => {
    const fixtures = [
      {
        sourceId: "atlas",
        type: "RESIDENCY",
        title: {
          originalLanguage: "en",
          translations: [
            { lang: "en", value: "Atlas Residency" },
            { lang: "fr", value: "Résidence de l'Atlas" },
          ],
        },
        opensAt: daysFromNow(-10),
        deadline: daysFromNow(5),
        eligibleCountries: [],
        country: "MA",
        disciplines: ["PHOTOGRAPHY"],
        workingLanguages: ["ar", "fr"],
        network: "creative-tracks",
        publisherId: PUBLISHER,
      },
      {
        sourceId: "balkan",
        type: "MOBILITY_GRANT",
        title: { originalLanguage: "en", translations: [{ lang: "en", value: "Balkan Touring Grant" }] },
        opensAt: daysFromNow(-30),
        deadline: null,
        eligibleCountries: ["RS", "AL", "FR"],
        country: "RS",
        disciplines: ["MUSIC"],
        workingLanguages: ["en", "sr"],
        network: "culture-agora",
        publisherId: PUBLISHER,
      },
      {
        sourceId: "coastal",
        type: "PRIZE",
        title: { originalLanguage: "fr", translations: [{ lang: "fr", value: "Prix des côtes 100%" }] },
        opensAt: daysFromNow(-60),
        deadline: daysFromNow(-1),
        eligibleCountries: ["FR", "DE"],
        country: "FR",
        disciplines: ["FINE_ARTS"],
        workingLanguages: ["fr"],
        network: "creative-tracks",
        publisherId: OTHER_PUBLISHER,
      },
      {
        sourceId: "digital",
        type: "TRAINING_COURSE",
        title: {
          originalLanguage: "ar",
          translations: [
            { lang: "ar", value: "مختبر رقمي" },
            { lang: "en", value: "Digital Lab", machineTranslated: true },
          ],
        },
        opensAt: daysFromNow(10),
        deadline: daysFromNow(40),
        eligibleCountries: ["TN", "MA"],
        country: "TN",
        disciplines: ["DIGITAL_ART"],
        workingLanguages: ["pt-BR"],
        network: "culture-agora",
        publisherId: OTHER_PUBLISHER,
      },
      {
        sourceId: "euro-job",
        type: "JOB",
        title: {
          originalLanguage: "de",
          translations: [
            { lang: "de", value: "Stelle in Berlin" },
            { lang: "en", value: "Job in Berlin" },
          ],
        },
        opensAt: daysFromNow(-5),
        deadline: daysFromNow(20),
        eligibleCountries: ["DE"],
        country: "DE",
        disciplines: ["ARCHITECTURE"],
        workingLanguages: ["de", "en"],
        network: "design-hub",
        publisherId: THIRD_PUBLISHER,
      },
    ];

    beforeEach(async () => {
      for (const fixture of fixtures) await createOpportunity(fixture);
      // Distinct creation times, one minute apart in fixture order, so NEWEST is predictable.
      await subgraph.dataSource.query(
        `UPDATE opportunity SET created_at = timestamptz '2026-01-01T00:00:00Z' + (array_position($1::text[], source_id) * interval '1 minute')`,
        [fixtures.map((fixture) => fixture.sourceId)],
      );
    });

    type Listing = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { sourceId: string } }> };
    const list = async (variables: Record<string, unknown>) => {
      const result = await subgraph.execute<{ opportunities: Listing }>(LIST_OPPORTUNITIES, variables);
      expect(result.errors).toBeUndefined();
      return result.data!.opportunities;
    };
    const sourceIds = (listing: Listing) => listing.edges.map((edge) => edge.node.sourceId);

    it("lists the newest first by default", async () => {
      expect(sourceIds(await list({}))).toEqual(["euro-job", "digital", "coastal", "balkan", "atlas"]);
    });

    it("orders by opening date, earliest first, when asked", async () => {
      expect(sourceIds(await list({ orderBy: "OPENS_AT" }))).toEqual(["coastal", "balkan", "atlas", "euro-job", "digital"]);
    });

    it.each(["NEWEST", "OPENS_AT"])("walks all pages in %s order with stable cursors and reports the total", async (orderBy) => {
      const everything = sourceIds(await list({ orderBy }));
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const listing: Listing = await list({ first: 2, after, orderBy });
        expect(listing.totalCount).toBe(5);
        expect(listing.pageInfo.hasNextPage).toBe(page < 2);
        seen.push(...sourceIds(listing));
        after = listing.pageInfo.endCursor;
      }
      expect(seen).toEqual(everything);
    });

    it("keeps a cursor's place when opportunities are added before it", async () => {
      const first = await list({ first: 2 });
      await createOpportunity({ sourceId: "newer", publisherId: PUBLISHER });
      expect(sourceIds(await list({ first: 2, after: first.pageInfo.endCursor }))).toEqual(["coastal", "balkan"]);
    });

    it("pages through opportunities created in the same instant without skipping any", async () => {
      await subgraph.dataSource.query("UPDATE opportunity SET created_at = timestamptz '2026-02-03T04:05:06.123456Z'");
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const listing: Listing = await list({ first: 2, after });
        seen.push(...sourceIds(listing));
        after = listing.pageInfo.hasNextPage ? listing.pageInfo.endCursor : null;
      } while (after);
      expect(seen.sort()).toEqual(fixtures.map((fixture) => fixture.sourceId).sort());
    });

    it("answers an empty page for first: 0 and still counts", async () => {
      const listing = await list({ first: 0 });
      expect(listing.edges).toEqual([]);
      expect(listing.totalCount).toBe(5);
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ["types", { types: ["RESIDENCY", "JOB"] }, ["atlas", "euro-job"]],
      ["status OPEN, including rolling calls", { statuses: ["OPEN"] }, ["atlas", "balkan", "euro-job"]],
      ["status FORTHCOMING", { statuses: ["FORTHCOMING"] }, ["digital"]],
      ["status CLOSED", { statuses: ["CLOSED"] }, ["coastal"]],
      ["several statuses", { statuses: ["FORTHCOMING", "CLOSED"] }, ["coastal", "digital"]],
      ["a discipline domain, matching its practices", { disciplines: ["VISUAL_ARTS_AND_CRAFTS"] }, ["atlas", "coastal"]],
      ["eligibility, matching listed countries and worldwide calls", { eligibleFor: "MA" }, ["atlas", "digital"]],
      ["eligibility for a country listed nowhere, matching worldwide calls only", { eligibleFor: "JP" }, ["atlas"]],
      ["eligibility for France", { eligibleFor: "FR" }, ["atlas", "balkan", "coastal"]],
      ["location countries", { countries: ["RS", "TN"] }, ["balkan", "digital"]],
      ["a base language, matching regional variants", { languages: ["pt"] }, ["digital"]],
      ["languages", { languages: ["en"] }, ["balkan", "euro-job"]],
      ["networks", { networks: ["design-hub"] }, ["euro-job"]],
      ["publishers", { publisherIds: [OTHER_PUBLISHER] }, ["coastal", "digital"]],
      ["title text, case-insensitive", { text: "ATLAS" }, ["atlas"]],
      ["title text in a translation", { text: "job in" }, ["euro-job"]],
      ["title text in Arabic", { text: "رقمي" }, ["digital"]],
      ["title text with LIKE metacharacters taken literally", { text: "100%" }, ["coastal"]],
      ["title text with an underscore taken literally", { text: "_" }, []],
      ["deadlines within 7 days", { closingWithinDays: 7 }, ["atlas"]],
      ["deadlines within 30 days", { closingWithinDays: 30 }, ["atlas", "euro-job"]],
      ["several criteria at once", { statuses: ["OPEN"], eligibleFor: "DE" }, ["atlas", "euro-job"]],
    ])("filters by %s", async (_label, filter, expected) => {
      const listing = await list({ filter });
      expect(sourceIds(listing).sort()).toEqual([...expected].sort());
      expect(listing.totalCount).toBe(expected.length);
    });

    it.each([
      ["closingWithinDays of 0", { filter: { closingWithinDays: 0 } }, /filter.closingWithinDays: must be at least 1/],
      ["closingWithinDays over a year", { filter: { closingWithinDays: 367 } }, /filter.closingWithinDays: must be at most 366/],
      ["a malformed publisher id", { filter: { publisherIds: ["nope"] } }, /filter.publisherIds\[0\]/],
      ["an unknown status", { filter: { statuses: ["ARCHIVED"] } }, /"ARCHIVED".*OpportunityStatus/],
      ["a bad eligibility country", { filter: { eligibleFor: "XX" } }, /"XX".*CountryCode/],
    ])("refuses %s", async (_label, variables, message) => {
      const result = await subgraph.execute(LIST_OPPORTUNITIES, variables);
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(message);
    });
  });

  describe("_entities", () => {
    it("answers Person representations with key-only stubs and no SQL", async () => {
      subgraph.queries.reset();
      const result = await subgraph.execute(PERSON_ENTITIES, { representations: [{ __typename: "Person", id: CONTACT }] });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ _entities: [{ id: CONTACT }] });
      expect(subgraph.queries.count).toBe(0);
    });
  });
});

describe("opportunities subgraph: the change feed", () => {
  const changesOf = (id: string) =>
    subgraph.dataSource.query("SELECT kind, public, document FROM record_change WHERE record_id = $1 ORDER BY seq", [id]) as Promise<
      Array<{ kind: string; public: boolean; document: Record<string, any> | null }>
    >;

  it("writes a created opportunity with its terms, text and deadline, and its deletion without them", async () => {
    const created = await createOpportunity({ deadline: "2031-05-01T12:00:00.000Z" });
    const [change] = await changesOf(created.id);
    expect(change).toMatchObject({ kind: "CREATED", public: true });
    expect(change.document).toEqual({
      terms: {
        disciplines: ["LITERATURE", "BOOKS_AND_PRESS", "THEATRE", "PERFORMANCE_AND_CELEBRATION"],
        countries: ["TN"],
        languages: ["fr", "ar", "pt-BR", "pt"],
        networks: ["culture-agora"],
        opportunityTypes: ["RESIDENCY"],
        eligibleFor: ["TN", "MA", "FR"],
      },
      text: "Résidence d'écriture à Tunis\nWriting Residency in Tunis\nSix weeks to write.\nSix semaines pour écrire.\nHousing, studio and a stipend.\nTunis",
      title: expect.objectContaining({ originalLanguage: "fr" }),
      summary: expect.objectContaining({ originalLanguage: "en" }),
      deadline: "2031-05-01T12:00:00.000Z",
      path: `/opportunities/${created.id}`,
    });
    expect((await subgraph.execute(DELETE_OPPORTUNITY, { id: created.id })).errors).toBeUndefined();
    expect((await changesOf(created.id)).map(({ kind, public: visible, document }) => [kind, visible, document])).toEqual([
      ["CREATED", true, change.document],
      ["DELETED", false, null],
    ]);
  });

  it("marks an opportunity open worldwide as eligible for any country ('*'), as the eligibleFor filter reads it", async () => {
    const created = await createOpportunity({ eligibleCountries: [] });
    const [change] = await changesOf(created.id);
    expect(change.document!.terms.eligibleFor).toEqual(["*"]);
  });
});

describeEntityContract({
  typename: "Opportunity",
  subgraph: () => subgraph,
  input: (index) => validInput({ sourceId: `contract-${index}` }),
  create: { mutation: CREATE_OPPORTUNITY, field: "createOpportunity" },
  get: { query: GET_OPPORTUNITY, field: "opportunity" },
  update: { mutation: UPDATE_OPPORTUNITY, input: { city: "Sfax" } },
  delete: { mutation: DELETE_OPPORTUNITY, field: "deleteOpportunity" },
  list: { query: LIST_OPPORTUNITIES },
  entities: OPPORTUNITY_ENTITIES,
  countRows: countOpportunities,
});
