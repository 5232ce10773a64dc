import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import type { OrganisationsLoaders } from "../../organisations.loaders";
import { organisationsSubgraph } from "../../organisations.subgraph";

let subgraph: TestSubgraph<OrganisationsLoaders>;

const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;
const S = id(1),
  A = id(2),
  B = id(3),
  C = id(4),
  D = id(5),
  E = id(6),
  F = id(7),
  P = id(8);
const PERSON = id(50);

/**
 * Fixture (services the subject S lacks = every service but SHOWCASE):
 *   S  net-a FR [fr,en] DANCE THEATRE          services SHOWCASE
 *   A  net-a FR [fr]    DANCE THEATRE
 *   B  net-b BE [fr-BE] DANCE MUSIC            services RESIDENCY_HOSTING TRAINING
 *   C  net-b DE [de]    FILM                   (no shared UNESCO domain: never a candidate)
 *   D  net-b MA [ar]    PERFORMANCE_AND_CELEBRATION  services FUNDING SHOWCASE ADVICE TRAINING WORKSPACE; member of P
 *   E  net-c ES [es]    THEATRE ;  F = E with a larger id
 *   P  net-b BE [en]    FILM (a network; S and D are members)
 * A person (DANCE, FR, [en]) is a member of A.
 */
const ORGANISATIONS: Array<[string, string, string, string[], string[], string, string[]]> = [
  [S, "Subject Stage", "net-a", ["DANCE", "THEATRE"], ["SHOWCASE"], "FR", ["fr", "en"]],
  [A, "Alpha Theatre", "net-a", ["DANCE", "THEATRE"], [], "FR", ["fr"]],
  [B, "Bruxelles Danse", "net-b", ["DANCE", "MUSIC"], ["RESIDENCY_HOSTING", "TRAINING"], "BE", ["fr-BE"]],
  [C, "Cine Haus", "net-b", ["FILM"], ["FUNDING"], "DE", ["de"]],
  [D, "Dar Funun", "net-b", ["PERFORMANCE_AND_CELEBRATION"], ["FUNDING", "SHOWCASE", "ADVICE", "TRAINING", "WORKSPACE"], "MA", ["ar"]],
  [E, "Escena One", "net-c", ["THEATRE"], [], "ES", ["es"]],
  [F, "Escena Two", "net-c", ["THEATRE"], [], "ES", ["es"]],
  [P, "Performing Network", "net-b", ["FILM"], ["NETWORKING"], "BE", ["en"]],
];

beforeAll(async () => {
  subgraph = await startTestSubgraph(organisationsSubgraph);
  for (const [orgId, name, network, disciplines, services, country, languages] of ORGANISATIONS) {
    await subgraph.dataSource.query(
      `INSERT INTO organisation (id, network, name, slug, kind, disciplines, services, country, working_languages)
       VALUES ($1, $2, $3, $4, 'NGO', $5, $6, $7, $8)`,
      [orgId, network, name, name.toLowerCase().replace(/ /g, "-"), disciplines, services, country, languages],
    );
  }
  await subgraph.dataSource.query(
    `INSERT INTO membership (network, organisation_id, member_organisation_id, person_id, role)
     VALUES ('net-b', $1, $2, NULL, 'MEMBER'), ('net-b', $1, $3, NULL, 'MEMBER'), ('net-a', $4, NULL, $5, 'STAFF'),
            ('net-b', $1, $6, NULL, 'MEMBER')`,
    [P, S, D, A, PERSON, C],
  );
  // A membership that has ended brings nobody closer: E was a member of P until 2020.
  await subgraph.dataSource.query(
    `INSERT INTO membership (network, organisation_id, member_organisation_id, role, until) VALUES ('net-b', $1, $2, 'MEMBER', '2020-01-01')`,
    [P, E],
  );
});
afterAll(() => subgraph.close());

const SUGGESTION = "organisation { id name } score reasons { kind detail }";
const ORGANISATION_SUGGESTIONS = `query ($id: ID!, $first: Int! = 10) { organisation(id: $id) { partnerSuggestions(first: $first) { ${SUGGESTION} } } }`;
const ENTITY_SUGGESTIONS = `query ($representations: [_Any!]!, $first: Int! = 10) { _entities(representations: $representations) {
  ... on Person { partnerSuggestions(first: $first) { ${SUGGESTION} } }
  ... on Opportunity { partnerSuggestions(first: $first) { ${SUGGESTION} } } } }`;

type Suggestion = { organisation: { id: string; name: string }; score: number; reasons: Array<{ kind: string; detail: string }> };

