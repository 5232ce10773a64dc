import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { Ctx, Query, Resolver } from "type-graphql";
import type { DataSource } from "typeorm";
import { bodyHash, createHubTokenSigner, HUB_TOKEN_TTL_S, openSubgraphDatabase, rotateSigningKeys, type Viewer } from "@agora-hub/runtime";
import { createHubTokenVerifier, createReplayGuard } from "../src";
import type { SubgraphContext, SubgraphDefinition } from "../src/subgraph";
import { listenSubgraph, type RunningSubgraph } from "../src/server/subgraph-server";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

// A rotation in progress: `current` signs, `previous` is still published so its tokens keep verifying.
const previousKeys = rotateSigningKeys();
const rotatedKeys = rotateSigningKeys(previousKeys);
const current = createHubTokenSigner({ keys: rotatedKeys });
const previous = createHubTokenSigner({ keys: previousKeys });
// A key the hub never published.
const stranger = createHubTokenSigner({ keys: rotateSigningKeys() });

const OPERATOR: Viewer = { kind: "operator" };
const body = JSON.stringify({ query: "{ whoAmI }" });

describe("the hub's token", () => {
  it("carries the audience, the role and network only, the body's hash, a unique id and a short lifetime", async () => {
    const token = await current.sign({ audience: "events", viewer: { kind: "network", network: "makers" }, body });
    const claims = decodeJwt(token);
    expect(Object.keys(claims).sort()).toEqual(["aud", "bh", "exp", "iat", "iss", "jti", "network", "role"]);
    expect(claims).toMatchObject({ iss: "agora-hub", aud: "events", role: "network", network: "makers", bh: bodyHash(body) });
    expect(claims.exp! - claims.iat!).toBe(HUB_TOKEN_TTL_S);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "EdDSA", kid: current.signingKid, typ: "JWT" });
    expect(decodeJwt(await current.sign({ audience: "events", viewer: OPERATOR, body })).jti).not.toBe(claims.jti);
  });

  it("publishes the public halves of both keys during a rotation, the signing one first, never a private part", () => {
    expect(current.jwks.keys.map((key) => key.kid)).toEqual([current.signingKid, previous.signingKid]);
    for (const key of current.jwks.keys) {
      expect(key).not.toHaveProperty("d");
      expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
    }
  });

  it("also signs with an ES256 key", async () => {
    const jwk = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" });
    const signer = createHubTokenSigner({ keys: { keys: [{ ...jwk, kid: "ec-1" } as never] } });
    const verifier = createHubTokenVerifier({ keys: { jwks: signer.jwks }, audience: "people" });
    expect(await verifier.verify(`Bearer ${await signer.sign({ audience: "people", viewer: OPERATOR, body })}`, body)).toEqual({ ok: true, viewer: OPERATOR });
  });

  it.each([
    ["not JSON", "{keys", /AGORA_SIGNING_KEYS: must be a JSON Web Key Set/],
    ["no keys", JSON.stringify({ keys: [] }), /AGORA_SIGNING_KEYS\.keys: must hold at least the signing key/],
    ["three keys", JSON.stringify({ keys: [...rotatedKeys.keys, ...previousKeys.keys.map((key) => ({ ...key, kid: "third" }))] }), /at most 2 keys/],
    ["a public first key", JSON.stringify({ keys: [{ ...rotatedKeys.keys[0], d: undefined }] }), /the first key signs, so it must be a private key/],
    ["a duplicate kid", JSON.stringify({ keys: [rotatedKeys.keys[0], { ...rotatedKeys.keys[1], kid: rotatedKeys.keys[0].kid }] }), /every kid must be unique/],
    ["an RSA key", JSON.stringify({ keys: [{ ...rotatedKeys.keys[0], kty: "RSA" }] }), /keys\[0\]\.kty: must be OKP \(Ed25519\) or EC \(P-256\)/],
    ["a private part of another key", JSON.stringify({ keys: [{ ...rotatedKeys.keys[0], x: rotatedKeys.keys[1].x }] }), /kid .*: x\/y do not match d/],
  ])("refuses a key set with %s, naming the variable and the problem", (_case, keys, message) => {
    expect(() => createHubTokenSigner({ keys })).toThrow(message);
  });
});

