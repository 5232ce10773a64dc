import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import { createHubTokenSigner, rotateSigningKeys, type Viewer } from "@agora-hub/runtime";
import { type PeerSubgraphs, resolvePeerSubgraphs } from "../src/peers/peer-subgraphs";
import { checkReferences, findUnresolvedIds } from "../src/peers/reference-check";
import { createHubTokenVerifier, type TokenCheck } from "../src";
import { listenSubgraph } from "../src/server/subgraph-server";
import type { SubgraphDefinition } from "../src/subgraph";

const SIGNER = createHubTokenSigner({ keys: rotateSigningKeys() });
const KNOWN = "11111111-1111-4111-8111-111111111111";
const HIDDEN = "22222222-2222-4222-8222-222222222222";
const ORGANISATION = "33333333-3333-4333-8333-333333333333";
const WRITER: Viewer = { kind: "network", network: "makers" };

/** What the hand-written owner received: the verified viewer (or why not) and the variables. */
interface Received {
  path: string;
  verified: TokenCheck;
  query: string;
  representations: Array<{ __typename: string; id: string }>;
}

let server: Server;
let baseUrl: string;
const received: Received[] = [];
/** How the owner answers; by default it resolves KNOWN and ORGANISATION only (HIDDEN is "not visible"). */
let answer: (request: Received, response: ServerResponse) => void;

function resolveKnown(request: Received, response: ServerResponse): void {
  const entities = request.representations.map(({ id }) => ([KNOWN, ORGANISATION].includes(id) ? { id } : null));
  send(response, 200, { data: { _entities: entities } });
}

function send(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(value));
}

function peers(overrides: Partial<PeerSubgraphs> = {}): PeerSubgraphs {
  return { urls: { people: `${baseUrl}/people`, organisations: `${baseUrl}/organisations` }, signer: SIGNER, timeoutMs: 2000, ...overrides };
}

function context(peerSubgraphs: PeerSubgraphs | undefined) {
  return { peers: peerSubgraphs, viewer: WRITER, requestId: "write-1" };
}

// Each owner checks the tokens for its own audience, each token good once, as in a real subgraph.
const verifiers = {
  people: createHubTokenVerifier({ keys: { jwks: SIGNER.jwks }, audience: "people" }),
  organisations: createHubTokenVerifier({ keys: { jwks: SIGNER.jwks }, audience: "organisations" }),
};

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const parsed = JSON.parse(body) as { query: string; variables: { representations: Received["representations"] } };
      const path = request.url ?? "";
      const entry: Received = {
        path,
        verified: await verifiers[path.slice(1) as keyof typeof verifiers].verify(request.headers.authorization, body),
        query: parsed.query,
        representations: parsed.variables.representations,
      };
      received.push(entry);
      response.on("error", () => undefined);
      answer(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  answer = resolveKnown;
});

