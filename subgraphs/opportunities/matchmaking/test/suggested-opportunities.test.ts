import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { opportunitiesSubgraph } from "../../opportunities.subgraph";
import type { OpportunityLoaders } from "../../opportunity/opportunity.loaders";

let subgraph: TestSubgraph<OpportunityLoaders>;

const id = (n: number) => `00000000-0000-4000-8000-0000000002${String(n).padStart(2, "0")}`;
const PUBLISHER = id(99);
const DAY = 24 * 60 * 60 * 1000;
/** Deadlines sit half a day past whole days, so "whole days left" stays the same while the test runs. */
const inDays = (days: number) => new Date(Date.now() + days * DAY + DAY / 2);

/** title, type, disciplines, eligibleCountries, opensAt, deadline */
const OPPORTUNITIES: Array<[string, string, string[], string[], Date, Date | null]> = [
  ["O1 dance residency", "RESIDENCY", ["DANCE"], ["FR"], inDays(-30), inDays(10)],
  ["O2 grant", "GRANT", ["DANCE", "THEATRE"], [], inDays(-30), null],
  ["O3 scholarship", "SCHOLARSHIP", ["PERFORMANCE_AND_CELEBRATION"], ["FR", "MA"], inDays(-30), inDays(100)],
  ["O4 German residency", "RESIDENCY", ["DANCE"], ["DE"], inDays(-30), inDays(10)],
  ["O5 closed", "RESIDENCY", ["DANCE"], [], inDays(-30), inDays(-2)],
  ["O6 forthcoming", "RESIDENCY", ["DANCE"], [], inDays(5), inDays(60)],
  ["O7 open call", "OPEN_CALL", [], [], inDays(-30), inDays(40)],
  ["O8 film", "RESIDENCY", ["FILM"], [], inDays(-30), inDays(10)],
];

beforeAll(async () => {
  subgraph = await startTestSubgraph(opportunitiesSubgraph);
  for (const [index, [title, type, disciplines, countries, opensAt, deadline]] of OPPORTUNITIES.entries()) {
    await subgraph.dataSource.query(
      `INSERT INTO opportunity (id, network, type, title, publisher_id, disciplines, eligible_countries, opens_at, deadline)
       VALUES ($1, 'net-a', $2, $3, $4, $5, $6, $7, $8)`,
      [
        id(index + 1),
        type,
        { originalLanguage: "en", translations: [{ lang: "en", value: title, machineTranslated: false }] },
        PUBLISHER,
        disciplines,
        countries,
        opensAt,
        deadline,
      ],
    );
  }
});
afterAll(() => subgraph.close());

const QUERY = `query ($representations: [_Any!]!, $first: Int! = 10) { _entities(representations: $representations) {
  ... on Person { suggestedOpportunities(first: $first) { opportunity { id title { text } } score reasons { kind detail } } } } }`;

type Suggestion = { opportunity: { title: { text: string } }; score: number; reasons: Array<{ kind: string; detail: string }> };

const PERSON = { __typename: "Person", id: id(50), disciplines: ["DANCE"], country: "FR", careerStage: "EMERGING" };

async function suggest(representation: Record<string, unknown>, first?: number): Promise<Suggestion[]> {
  const variables = { representations: [representation], ...(first === undefined ? {} : { first }) };
  const result = await subgraph.execute<{ _entities: Array<{ suggestedOpportunities: Suggestion[] }> }>(QUERY, variables);
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0].suggestedOpportunities;
}

const ranking = (suggestions: Suggestion[]) => suggestions.map((s) => [s.opportunity.title.text, s.score]);

describe("Person.suggestedOpportunities (@requires disciplines country careerStage)", () => {
  it("ranks open, eligible opportunities in matching disciplines as computed by hand", async () => {
    // O1: DANCE → 60; FR listed 15; 10 days left → 15 × 80/90 = 13.33                          = 88.33
    // O3: DANCE ~ the domain → ½ × 60 = 30; FR listed 15; EMERGING targeted 10; 100 days → 0   = 55
    // O7: open to every discipline ½ × 60 = 30; worldwide 5; 40 days → 15 × 50/90 = 8.33        = 43.33
    // O2: DANCE of 2 → 30; worldwide 5; rolling → 0                                            = 35
    // Left out: O4 (DE only), O5 (closed), O6 (forthcoming), O8 (FILM).
    expect(ranking(await suggest(PERSON))).toEqual([
      ["O1 dance residency", 88.33],
      ["O3 scholarship", 55],
      ["O7 open call", 43.33],
      ["O2 grant", 35],
    ]);
  });

  it("explains each score", async () => {
    const [o1, o3] = await suggest(PERSON);
    expect(o1.reasons).toEqual([
      { kind: "SHARED_DISCIPLINE", detail: "Both work in Dance" },
      { kind: "ELIGIBLE_COUNTRY", detail: "Open to residents of France" },
      { kind: "CLOSING_SOON", detail: "Closes in 10 days" },
    ]);
    expect(o3.reasons.map((r) => r.kind)).toEqual(["RELATED_DISCIPLINE", "ELIGIBLE_COUNTRY", "CAREER_STAGE"]);
  });

  it("leaves out what a person's country or career stage does not qualify for", async () => {
    const established = await suggest({ ...PERSON, careerStage: "ESTABLISHED" });
    expect(established.map((s) => s.opportunity.title.text)).toEqual(["O1 dance residency", "O7 open call", "O2 grant"]);
    // Without a known country only worldwide calls remain.
    const stateless = await suggest({ ...PERSON, country: null });
    expect(stateless.map((s) => s.opportunity.title.text)).toEqual(["O7 open call", "O2 grant"]);
  });

  it("offers a person without disciplines only what is open to every discipline", async () => {
    expect(ranking(await suggest({ ...PERSON, disciplines: [] }))).toEqual([["O7 open call", 43.33]]);
  });

  it("is deterministic and honours first", async () => {
    const all = await suggest(PERSON);
    expect(await suggest(PERSON)).toEqual(all);
    expect(await suggest(PERSON, 2)).toEqual(all.slice(0, 2));
  });
});
