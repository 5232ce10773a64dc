import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac } from "node:crypto";
import type { Viewer } from "@agora-hub/subgraph-kit";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { deliverErasureWebhooks, readErasureWebhookConfig, WEBHOOK_HEADERS } from "../erasure/person-erasure.webhook";
import { peopleSubgraph } from "../people.subgraph";
import type { PersonLoaders } from "../person/person.loaders";

let subgraph: TestSubgraph<PersonLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(peopleSubgraph);
});
afterAll(() => subgraph.close());
beforeEach(() => subgraph.dataSource.query("TRUNCATE person, person_erasure, person_erasure_webhook"));

const OPERATOR: Viewer = { kind: "operator" };
const OWN_NETWORK: Viewer = { kind: "network", network: "creative-tracks" };
const OTHER_NETWORK: Viewer = { kind: "network", network: "design-hub" };
const ANONYMOUS: Viewer = { kind: "anonymous" };

const CREATE_PERSON = /* GraphQL */ `
  mutation CreatePerson($input: CreatePersonInput!) { createPerson(input: $input) { id } }
`;
const EXPORT_PERSON_DATA = /* GraphQL */ `
  query ExportPersonData($id: ID!) { exportPersonData(id: $id) { personId network exportedAt person } }
`;
const ERASE_PERSON = /* GraphQL */ `
  mutation ErasePerson($id: ID!) { erasePerson(id: $id) { id personId erasedAt status } }
`;
const PERSON_ERASURES = /* GraphQL */ `
  query PersonErasures($after: String, $first: Int) {
    personErasures(after: $after, first: $first) { totalCount edges { node { id personId erasedAt status } } pageInfo { endCursor hasNextPage } }
  }
`;
const GET_PERSON = /* GraphQL */ `
  query GetPerson($id: ID!) { person(id: $id) { id } }
`;

type Erasure = { id: string | null; personId: string; erasedAt: string | null; status: string };

async function createPerson(overrides: Record<string, unknown> = {}): Promise<string> {
  const input = {
    network: "creative-tracks",
    sourceId: `ct-${Math.random()}`,
    displayName: "Amira Haddad",
    city: "Tunis",
    contactEmail: "amira@example.org",
    discoverable: true,
    ...overrides,
  };
  const result = await subgraph.execute<{ createPerson: { id: string } }>(CREATE_PERSON, { input });
  expect(result.errors).toBeUndefined();
  return result.data!.createPerson.id;
}

async function erase(id: string, viewer: Viewer = OPERATOR) {
  return subgraph.execute<{ erasePerson: Erasure }>(ERASE_PERSON, { id }, { viewer });
}

