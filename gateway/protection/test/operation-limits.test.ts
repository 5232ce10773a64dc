import { createHash } from "node:crypto";
import { startTestHub, type TestHub } from "../../test/test-hub";
import { firstCode, post, send } from "./http-request";

let hub: TestHub;
let url: string;

beforeAll(async () => {
  hub = await startTestHub();
  url = hub.hub.gatewayUrl;
}, 60_000);

afterAll(async () => {
  await hub?.close();
});

const README_QUERIES = [
  `query {
    people(first: 10, filter: { countries: [TN, MA], disciplines: [VISUAL_ARTS_AND_CRAFTS] }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { displayName city bio { text(lang: "fr") textLanguage(lang: "fr") } } }
    }
  }`,
  `query {
    people(first: 3) {
      edges { node {
        displayName
        memberships(first: 5) { edges { node { role organisation {
          name country
          opportunities(first: 3) { edges { node { type title { text } deadline status } } }
          events(first: 3) { edges { node { title { text } startsAt venue { city } } } }
        } } } }
        events(first: 3) { edges { node { title { text } } } }
      } }
    }
  }`,
];

/** people → memberships → organisation → events, each connection `first: $n` (or a literal). */
const nestedLists = (first: string) =>
  `query Nested${first === "$n" ? "($n: Int!)" : ""} { people(first: ${first}) { edges { node { memberships(first: ${first}) { edges { node { organisation { events(first: ${first}) { edges { node { id } } } } } } } } } } }`;

describe("operation limits", () => {
  it("runs the README's example queries within the default limits", async () => {
    for (const query of README_QUERIES) {
      const answer = await post(url, query);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
  });

  it("refuses an operation deeper than MAX_DEPTH with MAX_DEPTH_EXCEEDED", async () => {
    const deep = `{ people(first: 1) { edges { node { memberships(first: 1) { edges { node { person { memberships(first: 1) { edges { node { person { memberships(first: 1) { edges { node { role } } } } } } } } } } } } } } }`;
    const answer = await post(url, deep);
    expect(answer.status).toBe(400);
    expect(firstCode(answer)).toBe("MAX_DEPTH_EXCEEDED");
    expect(answer.body.errors?.[0].message).toMatch(/depth limit of 12/);
  });

  it("refuses more than MAX_ALIASES aliases, __typename aliases included", async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(" ");
    const answer = await post(url, `{ people(first: 1) { ${aliases} } }`);
    expect(answer.status).toBe(400);
    expect(firstCode(answer)).toBe("MAX_ALIASES_EXCEEDED");
  });

  it("refuses more than MAX_ROOT_FIELDS root fields", async () => {
    const answer = await post(url, `{ ${"__typename ".repeat(11)} }`);
    expect(answer.status).toBe(400);
    expect(firstCode(answer)).toBe("MAX_ROOT_FIELDS_EXCEEDED");
  });

  it("refuses more than MAX_DIRECTIVES directives", async () => {
    const fields = Array.from({ length: 21 }, () => "id @include(if: true)").join(" ");
    const answer = await post(url, `{ people(first: 1) { edges { node { ${fields} } } } }`);
    expect(answer.status).toBe(400);
    expect(firstCode(answer)).toBe("MAX_DIRECTIVES_EXCEEDED");
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

  it("refuses an operation whose nested page sizes cost more than MAX_COST, from literals and from variables", async () => {
    const literal = await post(url, nestedLists("100"));
    expect(literal.status).toBe(400);
    expect(firstCode(literal)).toBe("MAX_COST_EXCEEDED");
    expect(literal.body.errors?.[0].extensions?.cost).toBeGreaterThan(50_000);

    const fromVariables = await post(url, nestedLists("$n"), { n: 100 });
    expect(fromVariables.status).toBe(400);
    expect(firstCode(fromVariables)).toBe("MAX_COST_EXCEEDED");

    const small = await post(url, nestedLists("$n"), { n: 2 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  it("counts a connection without `first` at the default page size of 20", async () => {
    // 20 × 20 × 20 events of 8 fields each: about 80 000, although no argument is given.
    const answer = await post(url, `{ people { edges { node { memberships { edges { node { organisation { events { edges { node { id network sourceId createdAt updatedAt startsAt title { text } } } } } } } } } } } }`);
    expect(answer.status).toBe(400);
    expect(firstCode(answer)).toBe("MAX_COST_EXCEEDED");
  });

  it("refuses a page size over 100, given literally or in a variable", async () => {
    const literal = await post(url, `{ people(first: 101) { totalCount } }`);
    expect(literal.status).toBe(400);
    expect(firstCode(literal)).toBe("PAGE_SIZE_EXCEEDED");
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
    const preflighted = await send(url, { method: "GET", search: `?query=${encodeURIComponent("{ __typename }")}`, headers: { "apollo-require-preflight": "true" } });
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
