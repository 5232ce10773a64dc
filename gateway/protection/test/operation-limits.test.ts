import { createHash } from "node:crypto";
import { startTestHub, type TestHub } from "../../test/test-hub";
import { firstCode, post, send } from "./http-request";

let hub: TestHub;
let url: string;

beforeAll(async () => {
  // The limits need no data: an empty hub answers every operation these tests send.
  hub = await startTestHub({ seed: { people: 0, organisations: 0, opportunities: 0, events: 0 } });
  url = hub.hub.gatewayUrl;
}, 60_000);

afterAll(async () => {
  await hub?.close();
});

/** people → memberships → organisation → events, each connection `first: $n` (or a literal). */
const nestedLists = (first: string) =>
  `query Nested${first === "$n" ? "($n: Int!)" : ""} { people(first: ${first}) { edges { node { memberships(first: ${first}) { edges { node { organisation { events(first: ${first}) { edges { node { id } } } } } } } } } } }`;

// The limits themselves are tested as functions in operation-limits.unit.test.ts; these prove the gateway applies each kind.
describe("operation limits", () => {
  it("refuses an operation deeper than MAX_DEPTH with MAX_DEPTH_EXCEEDED", async () => {
    const deep = `{ people(first: 1) { edges { node { memberships(first: 1) { edges { node { person { memberships(first: 1) { edges { node { person { memberships(first: 1) { edges { node { role } } } } } } } } } } } } } } }`;
    const answer = await post(url, deep);
    expect(answer.status).toBe(400);
    expect(firstCode(answer)).toBe("MAX_DEPTH_EXCEEDED");
    expect(answer.body.errors?.[0].message).toMatch(/depth limit of 12/);
  });

  it("refuses a document of more than MAX_TOKENS tokens before parsing it", async () => {
    const answer = await post(url, `{ ${"__typename ".repeat(3001)} }`);
    expect(answer.status).toBe(400);
    expect(firstCode(answer)).toBe("MAX_TOKENS_EXCEEDED");
  });

  it("refuses a fragment bomb (too many recursive selections)", async () => {
    const fragments = Array.from({ length: 12 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join("\n");
    const answer = await post(url, `{ ...F12 }\nfragment F0 on Query { __typename }\n${fragments}`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", validationErrorCode: "MAX_RECURSIVE_SELECTIONS_EXCEEDED" });
  });

  it("refuses an operation whose nested page sizes cost more than MAX_COST, measured with each request's variables", async () => {
    const fromVariables = await post(url, nestedLists("$n"), { n: 100 });
    expect(fromVariables.status).toBe(400);
    expect(firstCode(fromVariables)).toBe("MAX_COST_EXCEEDED");

    const small = await post(url, nestedLists("$n"), { n: 2 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  it("refuses a page size over 100 given in a variable, naming the field", async () => {
    const variable = await post(url, `query ($n: Int!) { organisations(first: $n) { totalCount } }`, { n: 1_000_000 });
    expect(variable.status).toBe(400);
    expect(firstCode(variable)).toBe("PAGE_SIZE_EXCEEDED");
    expect(variable.body.errors?.[0].message).toMatch(/Query\.organisations: first must be at most 100/);
  });
});

describe("HTTP protections", () => {
  it("refuses batched operations (an array body)", async () => {
    const answer = await send(url, { body: [{ query: "{ __typename }" }, { query: "{ __typename }" }] });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].message).toMatch(/batching/i);
  });

  it("answers a body over 1 MB with 413 REQUEST_TOO_LARGE", async () => {
    const answer = await send(url, { body: { query: "{ __typename }", variables: { padding: "x".repeat(1024 * 1024) } } });
    expect(answer.status).toBe(413);
    expect(firstCode(answer)).toBe("REQUEST_TOO_LARGE");
  });

  it("refuses a simple GET or form request without a preflight header (CSRF prevention)", async () => {
    const get = await send(url, { method: "GET", search: `?query=${encodeURIComponent("{ __typename }")}` });
    expect(get.status).toBe(400);
    expect(get.body.errors?.[0].message).toMatch(/CSRF/);
    const form = await send(url, { body: `query=${encodeURIComponent("{ __typename }")}`, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(400);
    const preflighted = await send(url, {
      method: "GET",
      search: `?query=${encodeURIComponent("{ __typename }")}`,
      headers: { "apollo-require-preflight": "true" },
    });
    expect(preflighted.status).toBe(200);
    expect(preflighted.body.data).toEqual({ __typename: "Query" });
  });

  it("supports automatic persisted queries: an unknown hash, then registration, then the hash alone", async () => {
    const query = `{ people(first: 1) { totalCount } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
    const unknown = await send(url, { body: { extensions: { persistedQuery } } });
    expect(firstCode(unknown)).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await send(url, { body: { query, extensions: { persistedQuery } } });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await send(url, { body: { extensions: { persistedQuery } } });
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toEqual(registered.body.data);
  });
});
