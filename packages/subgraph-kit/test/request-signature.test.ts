import { Ctx, Query, Resolver } from "type-graphql";
import type { DataSource } from "typeorm";
import {
  createReplayGuard,
  encodeViewer,
  MAX_CLOCK_SKEW_MS,
  MAX_SIGNATURE_AGE_MS,
  SIGNATURE_HEADERS,
  signRequest,
  verifyRequest,
} from "@agora-hub/runtime";
import type { SubgraphContext, SubgraphDefinition } from "../src/subgraph";
import { listenSubgraph, type RunningSubgraph } from "../src/server/subgraph-server";
import { openSubgraphDatabase } from "@agora-hub/runtime";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

const SECRET = "request-signature-test-secret-0123456789";
const operator = encodeViewer({ kind: "operator" });
const body = JSON.stringify({ query: "{ whoAmI }" });

/** The headers the gateway sends with `body`, signed at `now`. */
function signed(options: { now?: number; requestId?: string } = {}): Record<string, string> {
  const requestId = options.requestId ?? "req-sig-1";
  return { [SIGNATURE_HEADERS.viewer]: operator, [SIGNATURE_HEADERS.requestId]: requestId, ...signRequest({ secret: SECRET, viewer: operator, requestId, body, now: options.now }) };
}

function verify(headers: Record<string, string>, replays = createReplayGuard(), now?: number) {
  return verifyRequest({ secret: SECRET, header: (name) => headers[name], body, replays, now });
}

describe("request signatures", () => {
  it("accepts a fresh signature once and refuses the same signed request again as a replay", () => {
    const replays = createReplayGuard();
    const headers = signed();
    expect(verify(headers, replays)).toEqual({ ok: true, viewer: { kind: "operator" } });
    expect(verify(headers, replays)).toEqual({ ok: false, reason: "replayed" });
    // A new signature of the very same request is a new request.
    expect(verify(signed(), replays)).toMatchObject({ ok: true });
  });

  it("puts a fresh nonce in every signature", () => {
    expect(signed()[SIGNATURE_HEADERS.nonce]).not.toBe(signed()[SIGNATURE_HEADERS.nonce]);
    expect(signed()[SIGNATURE_HEADERS.nonce]).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("refuses a changed nonce, a missing one, and signatures too old or too far in the future", () => {
    const now = Date.now();
    expect(verify({ ...signed(), [SIGNATURE_HEADERS.nonce]: "AAAAAAAAAAAAAAAAAAAAAA" })).toEqual({ ok: false, reason: "invalid" });
    const { [SIGNATURE_HEADERS.nonce]: _nonce, ...withoutNonce } = signed();
    expect(verify(withoutNonce)).toEqual({ ok: false, reason: "missing" });
    expect(verify(signed({ now: now - MAX_SIGNATURE_AGE_MS - 1000 }), undefined, now)).toEqual({ ok: false, reason: "expired" });
    expect(verify(signed({ now: now + MAX_CLOCK_SKEW_MS + 1000 }), undefined, now)).toEqual({ ok: false, reason: "expired" });
    expect(verify(signed({ now: now + MAX_CLOCK_SKEW_MS - 1000 }), undefined, now)).toMatchObject({ ok: true });
    expect(MAX_CLOCK_SKEW_MS).toBeLessThanOrEqual(5_000);
    expect(MAX_SIGNATURE_AGE_MS).toBeLessThanOrEqual(30_000);
  });

  it("forgets nonces once their signatures have expired, so its memory stays bounded by the window", () => {
    const replays = createReplayGuard();
    const start = Date.now();
    for (let i = 0; i < 100; i += 1) expect(verify(signed({ now: start }), replays, start)).toMatchObject({ ok: true });
    expect(replays.size).toBe(100);
    const later = start + MAX_SIGNATURE_AGE_MS + 1;
    expect(verify(signed({ now: later }), replays, later)).toMatchObject({ ok: true });
    expect(replays.size).toBe(1);
  });

  it("refuses new signatures when full rather than forget one that could still be replayed", () => {
    const replays = createReplayGuard({ maxEntries: 2 });
    expect(verify(signed(), replays)).toMatchObject({ ok: true });
    expect(verify(signed(), replays)).toMatchObject({ ok: true });
    expect(verify(signed(), replays)).toEqual({ ok: false, reason: "too many" });
  });

  it("does not remember the nonce of a forged signature", () => {
    const replays = createReplayGuard();
    const headers = signed();
    expect(verifyRequest({ secret: "another-secret-of-at-least-32-characters", header: (name) => headers[name], body, replays })).toEqual({ ok: false, reason: "invalid" });
    expect(replays.size).toBe(0);
    expect(verify(headers, replays)).toMatchObject({ ok: true });
  });
});

@Resolver()
class WhoAmIResolver {
  @Query(() => String, { description: "The viewer's kind." })
  whoAmI(@Ctx() context: SubgraphContext): string {
    return context.viewer.kind;
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

describe("a core subgraph", () => {
  let subgraph: RunningSubgraph;
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    // No resolver here touches the database, but a subgraph serves only on a real one.
    database = await createTestDatabase();
    dataSource = await openSubgraphDatabase({ url: database.url, schema: "signatures", entities: [], migrations: [], poolSize: 1 });
    subgraph = await listenSubgraph(whoAmI, dataSource, { port: 0, host: "127.0.0.1", subgraphSecret: SECRET });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  const call = (headers: Record<string, string>) =>
    fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }).then(async (response) => ({ status: response.status, body: await response.json() }));

  it("serves a signed request once and answers its replay with 401", async () => {
    const headers = signed();
    expect(await call(headers)).toEqual({ status: 200, body: { data: { whoAmI: "operator" } } });
    expect(await call(headers)).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: "UNAUTHENTICATED" } }] } });
  });

  it("refuses a signature dated further in the future than the allowed clock skew with 401", async () => {
    expect((await call(signed({ now: Date.now() + 59_000 }))).status).toBe(401);
  });
});
