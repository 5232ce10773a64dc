import { sendJson, startLoopbackServer, type LoopbackServer } from "../partner-traffic/test/loopback-server";
import { waitFor } from "./gateway-client";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "./test-hub";

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> };

let testHub: TestHub;
let gatewayUrl: string;
let makersKey: string;
let partner: LoopbackServer;
/** How the hand-written partner answers `_entities`, one entity per representation. */
let partnerEntity: (representation: { __typename: string; id: string }) => unknown = () => ({ makersBadge: "gold" });
const hidden: { personId: string; eventId: string } = { personId: "", eventId: "" };
let visiblePersonId: string;

const MAKERS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { makersPing: String }
  type Person @key(fields: "id") { id: ID! makersBadge: String }
`;

const MAKERS_NIGHT = {
  network: "makers",
  title: { originalLanguage: "en", translations: [{ lang: "en", value: "Makers Night" }] },
  format: "CONFERENCE",
  startsAt: "2031-03-01T18:00:00.000Z",
  endsAt: "2031-03-01T22:00:00.000Z",
  timeZone: "Europe/Lisbon",
  attendanceMode: "ONLINE",
  onlineUrl: "https://live.example.org/makers",
};
let makersOrganisationId: string;

async function createOrganisation(name: string): Promise<string> {
  const answer = await graphql(
    "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }",
    { input: { network: "makers", name, kind: "NGO", country: "PT" } },
    makersKey,
  );
  return answer.data!.createOrganisation.id as string;
}

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const response = await fetch(new URL("/graphql", gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

async function admin(path: string, body: unknown, token: string): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(new URL(`/admin${path}`, gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Every id the partner was sent in `_entities` representations so far. */
function idsSentToPartner(): string[] {
  return partner.requests.flatMap(({ body }) => {
    const representations = (JSON.parse(body) as { variables?: { representations?: Array<{ id?: string }> } }).variables?.representations ?? [];
    return representations.map((representation) => representation.id ?? "");
  });
}

beforeAll(async () => {
  testHub = await startTestHub();
  gatewayUrl = testHub.hub.gatewayUrl;
  makersKey = (await admin("/networks", { slug: "makers", name: "Makers", trustLevel: "TRUSTED" }, TEST_ADMIN_TOKEN)).body.apiKey;
  partner = await startLoopbackServer((body, response) => {
    const { variables } = JSON.parse(body) as { variables?: { representations?: Array<{ __typename: string; id: string }> } };
    if (variables?.representations)
      sendJson(response, { data: { _entities: variables.representations.map((representation) => partnerEntity(representation)) } });
    else sendJson(response, { data: { makersPing: "pong" } });
  });
  const published = await admin("/subgraphs/publish", { name: "makers", url: partner.url, sdl: MAKERS_SDL }, makersKey);
  expect(published.body).toMatchObject({ ok: true });

  // One person of the network who is not listed in the directory, one who is, both speaking at one event.
  const create = "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }";
  hidden.personId = (
    await graphql(create, { input: { network: "makers", displayName: "Unlisted Speaker", discoverable: false } }, makersKey)
  ).data!.createPerson.id;
  visiblePersonId = (await graphql(create, { input: { network: "makers", displayName: "Listed Speaker", discoverable: true } }, makersKey)).data!.createPerson
    .id;
  makersOrganisationId = await createOrganisation("Makers Collective");
  const event = await graphql(
    "mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }",
    { input: { ...MAKERS_NIGHT, organiserIds: [makersOrganisationId], speakerIds: [hidden.personId, visiblePersonId] } },
    makersKey,
  );
  expect(event.errors).toBeUndefined();
  hidden.eventId = event.data!.createEvent.id;
  // The gateway serves the partner's fields once the published supergraph is loaded.
  await waitFor(
    () => graphql("{ makersPing }"),
    (answer) => answer.data?.makersPing === "pong",
  );
});

afterAll(async () => {
  await partner?.close();
  await testHub?.close();
});

describe("a reference to a hidden or missing entity costs only that reference", () => {
  it("answers every event's speakers, leaving out people not listed in the directory, instead of nulling the list", async () => {
    const answer = await graphql("{ events(first: 100) { totalCount edges { node { id speakers { id displayName } } } } }");
    expect(answer.data).not.toBeNull();
    const edges = answer.data!.events.edges as Array<{ node: { id: string; speakers: Array<{ id: string; displayName: string }> } }>;
    expect(edges.length).toBeGreaterThan(10);
    const ours = edges.find((edge) => edge.node.id === hidden.eventId)!;
    expect(ours.node.speakers).toEqual([{ id: visiblePersonId, displayName: "Listed Speaker" }]);
    for (const edge of edges) for (const speaker of edge.node.speakers) expect(speaker).toEqual({ id: expect.any(String), displayName: expect.any(String) });
  });

  it("shows the unlisted speaker to their own network", async () => {
    const answer = await graphql(
      "query($id: ID!) { events(first: 100) { edges { node { id speakers { id } } } } person(id: $id) { id } }",
      { id: hidden.personId },
      makersKey,
    );
    const ours = (answer.data!.events.edges as Array<{ node: { id: string; speakers: Array<{ id: string }> } }>).find(
      (edge) => edge.node.id === hidden.eventId,
    )!;
    expect(ours.node.speakers.map((speaker) => speaker.id)).toEqual([hidden.personId, visiblePersonId]);
  });

  it("never reveals an unlisted person's id: not as a speaker, not in JSON-LD, not to partners", async () => {
    const before = partner.requests.length;
    const answer = await graphql("{ events(first: 100) { edges { node { speakers { id makersBadge } jsonLd } } } }");
    expect(answer.errors).toBeUndefined();
    expect(JSON.stringify(answer)).not.toContain(hidden.personId);
    expect(JSON.stringify(answer)).toContain(visiblePersonId);
    const page = await fetch(new URL(`/events/${hidden.eventId}.jsonld`, gatewayUrl));
    expect(page.status).toBe(200);
    const jsonLd = await page.text();
    expect(jsonLd).toContain(visiblePersonId);
    expect(jsonLd).not.toContain(hidden.personId);
    expect(partner.requests.length).toBeGreaterThan(before);
    expect(idsSentToPartner()).toContain(visiblePersonId);
    expect(idsSentToPartner()).not.toContain(hidden.personId);
  });

  it("answers an organiser that was deleted as one null with an error saying so, keeping the event", async () => {
    const organisationId = await createOrganisation("Short-lived Collective");
    const event = await graphql(
      "mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }",
      {
        input: {
          ...MAKERS_NIGHT,
          title: { originalLanguage: "en", translations: [{ lang: "en", value: "Farewell" }] },
          organiserIds: [makersOrganisationId, organisationId],
        },
      },
      makersKey,
    );
    expect(event.errors).toBeUndefined();
    expect((await graphql("mutation($id: ID!) { deleteOrganisation(id: $id) }", { id: organisationId }, makersKey)).errors).toBeUndefined();
    const answer = await graphql("{ events(first: 100) { edges { node { id organisers { name } } } } }");
    const ours = (answer.data!.events.edges as Array<{ node: { id: string; organisers: unknown[] } }>).find(
      (edge) => edge.node.id === event.data!.createEvent.id,
    )!;
    expect(ours.node.organisers).toEqual([{ name: "Makers Collective" }, null]);
    const index = (answer.data!.events.edges as Array<{ node: { id: string } }>).indexOf(ours as never);
    expect(answer.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ["events", "edges", index, "node", "organisers", 1, "name"], extensions: { code: "FIELD_UNRESOLVED" } }),
      ]),
    );
  });
});

describe("a partner cannot rewrite core data", () => {
  it("keeps the hub's own fields and ids when a partner answers fields it was not asked for", async () => {
    partnerEntity = () => ({
      __typename: "Person",
      makersBadge: "gold",
      id: "00000000-0000-4000-8000-000000000000",
      displayName: "SPOOFED",
      contactEmail: "spoof@evil.example",
    });
    try {
      const answer = await graphql("{ people(first: 20) { edges { node { id displayName contactEmail makersBadge } } } }");
      expect(answer.errors).toBeUndefined();
      const nodes = (answer.data!.people.edges as Array<{ node: Record<string, unknown> }>).map((edge) => edge.node);
      expect(nodes.length).toBe(20);
      for (const node of nodes) {
        expect(node.makersBadge).toBe("gold");
        expect(node.displayName).not.toBe("SPOOFED");
        expect(node.contactEmail).toBeNull();
        expect(node.id).not.toBe("00000000-0000-4000-8000-000000000000");
      }
    } finally {
      partnerEntity = () => ({ makersBadge: "gold" });
    }
  });
});

describe("a subgraph that is down costs only the fields it owns", () => {
  it("serves people when the events subgraph is stopped, with an error naming events", async () => {
    const events = testHub.hub.subgraphs.find((subgraph) => subgraph.name === "events")!;
    await events.stop();
    const answer = await graphql("{ people(first: 5) { edges { node { id displayName events(first: 2) { totalCount } } } } events(first: 5) { totalCount } }");
    expect(answer.data!.people.edges).toHaveLength(5);
    for (const edge of answer.data!.people.edges as Array<{ node: { displayName: string; events: unknown } }>) {
      expect(edge.node.displayName).toEqual(expect.any(String));
      expect(edge.node.events).toBeNull();
    }
    expect(answer.data!.events).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({
      message: "The events subgraph is unavailable",
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "events" },
    });
  });
});
