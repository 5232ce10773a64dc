import { peopleSubgraph } from "../../people/people.subgraph";
import type { PersonLoaders } from "../../people/person/person.loaders";
import { CREATE_PERSON, LIST_PEOPLE } from "../../people/test/person.operations";
import { startTestSubgraph, type TestSubgraph } from "../testing/subgraph-harness";

/*
 * The kit's input checks, seen by a client calling a subgraph directly (the people subgraph stands for
 * every subgraph built with the kit): U+0000 in any argument, and cursors used with a list or order
 * other than their own, are BAD_USER_INPUT errors naming the argument, never internal errors.
 */

let subgraph: TestSubgraph<PersonLoaders>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(peopleSubgraph);
  for (const [index, displayName] of ["Ana Costa", "Ana Lima", "Bruno Weber"].entries()) {
    const created = await subgraph.execute(CREATE_PERSON, { input: { network: "creative-tracks", sourceId: `kit-${index}`, displayName, discoverable: true } });
    expect(created.errors).toBeUndefined();
  }
});
afterAll(() => subgraph.close());

const SEARCH_PEOPLE = /* GraphQL */ `
  query SearchPeople($search: String, $after: String, $orderBy: PersonOrder) {
    people(first: 1, search: $search, after: $after, orderBy: $orderBy) { pageInfo { endCursor } edges { node { displayName } } }
  }
`;

const PERSON_ERASURES = /* GraphQL */ `
  query Erasures($after: String) { personErasures(first: 1, after: $after) { totalCount } }
`;

/** The field names of the first error, which must be a BAD_USER_INPUT. */
function refusedFields(result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }): string[] {
  expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  return (result.errors![0].extensions!.violations as Array<{ field: string }>).map((violation) => violation.field);
}

async function endCursor(variables: Record<string, unknown>): Promise<string> {
  const page = await subgraph.execute<{ people: { pageInfo: { endCursor: string } } }>(SEARCH_PEOPLE, variables);
  expect(page.errors).toBeUndefined();
  return page.data!.people.pageInfo.endCursor;
}

describe("U+0000 in arguments", () => {
  it("refuses it in a search, naming search", async () => {
    const result = await subgraph.execute(SEARCH_PEOPLE, { search: "Ana\u0000" });
    expect(refusedFields(result)).toEqual(["search"]);
    expect(result.errors![0].message).toMatch(/search: must not contain the NUL character/);
  });

  it("refuses it in a text filter written in the document, naming filter.text", async () => {
    const result = await subgraph.execute(`{ people(first: 1, filter: { text: "An\\u0000a" }) { totalCount } }`);
    expect(refusedFields(result)).toEqual(["filter.text"]);
  });

  it("refuses it deep in a mutation's input, naming the field, and writes nothing", async () => {
    const [{ count: before }] = await subgraph.dataSource.query("SELECT count(*)::int AS count FROM person");
    const result = await subgraph.execute(CREATE_PERSON, {
      input: { network: "creative-tracks", displayName: "Dalia", bio: { originalLanguage: "en", translations: [{ lang: "en", value: "bio\u0000" }] } },
    });
    expect(refusedFields(result)).toEqual(["input.bio.translations[0].value"]);
    const [{ count: after }] = await subgraph.dataSource.query("SELECT count(*)::int AS count FROM person");
    expect(after).toBe(before);
  });
});

describe("cursors", () => {
  it("continue the list and order that made them", async () => {
    const page = await subgraph.execute<{ people: { edges: Array<{ node: { displayName: string } }> } }>(SEARCH_PEOPLE, {
      orderBy: "NAME",
      after: await endCursor({ orderBy: "NAME" }),
    });
    expect(page.errors).toBeUndefined();
    expect(page.data!.people.edges.map((edge) => edge.node.displayName)).toEqual(["Ana Lima"]);
  });

  it.each([
    ["a name-ordered cursor used with orderBy NEWEST", { orderBy: "NAME" }, { orderBy: "NEWEST" }],
    ["a relevance cursor used with orderBy NAME", { search: "Ana" }, { search: "Ana", orderBy: "NAME" }],
    ["a relevance cursor used with another search", { search: "Ana" }, { search: "Bruno" }],
  ])("refuse %s, naming after", async (_case, from, usedWith) => {
    const result = await subgraph.execute(SEARCH_PEOPLE, { ...usedWith, after: await endCursor(from) });
    expect(refusedFields(result)).toEqual(["after"]);
    expect(result.errors![0].message).toMatch(/after: is a cursor of another list or order/);
  });

  it("refuse a cursor of another list, naming after", async () => {
    const result = await subgraph.execute(PERSON_ERASURES, { after: await endCursor({ orderBy: "NEWEST" }) });
    expect(refusedFields(result)).toEqual(["after"]);
  });

  it.each(["not a cursor", Buffer.from(JSON.stringify(["Ana Costa", "3f1c1f6e-0000-4000-8000-000000000000"])).toString("base64url")])(
    "refuse the malformed cursor %j, naming after",
    async (after) => {
      const result = await subgraph.execute(LIST_PEOPLE, { after });
      expect(refusedFields(result)).toEqual(["after"]);
      expect(result.errors![0].message).toMatch(/after: is not a cursor returned by this list/);
    },
  );
});