describe("checking references with their owner", () => {
  it("asks each owner once, with a token for that owner and the writer's viewer, and accepts ids that resolve", async () => {
    await checkReferences(context(peers()), [
      { type: "Person", field: "speakerIds", ids: [KNOWN] },
      { type: "Organisation", field: "organiserIds", ids: [ORGANISATION] },
      { type: "Person", field: "contactId", ids: [KNOWN.toUpperCase()] },
    ]);
    expect(received.map((request) => request.path).sort()).toEqual(["/organisations", "/people"]);
    for (const request of received) expect(request.verified).toEqual({ ok: true, viewer: WRITER });
    const people = received.find((request) => request.path === "/people")!;
    expect(people.query).toContain("_entities(representations: $representations) { ... on Person { id } }");
    // The same id given in two fields (in any case) is asked once.
    expect(people.representations).toEqual([{ __typename: "Person", id: KNOWN }]);
  });

  it("refuses ids the owner answers null for with BAD_USER_INPUT naming the field and the id", async () => {
    const error = await checkReferences(context(peers()), [
      { type: "Person", field: "speakerIds", ids: [KNOWN, HIDDEN] },
      { type: "Organisation", field: "organiserIds", ids: [HIDDEN] },
    ]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      extensions: {
        code: "BAD_USER_INPUT",
        field: "speakerIds",
        violations: [
          { field: "speakerIds", message: `no person with id ${HIDDEN} is visible to you` },
          { field: "organiserIds", message: `no organisation has the id ${HIDDEN}` },
        ],
      },
    });
  });

  it("sends nothing when no ids are given", async () => {
    await checkReferences(context(peers()), [{ type: "Person", field: "speakerIds", ids: [] }]);
    expect(received).toEqual([]);
  });

  it("skips the check, sending nothing, only when no peers are configured at all (single-subgraph tests)", async () => {
    await checkReferences(context(undefined), [{ type: "Person", field: "speakerIds", ids: [HIDDEN] }]);
    expect(received).toEqual([]);
  });

  it.each([
    [
      "answers an error",
      (_request: Received, response: ServerResponse) => send(response, 200, { errors: [{ message: "The people database is unavailable" }] }),
    ],
    [
      "refuses the token",
      (_request: Received, response: ServerResponse) => send(response, 401, { errors: [{ message: "requests must come through the Agora gateway" }] }),
    ],
    ["answers too few entities", (_request: Received, response: ServerResponse) => send(response, 200, { data: { _entities: [] } })],
    ["answers something that is not JSON", (_request: Received, response: ServerResponse) => response.end("<html>")],
  ])("refuses the write with SERVICE_UNAVAILABLE when the owner %s", async (_case, handler) => {
    answer = handler;
    const error = await checkReferences(context(peers()), [{ type: "Person", field: "speakerIds", ids: [KNOWN] }]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE", subgraph: "people", field: "speakerIds" } });
    expect((error as Error).message).toBe("The people subgraph is unavailable, so speakerIds could not be checked; nothing was written. Try again shortly.");
  });

  it("refuses the write with SERVICE_UNAVAILABLE when the owner does not answer within the timeout", async () => {
    answer = () => undefined; // never answers; the connection is closed when the server stops
    const started = Date.now();
    const error = await checkReferences(context(peers({ timeoutMs: 300 })), [{ type: "Organisation", field: "publisherId", ids: [ORGANISATION] }]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE", subgraph: "organisations", field: "publisherId" } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses the write with SERVICE_UNAVAILABLE when the owner is unreachable or has no URL", async () => {
    const closed = peers({ urls: { people: "http://127.0.0.1:1/graphql" } });
    for (const configured of [closed, peers({ urls: {} })]) {
      const error = await checkReferences(context(configured), [{ type: "Person", field: "personId", ids: [KNOWN] }]).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE", subgraph: "people", field: "personId" } });
    }
  });

  it("sends no token without the hub's key set, which an owner that verifies tokens refuses", async () => {
    expect(await findUnresolvedIds(peers({ signer: undefined }), "people", { viewer: WRITER, requestId: "r" }, "Person", [KNOWN, HIDDEN])).toEqual([HIDDEN]);
    expect(received[0].verified).toEqual({ ok: false, reason: "missing" });
  });
});

describe("where the peer subgraphs are", () => {
  const defaults = {
    people: "http://localhost:4001/graphql",
    organisations: "http://localhost:4002/graphql",
    opportunities: "http://localhost:4003/graphql",
    events: "http://localhost:4004/graphql",
    search: "http://localhost:4005/graphql",
  };

  it("finds each declared peer at SUBGRAPH_<NAME>_URL first, then at the URL its process gave, and only the declared ones", () => {
    const resolved = resolvePeerSubgraphs(
      { SUBGRAPH_PEOPLE_URL: "http://people.internal:4001/graphql", REFERENCE_CHECK_TIMEOUT_MS: "1500" },
      { peers: ["people", "organisations"], known: { ...defaults, organisations: "http://127.0.0.1:5002/graphql" }, signer: SIGNER },
    );
    expect(resolved).toEqual({
      urls: { people: "http://people.internal:4001/graphql", organisations: "http://127.0.0.1:5002/graphql" },
      signer: SIGNER,
      timeoutMs: 1500,
    });
    expect(resolvePeerSubgraphs({})).toEqual({ urls: {}, timeoutMs: 2000 });
  });

  it("stops naming the variable when a declared peer has no URL", () => {
    expect(() => resolvePeerSubgraphs({}, { peers: ["people"], known: {}, subgraph: "events" })).toThrow(
      "Invalid configuration:\n  SUBGRAPH_PEOPLE_URL: required, as the events subgraph calls the people subgraph",
    );
  });

  it("stops with a clear message on a URL that is not http(s)", () => {
    expect(() => resolvePeerSubgraphs({ SUBGRAPH_ORGANISATIONS_URL: "ftp://organisations" }, { peers: ["organisations"], known: defaults })).toThrow(
      /SUBGRAPH_ORGANISATIONS_URL: must be an http\(s\) URL/,
    );
  });

  it("refuses to start a core subgraph in production without its peers", async () => {
    const definition = { name: "events" } as SubgraphDefinition;
    await expect(listenSubgraph(definition, {} as DataSource, { port: 0, host: "127.0.0.1", production: true, signer: SIGNER })).rejects.toThrow(
      "the events subgraph needs the URLs of its peer subgraphs in production, to check the references its writes store",
    );
  });
});