describe("people subgraph: GDPR export", () => {
  it("exports every stored field of a person, private ones included, to the person's network and the operator", async () => {
    const id = await createPerson();
    for (const viewer of [OPERATOR, OWN_NETWORK]) {
      const result = await subgraph.execute<{ exportPersonData: Record<string, unknown> }>(EXPORT_PERSON_DATA, { id }, { viewer });
      expect(result.errors).toBeUndefined();
      expect(result.data!.exportPersonData).toMatchObject({
        personId: id,
        network: "creative-tracks",
        exportedAt: expect.any(String),
        person: {
          id,
          network: "creative-tracks",
          displayName: "Amira Haddad",
          city: "Tunis",
          contactEmail: "amira@example.org",
          discoverable: true,
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      });
    }
  });

  it("answers null to other networks and anonymous viewers, as for an unknown id, even for a listed person", async () => {
    const id = await createPerson({ discoverable: true });
    for (const viewer of [OTHER_NETWORK, ANONYMOUS]) {
      const result = await subgraph.execute(EXPORT_PERSON_DATA, { id }, { viewer });
      expect(result.errors).toBeUndefined();
      expect(result.data!.exportPersonData).toBeNull();
    }
    const unknown = await subgraph.execute(EXPORT_PERSON_DATA, { id: "00000000-0000-4000-8000-000000000000" });
    expect(unknown.data!.exportPersonData).toBeNull();
  });

  it("resolves an export representation only when its network matches the person and the viewer may read it", async () => {
    const id = await createPerson();
    const query = /* GraphQL */ `
      query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on PersonDataExport { personId person } } }
    `;
    const representations = [
      { __typename: "PersonDataExport", personId: id, network: "creative-tracks" },
      { __typename: "PersonDataExport", personId: id, network: "design-hub" },
    ];
    const asOwn = await subgraph.execute<{ _entities: Array<{ personId: string } | null> }>(query, { representations }, { viewer: OWN_NETWORK });
    expect(asOwn.errors).toBeUndefined();
    expect(asOwn.data!._entities.map((entity) => entity?.personId ?? null)).toEqual([id, null]);
    const asOther = await subgraph.execute<{ _entities: unknown[] }>(query, { representations }, { viewer: OTHER_NETWORK });
    expect(asOther.data!._entities).toEqual([null, null]);
  });
});

describe("people subgraph: GDPR erasure", () => {
  it("erases a person, records an audit entry holding no personal data, and says so when asked again", async () => {
    const id = await createPerson();
    const first = await erase(id, OWN_NETWORK);
    expect(first.errors).toBeUndefined();
    expect(first.data!.erasePerson).toMatchObject({ id: expect.any(String), personId: id, erasedAt: expect.any(String), status: "ERASED" });
    expect((await subgraph.execute(GET_PERSON, { id })).data!.person).toBeNull();

    const [audit] = await subgraph.dataSource.query("SELECT * FROM person_erasure");
    expect(Object.keys(audit).sort()).toEqual(["actor_kind", "actor_network", "erased_at", "id", "network", "person_id", "seq", "status"]);
    expect(audit).toMatchObject({ person_id: id, network: "creative-tracks", actor_kind: "network", actor_network: "creative-tracks", status: "ERASED" });
    expect(JSON.stringify(audit)).not.toMatch(/Amira|Tunis|example\.org/);
    // The change feed keeps nothing of them either: their unclaimed CREATED row is replaced by a DELETED one without data.
    expect(await subgraph.dataSource.query("SELECT kind, public, document FROM record_change WHERE record_id = $1", [id])).toEqual([
      { kind: "DELETED", public: false, document: null },
    ]);

    const again = await erase(id);
    expect(again.errors).toBeUndefined();
    expect(again.data!.erasePerson).toEqual({ ...first.data!.erasePerson, status: "ALREADY_ERASED" });
    const [{ count }] = await subgraph.dataSource.query("SELECT count(*)::int AS count FROM person_erasure");
    expect(count).toBe(1);
  });

  it("answers NOT_FOUND, writing nothing, for an unknown id and for another network's person", async () => {
    const id = await createPerson();
    const unknown = await erase("00000000-0000-4000-8000-000000000000");
    expect(unknown.data!.erasePerson).toEqual({ id: null, personId: "00000000-0000-4000-8000-000000000000", erasedAt: null, status: "NOT_FOUND" });
    const otherNetwork = await erase(id, OTHER_NETWORK);
    expect(otherNetwork.data!.erasePerson).toMatchObject({ id: null, status: "NOT_FOUND" });
    expect((await subgraph.execute(GET_PERSON, { id })).data!.person).toEqual({ id });
    const [{ count }] = await subgraph.dataSource.query("SELECT count(*)::int AS count FROM person_erasure");
    expect(count).toBe(0);
  });

  it("refuses an anonymous erasure and an anonymous read of the feed", async () => {
    const id = await createPerson();
    const erasure = await erase(id, ANONYMOUS);
    expect(erasure.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const feed = await subgraph.execute(PERSON_ERASURES, {}, { viewer: ANONYMOUS });
    expect(feed.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await subgraph.execute(GET_PERSON, { id })).data!.person).toEqual({ id });
  });

  it("erases one person once when two requests race", async () => {
    const id = await createPerson();
    const results = await Promise.all([erase(id), erase(id), erase(id, OWN_NETWORK)]);
    expect(results.map((result) => result.data!.erasePerson.status).sort()).toEqual(["ALREADY_ERASED", "ALREADY_ERASED", "ERASED"]);
  });

  it("lists erasures oldest first in a feed that networks resume from a cursor", async () => {
    const ids = [await createPerson(), await createPerson(), await createPerson()];
    for (const id of ids) await erase(id);
    const firstPage = await subgraph.execute<{
      personErasures: { totalCount: number; edges: Array<{ node: Erasure }>; pageInfo: { endCursor: string; hasNextPage: boolean } };
    }>(PERSON_ERASURES, { first: 2 }, { viewer: OTHER_NETWORK });
    expect(firstPage.errors).toBeUndefined();
    const feed = firstPage.data!.personErasures;
    expect(feed.totalCount).toBe(3);
    expect(feed.edges.map((edge) => edge.node.personId)).toEqual(ids.slice(0, 2));
    expect(feed.pageInfo.hasNextPage).toBe(true);
    const rest = await subgraph.execute<{ personErasures: { edges: Array<{ node: Erasure }>; pageInfo: { hasNextPage: boolean } } }>(PERSON_ERASURES, {
      first: 2,
      after: feed.pageInfo.endCursor,
    });
    expect(rest.data!.personErasures.edges.map((edge) => edge.node.personId)).toEqual([ids[2]]);
    expect(rest.data!.personErasures.pageInfo.hasNextPage).toBe(false);
  });
});

describe("people subgraph: erasure webhooks", () => {
  const SECRET = "webhook-secret-0123456789abcdef0123456789";
  let server: Server;
  let url: string;
  let received: Array<{ body: string; headers: IncomingMessage["headers"] }>;
  let failNext = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        if (failNext > 0) {
          failNext -= 1;
          res.writeHead(503).end();
          return;
        }
        received.push({ body, headers: req.headers });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/erasures`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received = [];
    failNext = 0;
  });

  it("posts each erasure once, signed, retrying a failed delivery on the next poll", async () => {
    const config = readErasureWebhookConfig({ AGORA_ERASURE_WEBHOOK_URLS: url, AGORA_WEBHOOK_SECRET: SECRET })!;
    const [first, second] = [await createPerson(), await createPerson()];
    const erasures = [(await erase(first)).data!.erasePerson, (await erase(second)).data!.erasePerson];

    failNext = 1;
    await deliverErasureWebhooks(subgraph.dataSource, config);
    expect(received).toEqual([]);
    const [state] = await subgraph.dataSource.query("SELECT delivered_seq, last_error FROM person_erasure_webhook");
    expect(state).toEqual({ delivered_seq: "0", last_error: "answered HTTP 503" });

    await deliverErasureWebhooks(subgraph.dataSource, config);
    await deliverErasureWebhooks(subgraph.dataSource, config);
    expect(received.map((request) => JSON.parse(request.body))).toEqual(
      erasures.map((erasure) => ({ erasureId: erasure.id, personId: erasure.personId, erasedAt: erasure.erasedAt })),
    );
    for (const { body, headers } of received) {
      const timestamp = headers[WEBHOOK_HEADERS.timestamp] as string;
      const expected = createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex");
      expect(headers[WEBHOOK_HEADERS.signature]).toBe(`v1=${expected}`);
    }
  });

  it("needs a secret when webhook URLs are configured, and is off without URLs", () => {
    expect(() => readErasureWebhookConfig({ AGORA_ERASURE_WEBHOOK_URLS: url })).toThrow(/AGORA_WEBHOOK_SECRET/);
    expect(() => readErasureWebhookConfig({ AGORA_ERASURE_WEBHOOK_URLS: "ftp://example.org", AGORA_WEBHOOK_SECRET: SECRET })).toThrow(/http/);
    expect(readErasureWebhookConfig({})).toBeNull();
  });
});
