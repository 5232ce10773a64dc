import { startTestHub, type TestHub } from "../../test/test-hub";
import { type RawAnswer, send } from "./http-request";

/*
 * Requests that used to fail inside the hub with a 500 (or worse, ran): each is refused with a 4xx
 * and a GraphQL error that says what to change.
 */

let hub: TestHub;
let url: string;

beforeAll(async () => {
  hub = await startTestHub({ seed: { people: 6, organisations: 4, opportunities: 2, events: 2 } });
  url = hub.hub.gatewayUrl;
}, 60_000);

afterAll(async () => {
  await hub?.close();
});

const post = (query: string, variables?: Record<string, unknown>, more: Record<string, unknown> = {}) => send(url, { body: { query, variables, ...more } });

/** The first error, checked to be the only one. */
function onlyError(answer: RawAnswer): { message: string; extensions?: Record<string, unknown> } {
  expect(answer.body.errors).toHaveLength(1);
  return answer.body.errors![0];
}

describe("U+0000 in any input", () => {
  it("is refused with a 400 BAD_USER_INPUT naming the variable of a search", async () => {
    const answer = await post(`query($q: String) { people(first: 2, search: $q) { totalCount } }`, { q: "Ana\u0000" });
    expect(answer.status).toBe(400);
    expect(onlyError(answer)).toMatchObject({
      message: expect.stringMatching(/^Invalid input: \$q: must not contain the NUL character/),
      extensions: { code: "BAD_USER_INPUT", field: "$q" },
    });
  });

  it("is refused with a 400 BAD_USER_INPUT naming the argument of a text filter written in the document", async () => {
    const answer = await post(`{ organisations(first: 2, filter: { text: "Nova\\u0000" }) { totalCount } }`);
    expect(answer.status).toBe(400);
    expect(onlyError(answer).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "organisations(filter.text)" });
  });

  it("is refused in the global search as bad input, not as a subgraph that did not answer", async () => {
    const answer = await post(`query($q: String!) { search(query: $q, first: 2) { totalCount } }`, { q: "\u0000" });
    expect(answer.status).toBe(400);
    const error = onlyError(answer);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "$q" });
    expect(error.message).not.toMatch(/did not answer/);
  });
});

describe("cursors", () => {
  async function peopleCursor(orderBy: string): Promise<string> {
    const answer = await post(`query($orderBy: PersonOrder) { people(first: 1, orderBy: $orderBy) { pageInfo { endCursor } } }`, { orderBy });
    const cursor = (answer.body.data as { people: { pageInfo: { endCursor: string | null } } }).people.pageInfo.endCursor;
    expect(cursor).toEqual(expect.any(String));
    return cursor!;
  }

  it.each([
    ["a cursor used with another orderBy", `query($after: String) { people(first: 1, orderBy: NEWEST, after: $after) { totalCount } }`, "people"],
    ["a cursor used with another list", `query($after: String) { organisations(first: 1, after: $after) { totalCount } }`, "organisations"],
  ])("refuse %s with BAD_USER_INPUT naming after", async (_case, query, list) => {
    const answer = await post(query, { after: await peopleCursor("NAME") });
    expect(answer.body.data).toEqual({ [list]: null });
    expect(onlyError(answer)).toMatchObject({ path: [list], extensions: { code: "BAD_USER_INPUT", field: "after" } });
  });

  it("refuse a malformed cursor with BAD_USER_INPUT naming after", async () => {
    const answer = await post(`{ people(first: 1, after: "bm90IGEgY3Vyc29y") { totalCount } }`);
    expect(onlyError(answer)).toMatchObject({
      message: expect.stringMatching(/after: is not a cursor/),
      extensions: { code: "BAD_USER_INPUT", field: "after" },
    });
  });
});

describe("the operation to run", () => {
  it("refuses an unknown operationName with a 400 naming it", async () => {
    const answer = await post(`query Known { __typename }`, undefined, { operationName: "Unknown" });
    expect(answer.status).toBe(400);
    expect(onlyError(answer)).toMatchObject({ message: 'Unknown operation named "Unknown".', extensions: { code: "OPERATION_RESOLUTION_FAILURE" } });
  });

  it("refuses two named operations without an operationName with a 400", async () => {
    const answer = await post(`query A { __typename } query B { __typename }`);
    expect(answer.status).toBe(400);
    expect(onlyError(answer)).toMatchObject({
      message: "Must provide operation name if query contains multiple operations.",
      extensions: { code: "OPERATION_RESOLUTION_FAILURE" },
    });
  });

  it("refuses two anonymous operations with a 400 validation error", async () => {
    const answer = await post(`{ __typename } { __typename }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ message: "This anonymous operation must be the only defined operation.", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }),
      expect.objectContaining({ message: "This anonymous operation must be the only defined operation.", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }),
    ]);
  });

  it("refuses a subscription with a 400 saying subscriptions are not supported", async () => {
    const answer = await post(`subscription { __typename }`);
    expect(answer.status).toBe(400);
    expect(onlyError(answer)).toMatchObject({ message: expect.stringMatching(/^Subscriptions are not supported/), extensions: { code: "BAD_REQUEST" } });
  });
});

describe("the body's charset", () => {
  it("refuses a JSON body declared as UTF-7 with a 415, without running it", async () => {
    const answer = await send(url, { body: { query: "{ __typename }" }, headers: { "content-type": "application/json; charset=utf-7" } });
    expect(answer.status).toBe(415);
    expect(answer.body.data).toBeUndefined();
    expect(onlyError(answer)).toMatchObject({ message: expect.stringMatching(/UTF-8/), extensions: { code: "UNSUPPORTED_MEDIA_TYPE" } });
  });

  it.each<[string, Parameters<typeof send>[1]]>([
    ["a JSON body in UTF-8", { body: { query: "{ __typename }" }, headers: { "content-type": "application/json; charset=UTF-8" } }],
    ["a JSON body without a charset", { body: { query: "{ __typename }" }, headers: { "content-type": "application/json" } }],
    ["a GET request", { method: "GET", search: `?query=${encodeURIComponent("{ __typename }")}`, headers: { "apollo-require-preflight": "1" } }],
  ])("still runs %s", async (_case, init) => {
    const answer = await send(url, init);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { __typename: "Query" } });
  });
});
