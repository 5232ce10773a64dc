import { Client } from "pg";
import { demoId } from "@agora-hub/subgraph-kit/testing";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { postGraphQL } from "./gateway-client";
import { startTestHub, type TestHub } from "./test-hub";

let testHub: TestHub;
let db: Client;

beforeAll(async () => {
  // Erasure followers poll in the background; slowed down here so the SQL count measures only the query.
  testHub = await startTestHub({ env: { AGORA_ERASURE_POLL_MS: "600000" } });
  db = new Client({ connectionString: testHub.database.url });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await testHub?.close();
});

const WALK = /* GraphQL */ `
  query Walk($first: Int!) {
    people(first: $first, orderBy: NEWEST) {
      edges { node {
        id displayName
        memberships(first: 5) { edges { node { role organisation {
          id name
          opportunities(first: 3) { totalCount edges { node { id title { text } } } }
          events(first: 3) { totalCount edges { node { id title { text } } } }
        } } } }
        events(first: 3) { edges { node { id } } }
      } }
    }
  }
`;

const PERSON_WALK = /* GraphQL */ `
  query PersonWalk($id: ID!) {
    person(id: $id) {
      displayName
      memberships(first: 10) { totalCount edges { node { organisation {
        id
        opportunities(first: 100) { totalCount edges { node { id } } }
        events(first: 100) { totalCount edges { node { id } } }
      } } } }
    }
  }
`;

type Walk = {
  person: {
    displayName: string;
    memberships: {
      totalCount: number;
      edges: Array<{
        node: {
          organisation: {
            id: string;
            opportunities: { totalCount: number; edges: Array<{ node: { id: string } }> };
            events: { totalCount: number; edges: Array<{ node: { id: string } }> };
          };
        };
      }>;
    };
  };
};

describe("the hub through the gateway", () => {
  it("walks from a person to their organisations' opportunities and events, matching the seeded data", async () => {
    const personId = demoId("person", 7);
    const answer = await postGraphQL<Walk>(testHub.hub.gatewayUrl, PERSON_WALK, { id: personId });
    expect(answer.errors).toBeUndefined();
    const memberships = answer.data!.person.memberships;

    const { rows: seededMemberships } = await db.query("SELECT organisation_id FROM organisations.membership WHERE person_id = $1", [personId]);
    expect(memberships.totalCount).toBe(seededMemberships.length);
    expect(memberships.edges.map((edge) => edge.node.organisation.id).sort()).toEqual(seededMemberships.map((row) => row.organisation_id).sort());

    for (const { node } of memberships.edges) {
      const { rows: opportunities } = await db.query("SELECT id FROM opportunities.opportunity WHERE publisher_id = $1", [node.organisation.id]);
      expect(node.organisation.opportunities.edges.map((edge) => edge.node.id).sort()).toEqual(opportunities.map((row) => row.id).sort());
      const { rows: events } = await db.query("SELECT event_id FROM events.event_organiser WHERE organisation_id = $1", [node.organisation.id]);
      expect(node.organisation.events.edges.map((edge) => edge.node.id).sort()).toEqual(events.map((row) => row.event_id).sort());
    }
    expect(memberships.edges.some(({ node }) => node.organisation.opportunities.totalCount + node.organisation.events.totalCount > 0)).toBe(true);
  });

  it("costs the same number of SQL statements for a page of 10 people as for a page of 100", async () => {
    const statementsFor = async (first: number) => {
      testHub.queries.reset();
      const answer = await postGraphQL<{ people: { edges: unknown[] } }>(testHub.hub.gatewayUrl, WALK, { first });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.people.edges).toHaveLength(first);
      return testHub.queries.count;
    };
    const forTen = await statementsFor(10);
    const forHundred = await statementsFor(100);
    expect(forHundred).toBe(forTen);
    expect(forTen).toBeLessThan(15);
  });

  it("reports the demo data set's sizes, with only people who consented shown to anonymous clients", async () => {
    const {
      rows: [{ listed }],
    } = await db.query("SELECT count(*)::int AS listed FROM people.person WHERE discoverable");
    expect(listed).toBeLessThan(DEMO_SIZES.people);
    const answer = await postGraphQL<Record<string, { totalCount: number }>>(
      testHub.hub.gatewayUrl,
      "{ people(first: 0) { totalCount } organisations(first: 0) { totalCount } opportunities(first: 0) { totalCount } events(first: 0) { totalCount } }",
    );
    expect(answer.data).toEqual({
      people: { totalCount: listed },
      organisations: { totalCount: DEMO_SIZES.organisations },
      opportunities: { totalCount: DEMO_SIZES.opportunities },
      events: { totalCount: DEMO_SIZES.events },
    });
  });

  it("answers a request id on every response", async () => {
    const response = await fetch(new URL("/graphql", testHub.hub.gatewayUrl), {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "trace-me-123" },
      body: JSON.stringify({ query: "{ people(first: 1) { totalCount } }" }),
    });
    expect(response.headers.get("x-request-id")).toBe("trace-me-123");
  });

  it("gives partial data and an error naming the subgraph when a subgraph is down", async () => {
    const events = testHub.hub.subgraphs.find((subgraph) => subgraph.name === "events")!;
    await events.stop();
    const answer = await postGraphQL<Walk>(testHub.hub.gatewayUrl, PERSON_WALK, { id: demoId("person", 7) });
    expect(answer.data!.person.displayName).toEqual(expect.any(String));
    const organisation = answer.data!.person.memberships.edges[0].node.organisation;
    expect(organisation.id).toEqual(expect.any(String));
    expect(organisation.events).toBeNull();
    expect(answer.errors?.map((error) => error.message)).toContain("The events subgraph is unavailable");
    expect(JSON.stringify(answer.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|localhost/);
  });
});
