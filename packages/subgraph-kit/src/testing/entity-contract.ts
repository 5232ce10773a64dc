import type { OperationResult, TestSubgraph } from "./subgraph-harness";

/** What a subgraph declares about one of its network-record entities for the shared contract tests. */
export interface EntityContract<TLoaders> {
  /** The entity's GraphQL type, as representations name it (`Person`). */
  typename: string;
  /** The subgraph under test, which the test file starts in its `beforeAll`. */
  subgraph: () => TestSubgraph<TLoaders>;
  /** A valid create input; `index` gives each record its own `sourceId` (and whatever else must differ). */
  input: (index: number) => Record<string, unknown>;
  /** The create mutation (variable `$input`) and its root field, whose answer selects `id`. */
  create: { mutation: string; field: string };
  /** The by-id query (variable `$id`) and its root field. */
  get: { query: string; field: string };
  /** The delete mutation (variable `$id`) and its root field, which answers the deleted id. */
  delete: { mutation: string; field: string };
  /** The update mutation (variables `$id`, `$input`) with a valid partial input, when the entity has one. */
  update?: { mutation: string; input: Record<string, unknown> };
  /** The list query (variables `$first`, `$after`). */
  list: { query: string };
  /** The `_entities` query (variable `$representations`), selecting `id` on the type. */
  entities: string;
  /** Counts the entity's rows and the rows it owns: a delete removes them all, a refused write adds none. */
  countRows: () => Promise<number>;
}

/** A well-formed id no record has. */
const UNKNOWN_ID = "2b0c5d1e-0000-4000-8000-000000000000";

/** The error of a refused operation, checked to be a client error naming `field`. */
function expectRefusal(result: OperationResult, code: string, field: string): void {
  expect(result.errors?.[0].extensions).toMatchObject({ code, field });
}

/**
 * The behaviour every network-record entity shares, as tests: reads by id (null when unknown, refused
 * when malformed), one record per `sourceId` and network, deletes, the list's page bounds and cursors,
 * and `_entities` answering many representations with one SQL statement, in order. Call it at the top of
 * the entity's test file; its tests use the file's subgraph and create the records they need.
 */
export function describeEntityContract<TLoaders>(contract: EntityContract<TLoaders>): void {
  const { typename } = contract;
  const execute = <TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => contract.subgraph().execute<TData>(query, variables);

  async function create(index: number): Promise<string> {
    const result = await execute<Record<string, { id: string }>>(contract.create.mutation, { input: contract.input(index) });
    expect(result.errors).toBeUndefined();
    return result.data![contract.create.field].id;
  }

  describe(`${typename}: the entity contract`, () => {
    it("returns null for an unknown id", async () => {
      const result = await execute(contract.get.query, { id: UNKNOWN_ID });
      expect(result.errors).toBeUndefined();
      expect(result.data![contract.get.field]).toBeNull();
    });

    it("refuses a malformed id with BAD_USER_INPUT naming id", async () => {
      expectRefusal(await execute(contract.get.query, { id: "42; DROP TABLE person" }), "BAD_USER_INPUT", "id");
    });

    it("refuses a second record with the same source id in one network, writing nothing", async () => {
      await create(0);
      const before = await contract.countRows();
      expectRefusal(await execute(contract.create.mutation, { input: contract.input(0) }), "BAD_USER_INPUT", "sourceId");
      expect(await contract.countRows()).toBe(before);
    });

    it("deletes a record with the rows it owns, and reports an unknown id on a second delete", async () => {
      const before = await contract.countRows();
      const id = await create(1);
      expect(await contract.countRows()).toBeGreaterThan(before);
      expect((await execute(contract.delete.mutation, { id })).data).toEqual({ [contract.delete.field]: id });
      expect(await contract.countRows()).toBe(before);
      expectRefusal(await execute(contract.delete.mutation, { id }), "NOT_FOUND", "id");
    });

    it("refuses to delete a malformed id, naming id", async () => {
      expectRefusal(await execute(contract.delete.mutation, { id: "not-an-id" }), "BAD_USER_INPUT", "id");
    });

    if (contract.update) {
      const update = contract.update;
      it("reports an unknown id on update", async () => {
        expectRefusal(await execute(update.mutation, { id: UNKNOWN_ID, input: update.input }), "NOT_FOUND", "id");
      });
    }

    it.each<[string, Record<string, unknown>, string, RegExp]>([
      ["a page over 100", { first: 101 }, "first", /first: must be at most 100/],
      ["a negative page size", { first: -1 }, "first", /first: must not be negative/],
      ["a cursor it did not make", { after: "bm90IGEgY3Vyc29y" }, "after", /after: is not a cursor/],
    ])("refuses %s in its list, naming the argument", async (_label, variables, field, message) => {
      const result = await execute(contract.list.query, variables);
      expectRefusal(result, "BAD_USER_INPUT", field);
      expect(result.errors![0].message).toMatch(message);
    });

    it("resolves 50 representations with one SQL statement, in order, null for unknown and malformed ids", async () => {
      const ids: string[] = [];
      for (let index = 0; index < 50; index++) ids.push(await create(100 + index));
      ids.reverse();
      const representations = [...ids, UNKNOWN_ID, "not-a-uuid"].map((id) => ({ __typename: typename, id }));
      const subgraph = contract.subgraph();
      subgraph.queries.reset();
      const result = await subgraph.execute<{ _entities: Array<{ id: string } | null> }>(contract.entities, { representations });
      expect(result.errors).toBeUndefined();
      expect(subgraph.queries.count).toBe(1);
      expect(result.data!._entities.slice(0, 50).map((entity) => entity?.id)).toEqual(ids);
      expect(result.data!._entities.slice(50)).toEqual([null, null]);
    });
  });
}