describe("the replay guard", () => {
  it("forgets ids once their tokens have expired, so its memory stays bounded by the lifetime", () => {
    const replays = createReplayGuard();
    const start = Date.now();
    for (let i = 0; i < 100; i += 1) expect(replays.accept(`id-${i}`, start + 1000, start)).toBe("accepted");
    expect(replays.accept("id-1", start + 1000, start + 500)).toBe("replayed");
    expect(replays.size).toBe(100);
    expect(replays.accept("later", start + 3000, start + 1001)).toBe("accepted");
    expect(replays.size).toBe(1);
  });

  it("refuses new ids when full rather than forget one that could still be replayed", () => {
    const replays = createReplayGuard({ maxEntries: 2 });
    const now = Date.now();
    expect(replays.accept("a", now + 1000, now)).toBe("accepted");
    expect(replays.accept("b", now + 1000, now)).toBe("accepted");
    expect(replays.accept("c", now + 1000, now)).toBe("too many");
  });
});

@Resolver()
class WhoAmIResolver {
  @Query(() => String, { description: "The viewer as the subgraph received it, with the client pseudonym when there is one." })
  whoAmI(@Ctx() context: SubgraphContext): string {
    return JSON.stringify(context.client ? { ...context.viewer, client: context.client } : context.viewer);
  }
}

const whoAmI: SubgraphDefinition<Record<string, never>> = {
  name: "signatures",
  defaultPort: 0,
  resolvers: [WhoAmIResolver],
  referenceResolvers: {},
  entities: [],
  migrations: [],
  createLoaders: () => ({}),
};

