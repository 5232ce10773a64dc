import { Client } from "pg";
import { demoId } from "@agora-hub/subgraph-kit/testing";
import { postGraphQL } from "./gateway-client";
import { startTestHub, type TestHub } from "./test-hub";

/**
 * Matchmaking through the gateway: the fields `@requires` names are fetched from their owners and sent
 * to the subgraph that scores (organisations, people, opportunities), in one query plan.
 */
let testHub: TestHub;
let db: Client;

const PERSON = "00000000-0000-4000-8000-00000000f001";
const OPPORTUNITY = "00000000-0000-4000-8000-00000000f002";
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  testHub = await startTestHub();
  db = new Client({ connectionString: testHub.database.url });
  await db.connect();
  // A listed dancer in France, open to residencies, and a residency for dancers in France closing in 10 days.
  await db.query(
    `INSERT INTO people.person (id, network, display_name, disciplines, country, spoken_languages, open_to, career_stage, discoverable)
     VALUES ($1, 'culture-agora', 'Matchmaking Dancer', '{DANCE}', 'FR', '{fr}', '{RESIDENCIES}', 'EMERGING', true)`,
    [PERSON],
  );
  await db.query(
    `INSERT INTO opportunities.opportunity (id, network, type, title, publisher_id, disciplines, eligible_countries, opens_at, deadline)
     VALUES ($1, 'culture-agora', 'RESIDENCY', $2, $3, '{DANCE}', '{FR}', $4, $5)`,
    [
      OPPORTUNITY,
      { originalLanguage: "en", translations: [{ lang: "en", value: "Dance residency", machineTranslated: false }] },
      demoId("organisation", 0),
      new Date(Date.now() - 30 * DAY),
      new Date(Date.now() + 10 * DAY + DAY / 2),
    ],
  );
});

afterAll(async () => {
  await db?.end();
  await testHub?.close();
});

type Reasons = Array<{ kind: string; detail: string }>;

describe("matchmaking through the gateway", () => {
  it("suggests partner organisations for an organisation, best first, with reasons", async () => {
    const organisationId = demoId("organisation", 0);
    const answer = await postGraphQL<{
      organisation: { partnerSuggestions: Array<{ organisation: { id: string; name: string }; score: number; reasons: Reasons }> };
    }>(testHub.hub.gatewayUrl, `query ($id: ID!) { organisation(id: $id) { partnerSuggestions { organisation { id name } score reasons { kind detail } } } }`, {
      id: organisationId,
    });
    expect(answer.errors).toBeUndefined();
    const suggestions = answer.data!.organisation.partnerSuggestions;
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(10);
    expect(suggestions.map((s) => s.organisation.id)).not.toContain(organisationId);
    const scores = suggestions.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const suggestion of suggestions) expect(suggestion.reasons.length).toBeGreaterThan(0);
  });

  it("suggests opportunities for a person from the person's fields (@requires across subgraphs)", async () => {
    const answer = await postGraphQL<{
      person: { suggestedOpportunities: Array<{ opportunity: { id: string; title: { text: string } }; score: number; reasons: Reasons }> };
    }>(
      testHub.hub.gatewayUrl,
      `query ($id: ID!) { person(id: $id) { displayName suggestedOpportunities(first: 50) { opportunity { id title { text } } score reasons { kind detail } } } }`,
      { id: PERSON },
    );
    expect(answer.errors).toBeUndefined();
    const mine = answer.data!.person.suggestedOpportunities.find((s) => s.opportunity.id === OPPORTUNITY);
    // DANCE → 60; FR listed 15; 10 days left → 15 × 80/90 = 13.33.
    expect(mine).toEqual({
      opportunity: { id: OPPORTUNITY, title: { text: "Dance residency" } },
      score: 88.33,
      reasons: [
        { kind: "SHARED_DISCIPLINE", detail: "Both work in Dance" },
        { kind: "ELIGIBLE_COUNTRY", detail: "Open to residents of France" },
        { kind: "CLOSING_SOON", detail: "Closes in 10 days" },
      ],
    });
  });

  it("suggests applicants for an opportunity and partners for a person", async () => {
    const answer = await postGraphQL<{
      opportunity: { suggestedApplicants: Array<{ person: { id: string; displayName: string }; score: number; reasons: Reasons }> };
      person: { partnerSuggestions: Array<{ organisation: { name: string }; score: number }> };
    }>(
      testHub.hub.gatewayUrl,
      `query ($opportunity: ID!, $person: ID!) {
        opportunity(id: $opportunity) { suggestedApplicants(first: 50) { person { id displayName } score reasons { kind detail } } }
        person(id: $person) { partnerSuggestions(first: 5) { organisation { name } score } }
      }`,
      { opportunity: OPPORTUNITY, person: PERSON },
    );
    expect(answer.errors).toBeUndefined();
    const applicant = answer.data!.opportunity.suggestedApplicants.find((s) => s.person.id === PERSON);
    // DANCE → 60; open to residencies 15; FR listed 15.
    expect(applicant).toMatchObject({ person: { displayName: "Matchmaking Dancer" }, score: 90 });
    expect(answer.data!.person.partnerSuggestions.length).toBeGreaterThan(0);
  });
});
