import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { waitFor } from "./gateway-client";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "./test-hub";

type Answer<T> = { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

let testHub: TestHub;

beforeAll(async () => {
  testHub = await startTestHub({ seed: DEMO_SIZES, env: { AGORA_ERASURE_POLL_MS: "200" } });
});
afterAll(() => testHub?.close());

async function graphql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer<T>> {
  const response = await fetch(new URL("/graphql", testHub.hub.gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer<T>;
}

const EXPORT = /* GraphQL */ `
  query Export($id: ID!) { exportPersonData(id: $id) { personId network exportedAt person memberships opportunitiesAsContact speakerAt } }
`;
const ERASE = /* GraphQL */ `
  mutation Erase($id: ID!) { erasePerson(id: $id) { id personId erasedAt status } }
`;
const FEED = /* GraphQL */ `
  query Feed($after: String) { personErasures(first: 100, after: $after) { edges { node { id personId erasedAt } } pageInfo { endCursor } } }
`;

type Export = {
  exportPersonData: {
    personId: string;
    person: Record<string, unknown>;
    memberships: unknown[];
    opportunitiesAsContact: unknown[];
    speakerAt: unknown[];
  } | null;
};

/** How many rows still reference the person in each subgraph's schema. */
async function references(personId: string): Promise<{ memberships: number; speakers: number; contacts: number }> {
  const dataSource = testHub.hub.subgraphs.find((subgraph) => subgraph.name === "people")!.dataSource;
  const [row] = (await dataSource.query(
    `SELECT (SELECT count(*)::int FROM organisations.membership WHERE person_id = $1) AS memberships,
            (SELECT count(*)::int FROM events.event_speaker WHERE person_id = $1) AS speakers,
            (SELECT count(*)::int FROM opportunities.opportunity WHERE contact_id = $1) AS contacts`,
    [personId],
  )) as Array<{ memberships: number; speakers: number; contacts: number }>;
  return row;
}

describe("GDPR export and erasure through the gateway", () => {
  it("exports a person with their memberships and speaker links to the operator, erases them everywhere within seconds, and lists the erasure in the feed", async () => {
    const dataSource = testHub.hub.subgraphs.find((subgraph) => subgraph.name === "events")!.dataSource;
    // A seeded person who speaks at an event and holds a membership.
    const [{ person_id: personId }] = (await dataSource.query(
      "SELECT s.person_id FROM events.event_speaker s WHERE EXISTS (SELECT 1 FROM organisations.membership m WHERE m.person_id = s.person_id) ORDER BY s.person_id LIMIT 1",
    )) as Array<{ person_id: string }>;
    const before = await references(personId);
    expect(before.memberships).toBeGreaterThan(0);
    expect(before.speakers).toBeGreaterThan(0);

    const anonymous = await graphql<Export>(EXPORT, { id: personId });
    expect(anonymous.data?.exportPersonData ?? null).toBeNull();

    const exported = await graphql<Export>(EXPORT, { id: personId }, TEST_ADMIN_TOKEN);
    expect(exported.errors).toBeUndefined();
    const data = exported.data!.exportPersonData!;
    expect(data.personId).toBe(personId);
    expect(data.person).toMatchObject({ id: personId, displayName: expect.any(String) });
    expect(data.person).toHaveProperty("contactEmail");
    expect(data.person).toHaveProperty("discoverable");
    expect(data.memberships).toHaveLength(before.memberships);
    expect(data.speakerAt).toHaveLength(before.speakers);
    expect(data.opportunitiesAsContact).toHaveLength(before.contacts);

    const erased = await graphql<{ erasePerson: { id: string; status: string } }>(ERASE, { id: personId }, TEST_ADMIN_TOKEN);
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.erasePerson.status).toBe("ERASED");

    const after = await waitFor(
      () => references(personId),
      (counts) => counts.memberships + counts.speakers + counts.contacts === 0,
      5000,
    );
    expect(after).toEqual({ memberships: 0, speakers: 0, contacts: 0 });

    const feed = await graphql<{ personErasures: { edges: Array<{ node: { id: string; personId: string } }> } }>(FEED, {}, TEST_ADMIN_TOKEN);
    expect(feed.errors).toBeUndefined();
    expect(feed.data!.personErasures.edges.map((edge) => edge.node)).toContainEqual({
      id: erased.data!.erasePerson.id,
      personId,
      erasedAt: expect.any(String),
    });

    const again = await graphql<{ erasePerson: { status: string } }>(ERASE, { id: personId }, TEST_ADMIN_TOKEN);
    expect(again.data!.erasePerson.status).toBe("ALREADY_ERASED");
    expect((await graphql<Export>(EXPORT, { id: personId }, TEST_ADMIN_TOKEN)).data!.exportPersonData).toBeNull();
  });

  it("keeps the erasure feed from anonymous clients", async () => {
    const feed = await graphql(FEED);
    expect(feed.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