describe("a subgraph verifying the hub's tokens with its JWKS URL", () => {
  let subgraph: RunningSubgraph;
  let database: TestDatabase;
  let dataSource: DataSource;
  let jwksServer: Server;
  let jwksRequests = 0;
  beforeAll(async () => {
    // The hub's /.well-known/jwks.json during a rotation.
    jwksServer = createServer((_request, response) => {
      jwksRequests += 1;
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(current.jwks));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
    // No resolver here touches the database, but a subgraph serves only on a real one.
    database = await createTestDatabase();
    dataSource = await openSubgraphDatabase({ url: database.url, schema: "signatures", entities: [], migrations: [], poolSize: 1 });
    subgraph = await listenSubgraph(whoAmI, dataSource, { port: 0, host: "127.0.0.1", hubKeys: { jwksUrl }, partner: true });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await dataSource?.destroy();
    await database?.drop();
    await new Promise<void>((resolve) => jwksServer?.close(() => resolve()));
  });

  type Answer = { status: number; body: { data?: { whoAmI: string }; errors?: Array<{ extensions: { code: string; reason: string } }> } };
  const call = (token: string | undefined, sent = body): Promise<Answer> =>
    fetch(subgraph.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: sent,
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as Answer["body"] }));
  const sign = (options: { signer?: typeof current; audience?: string; viewer?: Viewer; signedBody?: string; now?: number } = {}) =>
    (options.signer ?? current).sign({
      audience: options.audience ?? "signatures",
      viewer: options.viewer ?? OPERATOR,
      body: options.signedBody ?? body,
      now: options.now,
    });
  const refused = (reason: string) => ({
    status: 401,
    body: { errors: [{ message: "requests must come through the Agora gateway", extensions: { code: "UNAUTHENTICATED", reason } }] },
  });

  it("accepts a token once and gives resolvers the viewer it names", async () => {
    const network: Viewer = { kind: "network", network: "creative-tracks" };
    expect(await call(await sign({ viewer: network }))).toEqual({ status: 200, body: { data: { whoAmI: JSON.stringify(network) } } });
    expect(await call(await sign())).toEqual({ status: 200, body: { data: { whoAmI: JSON.stringify(OPERATOR) } } });
  });

  it("gives resolvers a trusted network, a moderator and the client pseudonym as signed, and refuses a malformed pseudonym", async () => {
    const trusted: Viewer = { kind: "network", network: "creative-tracks", trusted: true };
    const moderator: Viewer = { kind: "moderator", moderator: "amina" };
    expect(await call(await sign({ viewer: trusted }))).toEqual({ status: 200, body: { data: { whoAmI: JSON.stringify(trusted) } } });
    const client = "c2FtcGxlLWNsaWVudC1wc2V1ZG9ueW0";
    const withClient = await current.sign({ audience: "signatures", viewer: moderator, body, client });
    expect(decodeJwt(withClient)).toMatchObject({ role: "moderator", moderator: "amina", cl: client });
    expect(await call(withClient)).toEqual({ status: 200, body: { data: { whoAmI: JSON.stringify({ ...moderator, client }) } } });
    expect(await call(await current.sign({ audience: "signatures", viewer: moderator, body, client: "short" }))).toEqual(refused("malformed"));
  });

  it("still accepts a token signed with the previous key of a rotation", async () => {
    expect(await call(await sign({ signer: previous }))).toMatchObject({ status: 200, body: { data: { whoAmI: JSON.stringify(OPERATOR) } } });
  });

  it("refuses a replayed token with 401", async () => {
    const token = await sign();
    expect((await call(token)).status).toBe(200);
    expect(await call(token)).toEqual(refused("replayed"));
  });

  it("refuses a missing token, and a token for another subgraph, with 401", async () => {
    expect(await call(undefined)).toEqual(refused("missing"));
    expect(await call(await sign({ audience: "people" }))).toEqual(refused("wrong-audience"));
  });

  it("refuses an expired token and one issued too far ahead of its clock with 401", async () => {
    expect(await call(await sign({ now: Date.now() - (HUB_TOKEN_TTL_S + 10) * 1000 }))).toEqual(refused("expired"));
    expect(await call(await sign({ now: Date.now() + 60_000 }))).toEqual(refused("expired"));
  });

  it("refuses a token made for another body (a tampered request) with 401", async () => {
    const token = await sign();
    expect(await call(token, JSON.stringify({ query: "{ __typename }" }))).toEqual(refused("body-mismatch"));
  });

  it("refuses a token signed with a key the hub does not publish, asking for the JWKS again at most once in a while", async () => {
    const before = jwksRequests;
    expect(await call(await sign({ signer: stranger }))).toEqual(refused("unknown-key"));
    expect(await call(await sign({ signer: stranger }))).toEqual(refused("unknown-key"));
    expect(jwksRequests - before).toBeLessThanOrEqual(1);
  });

  it("refuses a token whose signature does not match, and a header that is not a bearer token", async () => {
    const [header, payload] = (await sign()).split(".");
    const [, , otherSignature] = (await sign({ viewer: { kind: "anonymous" } })).split(".");
    expect(await call(`${header}.${payload}.${otherSignature}`)).toEqual(refused("bad-signature"));
    const response = await fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json", authorization: "Basic b3A6b3A=" }, body });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
  });
});

describe("which subgraphs hold which keys", () => {
  it("refuses to start a partner's subgraph that was given the hub's signing keys", async () => {
    await expect(listenSubgraph(whoAmI, {} as DataSource, { port: 0, host: "127.0.0.1", partner: true, signer: current })).rejects.toThrow(
      /runs as a partner's, so it must not hold the hub's signing keys \(AGORA_SIGNING_KEYS\)/,
    );
  });

  it("refuses to start in production without the hub's keys", async () => {
    await expect(listenSubgraph(whoAmI, {} as DataSource, { port: 0, host: "127.0.0.1", production: true, partner: true })).rejects.toThrow(
      "the signatures subgraph needs AGORA_JWKS_URL (the hub's /.well-known/jwks.json) in production, so that only the gateway can call it",
    );
  });
});
