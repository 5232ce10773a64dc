import { createHubTokenSigner, rotateSigningKeys } from "@agora-hub/runtime";
import { readGatewayConfig } from "../../config";
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from "../../test/test-hub";
import { post } from "./http-request";

// A rotation in progress: a new signing key, then the public half of the previous one.
const PREVIOUS_KEYS = rotateSigningKeys();
const SIGNING_KEYS = JSON.stringify(rotateSigningKeys(PREVIOUS_KEYS));

describe("production start-up checks", () => {
  it("refuses to start in production without its secrets, listing every missing one", () => {
    expect(() => readGatewayConfig({ NODE_ENV: "production" })).toThrow(
      /refuses to start in production[\s\S]*AGORA_ADMIN_TOKEN: not set[\s\S]*AGORA_SIGNING_KEYS: not set/,
    );
  });

  it("refuses a signing key set that is not a valid private JWKS, naming the problem", () => {
    expect(() => readGatewayConfig({ NODE_ENV: "production", AGORA_ADMIN_TOKEN: TEST_ADMIN_TOKEN, AGORA_SIGNING_KEYS: "not-json" })).toThrow(
      /AGORA_SIGNING_KEYS: must be a JSON Web Key Set/,
    );
    const publicOnly = JSON.stringify({ keys: rotateSigningKeys().keys.map(({ d: _d, ...key }) => key) });
    expect(() => readGatewayConfig({ AGORA_SIGNING_KEYS: publicOnly })).toThrow(
      /AGORA_SIGNING_KEYS\.keys\[0\]\.d: the first key signs, so it must be a private key/,
    );
  });

  it("starts in production with both secrets, and outside production without them on a key of its own", () => {
    const production = readGatewayConfig({ NODE_ENV: "production", AGORA_ADMIN_TOKEN: TEST_ADMIN_TOKEN, AGORA_SIGNING_KEYS: SIGNING_KEYS });
    expect(production.production).toBe(true);
    expect(production.signer.signingKid).toBe(JSON.parse(SIGNING_KEYS).keys[0].kid);
    const development = readGatewayConfig({});
    expect(development.production).toBe(false);
    expect(development.signer.jwks.keys).toHaveLength(1);
  });
});

describe("a production gateway", () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub({ env: { NODE_ENV: "production", AGORA_SIGNING_KEYS: SIGNING_KEYS } });
  }, 60_000);

  afterAll(async () => {
    await hub?.close();
  });

  it("publishes both keys of a rotation, and a core subgraph still accepts a token signed with the previous one", async () => {
    const response = await fetch(new URL("/.well-known/jwks.json", hub.hub.gatewayUrl));
    const jwks = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys.map((key) => key.kid)).toEqual([JSON.parse(SIGNING_KEYS).keys[0].kid, PREVIOUS_KEYS.keys[0].kid]);
    expect(jwks.keys.some((key) => "d" in key)).toBe(false);
    const body = JSON.stringify({ query: "{ people(first: 1) { totalCount } }" });
    const previous = createHubTokenSigner({ keys: PREVIOUS_KEYS });
    const token = await previous.sign({ audience: "people", viewer: { kind: "operator" }, body });
    const people = hub.hub.subgraphs.find((subgraph) => subgraph.name === "people")!;
    const answer = await fetch(people.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { people: { totalCount: expect.any(Number) } } });
  });

  it("refuses introspection", async () => {
    const answer = await post(hub.hub.gatewayUrl, `{ __schema { types { name } } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].message).toMatch(/introspection/i);
  });

  it("hides field suggestions from errors", async () => {
    const answer = await post(hub.hub.gatewayUrl, `{ persn { id } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].message).toMatch(/Cannot query field "persn"/);
    expect(answer.body.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});
