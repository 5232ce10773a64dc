import { LocalizedText } from "@agora-hub/subgraph-kit";
import { describeEntityContract, type OperationResult, startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import type { CreativeTracksLoaders } from "../creative-tracks.loaders";
import { creativeTracksSubgraph } from "../creative-tracks.subgraph";
import { CreativeTracksLab } from "../lab/lab.entity";
import { CreativeTracksCollaboratorRole as Role } from "../lab/lab.type";
import { CREATE_LAB, DELETE_LAB, GET_LAB, LAB_ENTITIES, LIST_LABS } from "./creative-tracks.operations";

let subgraph: TestSubgraph<CreativeTracksLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(creativeTracksSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE lab"));

const DAY_MS = 24 * 60 * 60 * 1000;
const AUTHOR_ID = "0b7c5a52-8f0e-4c1e-9d55-6a1f3b2c4d5e";
const HOST_ID = "7d3e2f10-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);

const validInput = (overrides: Record<string, unknown> = {}) => ({
  network: "creative-tracks",
  sourceId: "lab-1",
  title: {
    originalLanguage: "ar",
    translations: [
      { lang: "ar", value: "مختبر مسرح الشارع" },
      { lang: "fr", value: "Laboratoire de théâtre de rue", machineTranslated: true },
    ],
  },
  description: {
    originalLanguage: "fr",
    translations: [
      { lang: "fr", value: "Nous cherchons des metteurs en scène à Tunis." },
      { lang: "en", value: "We look for directors in Tunis." },
    ],
  },
  link: "https://example.org/labs/street-theatre",
  disciplines: ["THEATRE", "CIRCUS_AND_STREET_ARTS", "THEATRE"],
  lookingFor: ["CO_CREATOR", "MENTOR"],
  countriesSought: ["TN", "FR"],
  expiresAt: inDays(30).toISOString(),
  authorId: AUTHOR_ID,
  hostOrganisationId: HOST_ID,
  ...overrides,
});

async function createLab(overrides: Record<string, unknown> = {}) {
  const result = await subgraph.execute<{ creativeTracksCreateLab: { id: string } }>(CREATE_LAB, { input: validInput(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!.creativeTracksCreateLab;
}

async function countLabs(): Promise<number> {
  const [{ count }] = await subgraph.dataSource.query("SELECT count(*)::int AS count FROM lab");
  return count;
}

/** Writes a lab straight to the table, for states the API refuses to create (already expired) and fixed creation times. */
function labRow(sourceId: string, fields: Partial<CreativeTracksLab> & { titleText?: Record<string, string> }): CreativeTracksLab {
  const { titleText = { en: sourceId }, ...rest } = fields;
  const [original] = Object.keys(titleText);
  const text = (versions: Record<string, string>) =>
    LocalizedText.from({
      originalLanguage: original,
      translations: Object.entries(versions).map(([lang, value]) => ({ lang, value, machineTranslated: false })),
    });
  return Object.assign(new CreativeTracksLab(), {
    network: "creative-tracks",
    sourceId,
    title: text(titleText),
    description: text(titleText),
    link: null,
    disciplines: ["CROSS_DISCIPLINARY"],
    lookingFor: [Role.CO_CREATOR],
    countriesSought: [],
    expiresAt: null,
    authorId: AUTHOR_ID,
    hostOrganisationId: null,
    ...rest,
  });
}

async function insertLabs(labs: CreativeTracksLab[]): Promise<string[]> {
  const result = await subgraph.dataSource.createQueryBuilder().insert().into(CreativeTracksLab).values(labs).execute();
  return result.identifiers.map((identifier) => identifier.id as string);
}

describe("creative_tracks subgraph: Ideation Labs", () => {
  it("creates a lab and reads it back with multilingual text, references and OPEN status", async () => {
    const created = await createLab();
    const result = await subgraph.execute(GET_LAB, { id: created.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.creativeTracksLab).toMatchObject({
      id: created.id,
      network: "creative-tracks",
      sourceId: "lab-1",
      link: "https://example.org/labs/street-theatre",
      disciplines: ["THEATRE", "CIRCUS_AND_STREET_ARTS"],
      lookingFor: ["CO_CREATOR", "MENTOR"],
      countriesSought: ["TN", "FR"],
      status: "OPEN",
      title: { originalLanguage: "ar", text: "مختبر مسرح الشارع", translations: [{ lang: "ar" }, { lang: "fr", machineTranslated: true }] },
      description: { text: "Nous cherchons des metteurs en scène à Tunis.", textLanguage: "fr" },
      author: { id: AUTHOR_ID },
      hostOrganisation: { id: HOST_ID },
    });
  });

  it("keeps a lab without expiry date or host organisation open", async () => {
    const created = await createLab({ expiresAt: null, hostOrganisationId: null });
    const result = await subgraph.execute(GET_LAB, { id: created.id });
    expect(result.data!.creativeTracksLab).toMatchObject({ expiresAt: null, status: "OPEN", hostOrganisation: null });
  });

  it("reports a lab whose expiry date has passed as EXPIRED", async () => {
    const [id] = await insertLabs([labRow("old", { createdAt: inDays(-20), expiresAt: inDays(-1) })]);
    const result = await subgraph.execute(GET_LAB, { id });
    expect(result.data!.creativeTracksLab).toMatchObject({ status: "EXPIRED" });
  });

  describe("who may write labs: Creative Tracks' own keys and the operator", () => {
    const creativeTracks = { viewer: { kind: "network", network: "creative-tracks" } } as const;
    const otherNetwork = { viewer: { kind: "network", network: "design-hubs" } } as const;
    const anonymous = { viewer: { kind: "anonymous" } } as const;

    it("lets a creative-tracks key create and delete a lab", async () => {
      const created = await subgraph.execute<{ creativeTracksCreateLab: { id: string } }>(CREATE_LAB, { input: validInput() }, creativeTracks);
      expect(created.errors).toBeUndefined();
      const id = created.data!.creativeTracksCreateLab.id;
      expect((await subgraph.execute(DELETE_LAB, { id }, creativeTracks)).data).toEqual({ creativeTracksDeleteLab: id });
      expect(await countLabs()).toBe(0);
    });

    it("refuses anonymous creates and deletes with UNAUTHENTICATED, writing nothing", async () => {
      const existing = await createLab();
      expect((await subgraph.execute(CREATE_LAB, { input: validInput({ sourceId: "anon" }) }, anonymous)).errors?.[0].extensions).toMatchObject({
        code: "UNAUTHENTICATED",
      });
      expect((await subgraph.execute(DELETE_LAB, { id: existing.id }, anonymous)).errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED" });
      expect(await countLabs()).toBe(1);
    });

    it("refuses another network's create with FORBIDDEN and answers its delete as for an unknown id", async () => {
      const existing = await createLab();
      const create = await subgraph.execute(CREATE_LAB, { input: validInput({ network: "design-hubs", sourceId: "other" }) }, otherNetwork);
      expect(create.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", field: "network" });
      expect((await subgraph.execute(DELETE_LAB, { id: existing.id }, otherNetwork)).errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND" });
      expect(await countLabs()).toBe(1);
    });

    it("refuses a creative-tracks key writing a lab under another network's slug", async () => {
      const result = await subgraph.execute(CREATE_LAB, { input: validInput({ network: "design-hubs" }) }, creativeTracks);
      expect(result.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", field: "network" });
      expect(await countLabs()).toBe(0);
    });
  });

  describe("bad input is refused with an error naming the field, and nothing is written", () => {
    const longTitle = { originalLanguage: "en", translations: [{ lang: "en", value: "x".repeat(201) }] };
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ["a missing title", { title: undefined }, /Field "title" of required type "LocalizedTextInput!" was not provided/],
      [
        "a blank title",
        { title: { originalLanguage: "en", translations: [{ lang: "en", value: "   " }] } },
        /title.translations\[0\].value: must not be blank/,
      ],
      ["a title over 200 characters", { title: longTitle }, /title.translations\[0\].value: must be at most 200 characters/],
      ["a title without its original language", { title: { originalLanguage: "es", translations: [{ lang: "en", value: "Hi" }] } }, /title.originalLanguage/],
      ["an expiry date in the past", { expiresAt: inDays(-1).toISOString() }, /expiresAt: must be in the future/],
      ["an expiry date more than two years ahead", { expiresAt: inDays(800).toISOString() }, /expiresAt: must be at most two years ahead/],
      [
        "more than 20 countries",
        { countriesSought: ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL"] },
        /countriesSought: must hold at most 20 countries/,
      ],
      ["a bad country code", { countriesSought: ["XX"] }, /"XX".*CountryCode/],
      ["an unknown role", { lookingFor: ["ASTRONAUT"] }, /ASTRONAUT.*CreativeTracksCollaboratorRole/],
      ["an unknown discipline", { disciplines: ["BASKET_WEAVING_ON_MARS"] }, /BASKET_WEAVING_ON_MARS.*Discipline/],
      ["no discipline", { disciplines: [] }, /disciplines: must hold at least one discipline/],
      ["no role sought", { lookingFor: [] }, /lookingFor: must hold at least one role/],
      ["a malformed author id", { authorId: "amira" }, /authorId: "amira" is not a valid id/],
      ["a malformed host organisation id", { hostOrganisationId: "42" }, /hostOrganisationId: "42" is not a valid id/],
      ["a bad network slug", { network: "Creative Tracks" }, /network: must be a slug/],
      ["a javascript: link", { link: "javascript:alert(1)" }, /not an absolute http\(s\) URL/],
    ];
    it.each(cases)("refuses %s", async (_label, overrides, message) => {
      const result = await subgraph.execute(CREATE_LAB, { input: validInput(overrides) });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors![0].message).toMatch(message);
      expect(await countLabs()).toBe(0);
    });

    it("reports every bad field at once", async () => {
      const result = await subgraph.execute(CREATE_LAB, { input: validInput({ authorId: "x", expiresAt: inDays(-3).toISOString() }) });
      expect(result.errors?.[0].extensions?.violations).toEqual([
        { field: "authorId", message: '"x" is not a valid id (a UUID)' },
        { field: "expiresAt", message: "must be in the future" },
      ]);
    });
  });

  describe("listing", () => {
    beforeEach(async () => {
      // Newest first: A, B, C, D, E.
      await insertLabs([
        labRow("A", {
          createdAt: inDays(-1),
          disciplines: ["PHOTOGRAPHY"],
          lookingFor: [Role.PRODUCER],
          countriesSought: ["PT"],
          expiresAt: inDays(10),
          titleText: { en: "A photo book on Lisbon" },
        }),
        labRow("B", {
          createdAt: inDays(-2),
          disciplines: ["MUSIC"],
          lookingFor: [Role.DISTRIBUTOR, Role.VENUE],
          countriesSought: ["DE", "AT"],
          expiresAt: inDays(-1),
          titleText: { de: "Ein Klangarchiv für Wien" },
        }),
        labRow("C", {
          createdAt: inDays(-3),
          disciplines: ["FINE_ARTS"],
          lookingFor: [Role.MENTOR],
          countriesSought: ["IT"],
          titleText: { it: "Pittura al 100% all'aperto" },
        }),
        labRow("D", {
          createdAt: inDays(-4),
          disciplines: ["FILM"],
          lookingFor: [Role.INVESTOR, Role.CO_CREATOR],
          countriesSought: ["LB", "TN"],
          expiresAt: inDays(30),
          titleText: { ar: "سينما الهاتف", fr: "Court métrage à Beyrouth" },
        }),
        labRow("E", { createdAt: inDays(-5), disciplines: ["DANCE"], lookingFor: [Role.VENUE], expiresAt: inDays(-3), titleText: { en: "Dance residency" } }),
      ]);
    });

    type LabPage = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { sourceId: string; status: string } }> };
    const labsOf = (result: { data?: Record<string, unknown> | null }) => result.data!.creativeTracksLabs as LabPage;
    const sourceIds = (result: { data?: Record<string, unknown> | null }) => labsOf(result).edges.map((edge) => edge.node.sourceId);

    it("lists labs newest first with their computed status", async () => {
      const result = await subgraph.execute(LIST_LABS, {});
      expect(labsOf(result).edges.map((edge) => [edge.node.sourceId, edge.node.status])).toEqual([
        ["A", "OPEN"],
        ["B", "EXPIRED"],
        ["C", "OPEN"],
        ["D", "OPEN"],
        ["E", "EXPIRED"],
      ]);
    });

    it("walks all pages with stable cursors and reports the total", async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const result: OperationResult = await subgraph.execute(LIST_LABS, { first: 2, after });
        expect(labsOf(result).totalCount).toBe(5);
        expect(labsOf(result).pageInfo.hasNextPage).toBe(page < 2);
        seen.push(...sourceIds(result));
        after = labsOf(result).pageInfo.endCursor;
      }
      expect(seen).toEqual(["A", "B", "C", "D", "E"]);
    });

    it("keeps a cursor's place when newer labs are posted", async () => {
      const first = await subgraph.execute(LIST_LABS, { first: 2 });
      await createLab({ sourceId: "newest" });
      expect(sourceIds(await subgraph.execute(LIST_LABS, { first: 2, after: labsOf(first).pageInfo.endCursor }))).toEqual(["C", "D"]);
    });

    it("pages through labs posted at the same moment without losing or repeating one", async () => {
      await subgraph.dataSource.query("TRUNCATE lab");
      // Concurrent posts often share a millisecond; cursors must still tell them apart.
      await Promise.all(Array.from({ length: 8 }, (_, i) => createLab({ sourceId: `quick-${i}` })));
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const result: OperationResult = await subgraph.execute(LIST_LABS, { first: 1, after });
        seen.push(...sourceIds(result));
        after = labsOf(result).pageInfo.hasNextPage ? labsOf(result).pageInfo.endCursor : null;
      } while (after);
      expect(seen).toHaveLength(8);
      expect(new Set(seen)).toEqual(new Set(Array.from({ length: 8 }, (_, i) => `quick-${i}`)));
    });

    it.each([
      ["a discipline domain, matching its practices", { disciplines: ["VISUAL_ARTS_AND_CRAFTS"] }, ["A", "C"]],
      ["countries sought", { countriesSought: ["TN", "PT"] }, ["A", "D"]],
      ["roles sought", { lookingFor: ["VENUE"] }, ["B", "E"]],
      ["open labs only", { openOnly: true }, ["A", "C", "D"]],
      ["openOnly false, meaning no restriction", { openOnly: false }, ["A", "B", "C", "D", "E"]],
      ["text in any language version, case-insensitive", { text: "beyrouth" }, ["D"]],
      ["text in Arabic", { text: "سينما" }, ["D"]],
      ["text with LIKE metacharacters taken literally", { text: "100%" }, ["C"]],
      ["several criteria at once", { openOnly: true, lookingFor: ["VENUE", "INVESTOR"] }, ["D"]],
    ])("filters by %s", async (_label, filter, expected) => {
      const result = await subgraph.execute(LIST_LABS, { filter });
      expect(result.errors).toBeUndefined();
      expect(sourceIds(result)).toEqual(expected);
      expect(labsOf(result).totalCount).toBe(expected.length);
    });

    it.each([
      ["an empty text filter", { filter: { text: "" } }, /filter.text: must be 1 to 200 characters/],
      ["an unknown role in the filter", { filter: { lookingFor: ["ASTRONAUT"] } }, /ASTRONAUT/],
    ])("refuses %s", async (_label, variables, message) => {
      const result = await subgraph.execute(LIST_LABS, variables);
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(message);
    });
  });
});

describeEntityContract({
  typename: "CreativeTracksLab",
  subgraph: () => subgraph,
  input: (index) => validInput({ sourceId: `contract-${index}` }),
  create: { mutation: CREATE_LAB, field: "creativeTracksCreateLab" },
  get: { query: GET_LAB, field: "creativeTracksLab" },
  delete: { mutation: DELETE_LAB, field: "creativeTracksDeleteLab" },
  list: { query: LIST_LABS },
  entities: LAB_ENTITIES,
  countRows: countLabs,
});
