import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import type { IncomingHttpHeaders } from "node:http";
import { decodeJwt } from "jose";
import { createHubTokenSigner, rotateSigningKeys, type Viewer } from "@agora-hub/runtime";
import { waitFor } from "./gateway-client";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "./test-hub";

type Answer = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

let testHub: TestHub;
let gatewayUrl: string;
let peopleUrl: string;
let networkKey: string;
let partner: { stop: () => Promise<void>; url: string };
const partnerHeaders: IncomingHttpHeaders[] = [];

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ status: number; body: Answer }> {
  const response = await fetch(new URL("/graphql", gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

async function admin(path: string, body: unknown, token: string): Promise<Record<string, any>> {
  const response = await fetch(new URL(`/admin${path}`, gatewayUrl), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, any>;
}

/** Posts straight to the people subgraph, bypassing the gateway. */
async function callPeopleDirectly(body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Answer }> {
  const response = await fetch(peopleUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, body: (await response.json()) as Answer };
}

const CREATE_PERSON = "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id network discoverable } }";
const GET_PERSON = "query($id: ID!) { person(id: $id) { id displayName } }";
const PROBE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { probeNetEcho: String }
`;

beforeAll(async () => {
  testHub = await startTestHub({ seed: { people: 0, organisations: 0, opportunities: 0, events: 0 } });
  gatewayUrl = testHub.hub.gatewayUrl;
  peopleUrl = testHub.hub.subgraphs.find((subgraph) => subgraph.name === "people")!.url;
  networkKey = (await admin("/networks", { slug: "probe-net", name: "Probe network" }, TEST_ADMIN_TOKEN)).apiKey;

  const server = new ApolloServer<{ headers: IncomingHttpHeaders }>({
    schema: buildSubgraphSchema({
      typeDefs: parse(PROBE_SDL),
      resolvers: {
        Query: {
          probeNetEcho: (_root: unknown, _args: unknown, context: unknown) => (
            partnerHeaders.push((context as { headers: IncomingHttpHeaders }).headers),
            "echo"
          ),
        },
      },
    }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" }, context: async ({ req }) => ({ headers: req.headers }) });
  partner = { url, stop: () => server.stop() };
});
afterAll(async () => {
  await partner?.stop();
  await testHub?.close();
});

describe("who may do what, through the gateway", () => {
  it("lets a network key write its own records through the gateway, and refuses another network's slug", async () => {
    const own = await graphql(CREATE_PERSON, { input: { network: "probe-net", displayName: "Own Person" } }, networkKey);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.createPerson).toMatchObject({ network: "probe-net" });
    const other = await graphql(CREATE_PERSON, { input: { network: "creative-tracks", displayName: "Not Mine" } }, networkKey);
    expect(other.body.errors![0].extensions).toMatchObject({ code: "FORBIDDEN", field: "network" });
  });

  it("refuses anonymous writes with UNAUTHENTICATED", async () => {
    const answer = await graphql(CREATE_PERSON, { input: { network: "probe-net", displayName: "Nobody" } });
    expect(answer.body.errors![0].extensions).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("answers an invalid or malformed token with 401 UNAUTHENTICATED instead of reading anonymously", async () => {
    for (const token of ["agora_aaaaaaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not-a-token-at-all"]) {
      const answer = await graphql("{ people(first: 1) { totalCount } }", {}, token);
      expect(answer.status).toBe(401);
      expect(answer.body.errors![0].extensions).toMatchObject({ code: "UNAUTHENTICATED" });
    }
  });

  it("passes the viewer to the subgraph: a network sees its own non-discoverable person, others do not", async () => {
    const created = await graphql(CREATE_PERSON, { input: { network: "probe-net", displayName: "Hidden Person", discoverable: false } }, networkKey);
    const id = created.body.data!.createPerson.id;
    expect((await graphql(GET_PERSON, { id }, networkKey)).body.data).toEqual({ person: { id, displayName: "Hidden Person" } });
    expect((await graphql(GET_PERSON, { id }, TEST_ADMIN_TOKEN)).body.data).toEqual({ person: { id, displayName: "Hidden Person" } });
    expect((await graphql(GET_PERSON, { id })).body.data).toEqual({ person: null });
  });
});

describe("core subgraphs accept only the gateway's tokens", () => {
  const body = JSON.stringify({ query: "{ people(first: 1) { totalCount } }" });
  const operator: Viewer = { kind: "operator" };
  const refused = (reason: string) => ({
    status: 401,
    body: { errors: [{ message: "requests must come through the Agora gateway", extensions: { code: "UNAUTHENTICATED", reason } }] },
  });
  const token = (options: { audience?: string; signedBody?: string; now?: number; signer?: ReturnType<typeof createHubTokenSigner> } = {}) =>
    (options.signer ?? testHub.hub.signer).sign({
      audience: options.audience ?? "people",
      viewer: operator,
      body: options.signedBody ?? body,
      now: options.now,
    });
  const bearer = async (value: Promise<string>) => ({ authorization: `Bearer ${await value}` });

  it("refuses a direct call without a token, or with the client's own credentials, with 401", async () => {
    expect(await callPeopleDirectly(body)).toEqual(refused("missing"));
    expect(await callPeopleDirectly(body, { authorization: `Bearer ${TEST_ADMIN_TOKEN}` })).toEqual(refused("malformed"));
  });

  it("refuses a token for another subgraph, another body, an expired one, a replayed one and one of an unknown key", async () => {
    expect(await callPeopleDirectly(body, await bearer(token({ audience: "events" })))).toEqual(refused("wrong-audience"));
    expect(await callPeopleDirectly(body, await bearer(token({ signedBody: JSON.stringify({ query: "{ __typename }" }) })))).toEqual(refused("body-mismatch"));
    expect(await callPeopleDirectly(body, await bearer(token({ now: Date.now() - 120_000 })))).toEqual(refused("expired"));
    expect(await callPeopleDirectly(body, await bearer(token({ signer: createHubTokenSigner({ keys: rotateSigningKeys() }) })))).toEqual(
      refused("unknown-key"),
    );
    // A proper token is served once, so the refusals above are the token's doing.
    const once = await bearer(token());
    expect(await callPeopleDirectly(body, once)).toMatchObject({ status: 200, body: { data: { people: { totalCount: expect.any(Number) } } } });
    expect(await callPeopleDirectly(body, once)).toEqual(refused("replayed"));
  });

  it("publishes the hub's public keys at /.well-known/jwks.json with cache headers", async () => {
    const response = await fetch(new URL("/.well-known/jwks.json", gatewayUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const jwks = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys.map((key) => key.kid)).toEqual([testHub.hub.signer.signingKid]);
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });
});

describe("partner subgraphs", () => {
  it("receive the hub's token for their name and the viewer, never the client's credentials", async () => {
    const published = await admin("/subgraphs/publish", { name: "probe-net", url: partner.url, sdl: PROBE_SDL }, networkKey);
    expect(published).toMatchObject({ ok: true });
    const answer = await waitFor(
      () => graphql("{ probeNetEcho }", {}, networkKey),
      (a) => a.body.data?.probeNetEcho === "echo",
    );
    expect(answer.body.data).toEqual({ probeNetEcho: "echo" });
    const received = partnerHeaders.at(-1)!;
    const token = /^Bearer (.+)$/.exec(received.authorization ?? "")?.[1];
    expect(token).toBeDefined();
    expect(received.authorization).not.toContain(networkKey);
    const claims = decodeJwt(token!);
    expect(claims).toMatchObject({ iss: "agora-hub", aud: "probe-net", role: "network", network: "probe-net", bh: expect.any(String) });
    expect(Object.keys(claims).sort()).toEqual(["aud", "bh", "exp", "iat", "iss", "jti", "network", "role"]);
    expect(received["x-agora-languages"]).toBeUndefined();
  });
});