async function forOrganisation(orgId: string, first?: number): Promise<Suggestion[]> {
  const result = await subgraph.execute<{ organisation: { partnerSuggestions: Suggestion[] } }>(ORGANISATION_SUGGESTIONS, {
    id: orgId,
    ...(first === undefined ? {} : { first }),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.organisation.partnerSuggestions;
}

async function forEntity(representation: Record<string, unknown>, first?: number): Promise<Suggestion[]> {
  const result = await subgraph.execute<{ _entities: Array<{ partnerSuggestions: Suggestion[] }> }>(ENTITY_SUGGESTIONS, {
    representations: [representation],
    ...(first === undefined ? {} : { first }),
  });
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0].partnerSuggestions;
}

const ranking = (suggestions: Suggestion[]) => suggestions.map((s) => [s.organisation.name, s.score]);

describe("Organisation.partnerSuggestions", () => {
  it("ranks candidates as computed by hand, leaving out the subject and organisations of other domains", async () => {
    // B: DANCE shared + THEATRE~MUSIC (same domain) → (1 + ½)/2 × 50 = 37.5; services 2 × 5 = 10; BE 15; fr 10            = 72.5
    // A: DANCE THEATRE → 50; no services; FR = FR; fr 10; same network net-a 5                                            = 65
    // D: DANCE~, THEATRE~ the domain → (0 + ½ + ½)/2 × 50 = 25; 4 needed services, capped 15; MA 15; fellow member of P 5 = 60
    // E, F: THEATRE shared → 1/2 × 50 = 25; ES 15                                                                          = 40 (tie: by id)
    expect(ranking(await forOrganisation(S))).toEqual([
      ["Bruxelles Danse", 72.5],
      ["Alpha Theatre", 65],
      ["Dar Funun", 60],
      ["Escena One", 40],
      ["Escena Two", 40],
    ]);
  });

  it("explains each score with its reasons", async () => {
    const [b, a, d] = await forOrganisation(S);
    expect(b.reasons).toEqual([
      { kind: "SHARED_DISCIPLINE", detail: "Both work in Dance" },
      { kind: "RELATED_DISCIPLINE", detail: "Complementary practice in the same domain: Live music" },
      { kind: "SERVICE", detail: "Offers residency hosting, training" },
      { kind: "CROSS_BORDER", detail: "Established in Belgium, another country" },
      { kind: "SHARED_LANGUAGE", detail: "Works in fr too" },
    ]);
    expect(a.reasons.map((r) => r.kind)).toEqual(["SHARED_DISCIPLINE", "SHARED_LANGUAGE", "NETWORK_PROXIMITY"]);
    expect(a.reasons[2].detail).toBe("Same network: net-a");
    expect(d.reasons).toContainEqual({ kind: "NETWORK_PROXIMITY", detail: "Fellow member of Performing Network" });
    expect(d.reasons).toContainEqual({ kind: "SERVICE", detail: "Offers funding, advice, workspace, training" });
  });

  it("counts organisation memberships both ways as proximity, capped at 10 points", async () => {
    // P (FILM, BE, net-b, [en]) and its member C (FILM, DE, net-b, [de]): FILM 50; funding 5; DE 15;
    // same network + C is a member of P = 2 links → 10                                              = 80
    const [c] = await forOrganisation(P);
    expect([c.organisation.name, c.score]).toEqual(["Cine Haus", 80]);
    expect(c.reasons.filter((r) => r.kind === "NETWORK_PROXIMITY")).toEqual([
      { kind: "NETWORK_PROXIMITY", detail: "Same network: net-b" },
      { kind: "NETWORK_PROXIMITY", detail: "Member of Performing Network" },
    ]);
    // From the member's side, the parent is close the other way round.
    const fromC = (await forOrganisation(C)).find((s) => s.organisation.id === P)!;
    expect(fromC.reasons).toContainEqual({ kind: "NETWORK_PROXIMITY", detail: "Cine Haus is a member" });
  });

  it("returns the same list every time and honours first", async () => {
    const all = await forOrganisation(S);
    expect(await forOrganisation(S)).toEqual(all);
    expect(await forOrganisation(S, 2)).toEqual(all.slice(0, 2));
    expect(await forOrganisation(S, 0)).toEqual([]);
  });

  it("refuses more than 50 suggestions", async () => {
    const result = await subgraph.execute(ORGANISATION_SUGGESTIONS, { id: S, first: 51 });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("Person.partnerSuggestions (@requires disciplines country spokenLanguages)", () => {
  it("ranks from the fields the gateway sends, leaving out the person's own organisations", async () => {
    // Needs are the artist services. D: DANCE~domain → ½ × 50 = 25; 5 services capped 15; MA 15         = 55
    // B: DANCE of 2 → 25; residency hosting + training 10; BE 15                                         = 50
    // S: DANCE of 2 → 25; showcase 5; FR = FR; en 10                                                     = 40
    // E, F: DANCE~THEATRE → 25; ES 15                                                                    = 40 (S, E, F by id)
    // A (the person's organisation) is left out.
    const suggestions = await forEntity({ __typename: "Person", id: PERSON, disciplines: ["DANCE"], country: "FR", spokenLanguages: ["en"] });
    expect(ranking(suggestions)).toEqual([
      ["Dar Funun", 55],
      ["Bruxelles Danse", 50],
      ["Subject Stage", 40],
      ["Escena One", 40],
      ["Escena Two", 40],
    ]);
  });
});

describe("Opportunity.partnerSuggestions (@requires type disciplines eligibleCountries workingLanguages publisher { id })", () => {
  const call = {
    __typename: "Opportunity",
    id: id(60),
    type: "PARTNER_SEARCH",
    disciplines: ["DANCE"],
    eligibleCountries: ["BE", "MA", "FR"],
    workingLanguages: ["fr"],
    publisher: { id: S },
  };

  it("suggests eligible organisations other than the publisher, as computed by hand", async () => {
    // The publisher S gives country FR, network net-a, needs (all but SHOWCASE) and proximity.
    // B: DANCE of 2 → 25; 10; BE 15; fr 10 = 60.  D: DANCE~domain → 25; 15; MA 15; fellow member of P 5 = 60 (B before D by id)
    // A: DANCE of 2 → 25; FR; fr 10; same network 5 = 40.  E, F (ES) are not eligible; S publishes.
    const suggestions = await forEntity(call);
    expect(ranking(suggestions)).toEqual([
      ["Bruxelles Danse", 60],
      ["Dar Funun", 60],
      ["Alpha Theatre", 40],
    ]);
    expect(suggestions[0].reasons).toContainEqual({ kind: "ELIGIBLE_COUNTRY", detail: "Belgium is eligible for the call" });
  });

  it("suggests no partners for opportunities that do not seek them", async () => {
    expect(await forEntity({ ...call, type: "GRANT" })).toEqual([]);
  });
});
