import type { OrganisationsLoaders } from "../organisations/organisations.loaders";
import { organisationsSubgraph } from "../organisations/organisations.subgraph";
import { ORGANISATION_MEMBERSHIPS } from "../organisations/test/membership.operations";
import { CREATE_ORGANISATION } from "../organisations/test/organisation.operations";
import { peopleSubgraph } from "../people/people.subgraph";
import type { PersonLoaders } from "../people/person/person.loaders";
import { CREATE_PERSON, LIST_PEOPLE } from "../people/test/person.operations";
import type { SortValueType } from "@agora-hub/subgraph-kit";
import {
  EXTREME_SORT_VALUES,
  forgeCursor,
  forgeInfiniteCursor,
  NON_SCALAR_SORT_VALUES,
  sortValueCases,
  WRONGLY_TYPED_SORT_VALUES,
} from "@agora-hub/subgraph-kit/testing";
import { type OperationResult, startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { createTestDatabase, type TestDatabase } from "@agora-hub/subgraph-kit/testing";

/*
 * The kit's input checks, seen by a client calling a subgraph directly (the people subgraph stands for
 * every subgraph built with the kit; the organisations subgraph for lists of children): U+0000 in any
 * argument, cursors used with a list or order other than their own, and cursors crafted to carry a
 * value of the wrong type, are BAD_USER_INPUT errors naming the argument, never internal errors.
 */

let database: TestDatabase;
let subgraph: TestSubgraph<PersonLoaders>;
let organisations: TestSubgraph<OrganisationsLoaders>;
let organisationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  subgraph = await startTestSubgraph(peopleSubgraph, { database });
  organisations = await startTestSubgraph(organisationsSubgraph, { database });
  for (const [index, displayName] of ["Ana Costa", "Ana Lima", "Bruno Weber"].entries()) {
    const created = await subgraph.execute(CREATE_PERSON, { input: { network: "creative-tracks", sourceId: `kit-${index}`, displayName, discoverable: true } });
    expect(created.errors).toBeUndefined();
  }
  const organisation = await organisations.execute<{ createOrganisation: { id: string } }>(CREATE_ORGANISATION, {
    input: { network: "culture-agora", sourceId: "kit-org", name: "Cittadellarte", kind: "NGO", country: "IT" },
  });
  expect(organisation.errors).toBeUndefined();
  organisationId = organisation.data!.createOrganisation.id;
});
afterAll(async () => {
  await subgraph?.close();
  await organisations?.close();
  await database?.drop();
});

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

/** A list of each kind of keyset order, the name its cursors carry, and how a client pages it. */
const KEYSET_LISTS: Array<{ list: string; type: SortValueType; name: string; page: (after: string) => Promise<OperationResult> }> = [
  {
    list: "people by NAME",
    type: "text",
    name: "people.person by person.display_name ASC",
    page: (after) => subgraph.execute(SEARCH_PEOPLE, { orderBy: "NAME", after }),
  },
  {
    list: "people by NEWEST",
    type: "timestamp",
    name: "people.person by person.created_at DESC",
    page: (after) => subgraph.execute(SEARCH_PEOPLE, { orderBy: "NEWEST", after }),
  },
  {
    list: "people by relevance",
    type: "number",
    name: 'people.person by relevance to "Ana"',
    page: (after) => subgraph.execute(SEARCH_PEOPLE, { search: "Ana", after }),
  },
  { list: "the erasure feed", type: "bigint", name: "people.person_erasure by erasure.seq ASC", page: (after) => subgraph.execute(PERSON_ERASURES, { after }) },
  {
    list: "an organisation's members",
    type: "timestamp",
    name: "membership m of m.organisation_id by m.created_at ASC",
    page: (after) => organisations.execute(ORGANISATION_MEMBERSHIPS, { id: organisationId, first: 2, after }),
  },
];

describe.each(KEYSET_LISTS)("cursors of $list (a $type order), forged with a valid check", ({ type, name, page }) => {
  // Proves the forged check is the real one: these pass it and reach PostgreSQL, as the column's type.
  it.each(sortValueCases({ [type]: EXTREME_SORT_VALUES[type] } as Record<SortValueType, Array<string | number>>))(
    "are only a position when they hold a %s value such as %s",
    async (_type, _label, value) => {
      const result = await page(forgeCursor(name, value));
      expect(result.errors).toBeUndefined();
    },
  );

  it.each(sortValueCases({ [type]: WRONGLY_TYPED_SORT_VALUES[type] } as Record<SortValueType, Array<string | number>>))(
    "are refused holding something other than a %s, %s, naming after",
    async (_type, _label, value) => {
      const result = await page(forgeCursor(name, value));
      expect(refusedFields(result)).toEqual(["after"]);
      expect(result.errors![0].message).toMatch(new RegExp(`after: is not a cursor returned by this list \\(its sort value is not a ${type}\\)`));
    },
  );

  it.each(NON_SCALAR_SORT_VALUES)("are refused when their sort value is %s, naming after", async (_case, value) => {
    const result = await page(forgeCursor(name, value));
    expect(refusedFields(result)).toEqual(["after"]);
  });

  it("are refused when their sort value is a number too large for JSON, naming after", async () => {
    const result = await page(forgeInfiniteCursor(name));
    expect(refusedFields(result)).toEqual(["after"]);
  });

  it.each(["not-a-uuid", "3f1c1f6e-0000-4000-8000-00000000000g", 42])("are refused when their id is %j, naming after", async (id) => {
    const result = await page(forgeCursor(name, EXTREME_SORT_VALUES[type][0], id));
    expect(refusedFields(result)).toEqual(["after"]);
  });

  it("are refused unread when longer than any cursor the hub makes, naming after", async () => {
    const result = await page(forgeCursor(name, "x".repeat(5000)));
    expect(refusedFields(result)).toEqual(["after"]);
    expect(result.errors![0].message).toMatch(/longer than 4096 characters/);
  });
});
