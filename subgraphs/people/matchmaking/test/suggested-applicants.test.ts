import { ANONYMOUS } from "@agora-hub/subgraph-kit";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { peopleSubgraph } from "../../people.subgraph";
import type { PersonLoaders } from "../../person/person.loaders";

let subgraph: TestSubgraph<PersonLoaders>;

const id = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, "0")}`;

/** name, disciplines, country, openTo, careerStage, discoverable */
const PEOPLE: Array<[string, string[], string | null, string[], string | null, boolean]> = [
  ["Amina", ["DANCE"], "FR", ["RESIDENCIES"], "EMERGING", true],
  ["Bilal", ["DANCE", "THEATRE"], "MA", ["RESIDENCIES"], "ESTABLISHED", true],
  ["Chloe", ["THEATRE"], "FR", ["RESIDENCIES"], null, true],
  ["Dieter", ["DANCE"], "DE", ["RESIDENCIES"], null, true],
  ["Elif", ["DANCE"], "FR", ["JOBS"], null, true],
  ["Farah", ["DANCE"], "FR", ["RESIDENCIES"], null, false],
  ["Goran", ["FILM"], "FR", ["RESIDENCIES"], null, true],
];

beforeAll(async () => {
  subgraph = await startTestSubgraph(peopleSubgraph);
  for (const [index, [name, disciplines, country, openTo, stage, discoverable]] of PEOPLE.entries()) {
    await subgraph.dataSource.query(
      `INSERT INTO person (id, network, display_name, disciplines, country, open_to, career_stage, discoverable) VALUES ($1, 'net-a', $2, $3, $4, $5, $6, $7)`,
      [id(index + 1), name, disciplines, country, openTo, stage, discoverable],
    );
  }
});
afterAll(() => subgraph.close());

const QUERY = `query ($representations: [_Any!]!, $first: Int! = 10) { _entities(representations: $representations) {
  ... on Opportunity { suggestedApplicants(first: $first) { person { id displayName } score reasons { kind detail } } } } }`;

type Suggestion = { person: { displayName: string }; score: number; reasons: Array<{ kind: string; detail: string }> };

const RESIDENCY = { __typename: "Opportunity", id: id(90), disciplines: ["DANCE"], eligibleCountries: ["FR", "MA"], type: "RESIDENCY", status: "OPEN" };

async function suggest(representation: Record<string, unknown>, options: { first?: number; anonymous?: boolean } = {}): Promise<Suggestion[]> {
  const variables = { representations: [representation], ...(options.first === undefined ? {} : { first: options.first }) };
  const result = await subgraph.execute<{ _entities: Array<{ suggestedApplicants: Suggestion[] }> }>(
    QUERY,
    variables,
    options.anonymous ? { viewer: ANONYMOUS } : {},
  );
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0].suggestedApplicants;
}

const ranking = (suggestions: Suggestion[]) => suggestions.map((s) => [s.person.displayName, s.score]);

describe("Opportunity.suggestedApplicants (@requires disciplines eligibleCountries type status)", () => {
  it("ranks eligible people open to the offer as computed by hand, listed people only for anonymous viewers", async () => {
    // Amina: DANCE → 60; open to residencies 15; FR listed 15                          = 90
    // Bilal: DANCE of 2 → 30; 15; MA 15 = 60.   Chloe: THEATRE ~ DANCE → ½ × 60 = 30; 15; 15 = 60 (by id)
    // Left out: Dieter (DE not eligible), Elif (not open to residencies), Farah (not listed), Goran (FILM).
    expect(ranking(await suggest(RESIDENCY, { anonymous: true }))).toEqual([
      ["Amina", 90],
      ["Bilal", 60],
      ["Chloe", 60],
    ]);
  });

  it("includes people who are not listed for the operator", async () => {
    expect(ranking(await suggest(RESIDENCY))).toEqual([
      ["Amina", 90],
      ["Farah", 90],
      ["Bilal", 60],
      ["Chloe", 60],
    ]);
  });

  it("explains each score", async () => {
    const [amina, , chloe] = await suggest(RESIDENCY, { anonymous: true });
    expect(amina.reasons).toEqual([
      { kind: "SHARED_DISCIPLINE", detail: "Both work in Dance" },
      { kind: "OPEN_TO", detail: "Open to residencies" },
      { kind: "ELIGIBLE_COUNTRY", detail: "Lives in France, an eligible country" },
    ]);
    expect(chloe.reasons[0]).toEqual({ kind: "RELATED_DISCIPLINE", detail: "Complementary practice in the same domain: Theatre" });
  });

  it("leaves out people at a career stage the type does not target, and scores the targeted stage", async () => {
    // A worldwide scholarship open to every discipline: ½ × 60 = 30; worldwide 5; EMERGING +10.
    const suggestions = await suggest({ ...RESIDENCY, type: "SCHOLARSHIP", disciplines: [], eligibleCountries: [] }, { anonymous: true });
    expect(suggestions[0]).toMatchObject({ person: { displayName: "Amina" }, score: 45 });
    expect(suggestions[0].reasons.map((r) => r.kind)).toEqual(["SHARED_DISCIPLINE", "ELIGIBLE_COUNTRY", "CAREER_STAGE"]);
    expect(suggestions.map((s) => s.person.displayName)).not.toContain("Bilal"); // ESTABLISHED
    expect(suggestions.slice(1).map((s) => s.score)).toEqual([35, 35, 35, 35]);
  });

  it("suggests nobody for a closed opportunity", async () => {
    expect(await suggest({ ...RESIDENCY, status: "CLOSED" })).toEqual([]);
  });

  it("is deterministic and honours first", async () => {
    const all = await suggest(RESIDENCY);
    expect(await suggest(RESIDENCY)).toEqual(all);
    expect(await suggest(RESIDENCY, { first: 1 })).toEqual(all.slice(0, 1));
  });
});
