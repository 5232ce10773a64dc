import { describeEntityContract, startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { peopleSubgraph } from "../people.subgraph";
import type { PersonLoaders } from "../person/person.loaders";
import { CREATE_PERSON, DELETE_PERSON, GET_PERSON, LIST_PEOPLE, PERSON_ENTITIES, UPDATE_PERSON } from "./person.operations";

let subgraph: TestSubgraph<PersonLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(peopleSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE person"));

const validInput = (overrides: Record<string, unknown> = {}) => ({
  network: "creative-tracks",
  sourceId: "ct-1",
  displayName: "Amira Haddad",
  headline: {
    originalLanguage: "fr",
    translations: [
      { lang: "fr", value: "Chorégraphe" },
      { lang: "en", value: "Choreographer", machineTranslated: true },
    ],
  },
  bio: {
    originalLanguage: "ar",
    translations: [
      { lang: "ar", value: "مصممة رقصات" },
      { lang: "fr", value: "Chorégraphe à Tunis" },
    ],
  },
  disciplines: ["DANCE", "THEATRE"],
  skills: ["touring", "production"],
  spokenLanguages: ["ar", "fr", "pt-br"],
  country: "TN",
  city: "Tunis",
  website: "https://example.org/amira",
  socialLinks: [{ platform: "INSTAGRAM", url: "https://instagram.com/amira" }],
  openTo: ["COLLABORATION", "TOURING"],
  careerStage: "EMERGING",
  contactEmail: "amira@example.org",
  ...overrides,
});

async function createPerson(overrides: Record<string, unknown> = {}) {
  const result = await subgraph.execute<{ createPerson: { id: string } }>(CREATE_PERSON, { input: validInput(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!.createPerson;
}

async function countPeople(): Promise<number> {
  const [{ count }] = await subgraph.dataSource.query("SELECT count(*)::int AS count FROM person");
  return count;
}

describe("people subgraph: person", () => {
  it("creates a person and reads it back with multilingual text and canonical language tags", async () => {
    const created = await createPerson();
    const result = await subgraph.execute(GET_PERSON, { id: created.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.person).toMatchObject({
      displayName: "Amira Haddad",
      network: "creative-tracks",
      sourceId: "ct-1",
      disciplines: ["DANCE", "THEATRE"],
      spokenLanguages: ["ar", "fr", "pt-BR"],
      country: "TN",
      headline: { originalLanguage: "fr", text: "Chorégraphe", translations: [{ lang: "fr" }, { lang: "en", machineTranslated: true }] },
      bio: { text: "Chorégraphe à Tunis", textLanguage: "fr" },
    });
  });

  it("shows the contact email to the person's network and the operator only", async () => {
    const created = await createPerson({ discoverable: true });
    const query = `query($id: ID!) { person(id: $id) { contactEmail } }`;
    expect((await subgraph.execute(query, { id: created.id })).data).toEqual({ person: { contactEmail: "amira@example.org" } });
    const ownNetwork = await subgraph.execute(query, { id: created.id }, { viewer: { kind: "network", network: "creative-tracks" } });
    expect(ownNetwork.data).toEqual({ person: { contactEmail: "amira@example.org" } });
    const otherNetwork = await subgraph.execute(query, { id: created.id }, { viewer: { kind: "network", network: "design-hub" } });
    expect(otherNetwork.data).toEqual({ person: { contactEmail: null } });
  });

  it("hides people who did not agree to be listed from anonymous viewers and other networks, everywhere", async () => {
    const hidden = await createPerson({ discoverable: false });
    const listed = await createPerson({ discoverable: true, sourceId: "ct-2", displayName: "Listed Person" });
    const anonymous = { viewer: { kind: "anonymous" } as const };
    expect((await subgraph.execute(GET_PERSON, { id: hidden.id }, anonymous)).data).toEqual({ person: null });
    expect((await subgraph.execute(GET_PERSON, { id: listed.id }, anonymous)).data!.person).toMatchObject({ displayName: "Listed Person" });
    const list = await subgraph.execute<{ people: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(LIST_PEOPLE, {}, anonymous);
    expect(list.data!.people.edges.map((edge) => edge.node.id)).toEqual([listed.id]);
    expect(list.data!.people.totalCount).toBe(1);
    const entities = await subgraph.execute<{ _entities: unknown[] }>(
      PERSON_ENTITIES,
      { representations: [hidden, listed].map(({ id }) => ({ __typename: "Person", id })) },
      anonymous,
    );
    expect(entities.data!._entities).toEqual([null, { id: listed.id, displayName: "Listed Person" }]);
    const ownNetwork = await subgraph.execute(GET_PERSON, { id: hidden.id }, { viewer: { kind: "network", network: "creative-tracks" } });
    expect(ownNetwork.data!.person).not.toBeNull();
    const otherNetwork = await subgraph.execute(GET_PERSON, { id: hidden.id }, { viewer: { kind: "network", network: "design-hub" } });
    expect(otherNetwork.data!.person).toBeNull();
  });

  it("keeps new people out of the public directory unless they consent", async () => {
    const created = await createPerson();
    const [row] = await subgraph.dataSource.query("SELECT discoverable FROM person WHERE id = $1", [created.id]);
    expect(row.discoverable).toBe(false);
  });

  it("updates given fields, clears fields set to null and keeps the others", async () => {
    const created = await createPerson();
    const result = await subgraph.execute<{ updatePerson: Record<string, unknown> }>(UPDATE_PERSON, {
      id: created.id,
      input: { displayName: "Amira H.", city: null, disciplines: ["FILM"] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updatePerson).toMatchObject({ displayName: "Amira H.", city: null, disciplines: ["FILM"], country: "TN" });
  });

  describe("bad input is refused with an error naming the field, and nothing is written", () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ["an empty name", { displayName: "   " }, /displayName: must not be empty/],
      ["an unknown discipline", { disciplines: ["BASKET_WEAVING_ON_MARS"] }, /BASKET_WEAVING_ON_MARS.*Discipline/],
      ["a bad country code", { country: "XX" }, /"XX".*CountryCode/],
      ["an unknown language tag", { spokenLanguages: ["klingon-x"] }, /not a supported BCP 47 language tag/],
      ["a javascript: URL", { website: "javascript:alert(1)" }, /not an absolute http\(s\) URL/],
      ["a bad network slug", { network: "Not A Slug" }, /network: must be a slug/],
      ["a bad email", { contactEmail: "nope" }, /contactEmail: must be an email address/],
      ["a text without its original language", { bio: { originalLanguage: "de", translations: [{ lang: "en", value: "Hi" }] } }, /bio.originalLanguage/],
      [
        "a blank translation",
        { bio: { originalLanguage: "en", translations: [{ lang: "en", value: "  " }] } },
        /bio.translations\[0\].value: must not be blank/,
      ],
      ["too many skills", { skills: Array.from({ length: 51 }, (_, i) => `skill ${i}`) }, /skills: must hold at most 50 skills/],
    ];
    it.each(cases)("refuses %s", async (_label, overrides, message) => {
      const result = await subgraph.execute(CREATE_PERSON, { input: validInput(overrides) });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors![0].message).toMatch(message);
      expect(await countPeople()).toBe(0);
    });

    it("refuses clearing the name on update and leaves the person unchanged", async () => {
      const created = await createPerson();
      const result = await subgraph.execute(UPDATE_PERSON, { id: created.id, input: { displayName: null, city: "Sfax" } });
      expect(result.errors?.[0].message).toMatch(/displayName: must not be empty/);
      const [row] = await subgraph.dataSource.query("SELECT display_name, city FROM person");
      expect(row).toEqual({ display_name: "Amira Haddad", city: "Tunis" });
    });
  });

  describe("listing", () => {
    beforeEach(async () => {
      const people = [
        { displayName: "Ana Costa", country: "PT", disciplines: ["PHOTOGRAPHY"], spokenLanguages: ["pt-BR"], network: "design-hub", openTo: ["JOBS"] },
        { displayName: "Bruno Weber", country: "DE", disciplines: ["MUSIC"], spokenLanguages: ["de", "en"], network: "creative-tracks", openTo: [] },
        {
          displayName: "Chiara 100% Rossi",
          country: "IT",
          disciplines: ["FINE_ARTS"],
          spokenLanguages: ["it"],
          network: "creative-tracks",
          openTo: ["RESIDENCIES"],
        },
        { displayName: "Dalia Nasser", country: "LB", disciplines: ["FILM"], spokenLanguages: ["ar", "en"], network: "design-hub", openTo: ["COLLABORATION"] },
        { displayName: "Elif Kaya", country: "TR", disciplines: ["DANCE"], spokenLanguages: ["tr"], network: "creative-tracks", openTo: ["TOURING"] },
      ];
      for (const [index, person] of people.entries()) await createPerson({ ...person, sourceId: `p-${index}` });
    });

    const names = (result: { data?: Record<string, unknown> | null }) =>
      (result.data!.people as { edges: Array<{ node: { displayName: string } }> }).edges.map((edge) => edge.node.displayName);

    it("walks all pages with stable cursors and reports the total", async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const result = await subgraph.execute(LIST_PEOPLE, { first: 2, after });
        const people = result.data!.people as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } };
        expect(people.totalCount).toBe(5);
        seen.push(...names(result));
        after = people.pageInfo.endCursor;
        expect(people.pageInfo.hasNextPage).toBe(page < 2);
      }
      expect(seen).toEqual(["Ana Costa", "Bruno Weber", "Chiara 100% Rossi", "Dalia Nasser", "Elif Kaya"]);
    });

    it("keeps a cursor's place when people are added before it", async () => {
      const first = await subgraph.execute(LIST_PEOPLE, { first: 2 });
      const after = (first.data!.people as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
      await createPerson({ displayName: "Aaron Aalto", sourceId: "new", country: "FI" });
      expect(names(await subgraph.execute(LIST_PEOPLE, { first: 2, after }))).toEqual(["Chiara 100% Rossi", "Dalia Nasser"]);
    });

    it("orders by newest first when asked", async () => {
      expect(names(await subgraph.execute(LIST_PEOPLE, { first: 2, orderBy: "NEWEST" }))).toEqual(["Elif Kaya", "Dalia Nasser"]);
    });

    it.each([
      ["countries", { countries: ["PT", "TR"] }, ["Ana Costa", "Elif Kaya"]],
      ["a discipline domain, matching its practices", { disciplines: ["VISUAL_ARTS_AND_CRAFTS"] }, ["Ana Costa", "Chiara 100% Rossi"]],
      ["a base language, matching regional variants", { languages: ["pt"] }, ["Ana Costa"]],
      ["languages", { languages: ["en"] }, ["Bruno Weber", "Dalia Nasser"]],
      ["networks", { networks: ["design-hub"] }, ["Ana Costa", "Dalia Nasser"]],
      ["openTo", { openTo: ["TOURING", "JOBS"] }, ["Ana Costa", "Elif Kaya"]],
      ["name text, case-insensitive", { text: "ROSS" }, ["Chiara 100% Rossi"]],
      ["name text with LIKE metacharacters taken literally", { text: "100%" }, ["Chiara 100% Rossi"]],
      ["several criteria at once", { networks: ["creative-tracks"], languages: ["en"] }, ["Bruno Weber"]],
    ])("filters by %s", async (_label, filter, expected) => {
      const result = await subgraph.execute(LIST_PEOPLE, { filter });
      expect(result.errors).toBeUndefined();
      expect(names(result)).toEqual(expected);
      expect((result.data!.people as { totalCount: number }).totalCount).toBe(expected.length);
    });
  });
});

describe("people subgraph: the change feed", () => {
  const changesOf = (id: string) =>
    subgraph.dataSource.query("SELECT kind, public, document FROM record_change WHERE record_id = $1 ORDER BY seq", [id]) as Promise<
      Array<{ kind: string; public: boolean; document: Record<string, any> | null }>
    >;

  it("keeps a person who is not discoverable out of it, and writes them with their terms once they are", async () => {
    const created = await createPerson();
    expect(await changesOf(created.id)).toEqual([{ kind: "CREATED", public: false, document: null }]);
    expect((await subgraph.execute(UPDATE_PERSON, { id: created.id, input: { discoverable: true } })).errors).toBeUndefined();
    const [, listed] = await changesOf(created.id);
    expect(listed).toMatchObject({ kind: "UPDATED", public: true });
    expect(listed.document).toEqual({
      terms: {
        disciplines: ["DANCE", "PERFORMANCE_AND_CELEBRATION", "THEATRE"],
        countries: ["TN"],
        languages: ["ar", "fr", "pt-BR", "pt"],
        networks: ["creative-tracks"],
      },
      text: "Amira Haddad\nChorégraphe\nChoreographer\nمصممة رقصات\nChorégraphe à Tunis\ntouring\nproduction\nTunis",
      title: { originalLanguage: "ar", translations: [{ lang: "ar", value: "Amira Haddad", machineTranslated: false }] },
      summary: expect.objectContaining({ originalLanguage: "fr" }),
      deadline: null,
      path: `/people/${created.id}`,
    });
    // Only the network reads the contact e-mail: its change is none the feed carries.
    await subgraph.execute(UPDATE_PERSON, { id: created.id, input: { contactEmail: "new@example.org" } });
    expect(await changesOf(created.id)).toHaveLength(2);
  });
});

describeEntityContract({
  typename: "Person",
  subgraph: () => subgraph,
  input: (index) => validInput({ sourceId: `contract-${index}`, displayName: `Person ${index}` }),
  create: { mutation: CREATE_PERSON, field: "createPerson" },
  get: { query: GET_PERSON, field: "person" },
  update: { mutation: UPDATE_PERSON, input: { city: "Sfax" } },
  delete: { mutation: DELETE_PERSON, field: "deletePerson" },
  list: { query: LIST_PEOPLE },
  entities: PERSON_ENTITIES,
  countRows: countPeople,
});
