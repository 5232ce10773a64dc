import { followErasures, type PersonErasedHook, readErasureCursor } from "../../../domain/person-erasure/erasure-follower";
import type { AnySubgraphDefinition, Viewer } from "@agora-hub/subgraph-kit";
import { DEMO_SIZES } from "@agora-hub/subgraph-kit/testing";
import { peopleSubgraph } from "../people.subgraph";
import type { PersonLoaders } from "../person/person.loaders";
import { testErasureFeed } from "../../../domain/person-erasure/testing/erasure-feed";
import { startTestSubgraph, type TestSubgraph } from "@agora-hub/subgraph-kit/testing";
import { createTestDatabase, type TestDatabase } from "@agora-hub/subgraph-kit/testing";

/** What a subgraph storing references to people must declare for the shared GDPR tests. */
export interface PersonDataContract {
  definition: AnySubgraphDefinition;
  /** How it drops what it stores about an erased person (what its erasure follower applies). */
  onPersonErased: PersonErasedHook;
  /** Its contributed `PersonDataExport` field. */
  exportField: string;
  /** SQL giving `person_id` of one seeded person this subgraph references. */
  referencedPersonSql: string;
  /** SQL counting the references to person `$1`. */
  countReferencesSql: string;
}

const ERASE_PERSON = /* GraphQL */ `
  mutation ErasePerson($id: ID!) { erasePerson(id: $id) { status } }
`;

/**
 * The GDPR behaviour every subgraph that stores people's ids shares: it contributes its part of a person's
 * export (to the person's network and the operator only) and follows the erasure feed idempotently,
 * keeping its cursor. Runs on the demo data, the people subgraph beside it on the same database.
 */
export function describePersonDataContract(contract: PersonDataContract): void {
  const { definition, exportField } = contract;
  let database: TestDatabase;
  let people: TestSubgraph<PersonLoaders>;
  let subgraph: TestSubgraph<unknown>;
  let personId: string;
  let network: string;

  const exportQuery = /* GraphQL */ `
    query Export($representations: [_Any!]!) { _entities(representations: $representations) { ... on PersonDataExport { personId ${exportField} } } }
  `;
  const exportAs = (viewer: Viewer, key = { personId, network }) =>
    subgraph.execute<{ _entities: Array<Record<string, unknown> | null> }>(
      exportQuery,
      { representations: [{ __typename: "PersonDataExport", ...key }] },
      { viewer },
    );
  const countReferences = async (): Promise<number> => {
    const [{ count }] = (await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM (${contract.countReferencesSql}) AS refs`, [personId])) as Array<{
      count: number;
    }>;
    return count;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await startTestSubgraph(peopleSubgraph, { database });
    subgraph = await startTestSubgraph(definition, { database });
    await peopleSubgraph.seed!(people.dataSource, DEMO_SIZES);
    await definition.seed!(subgraph.dataSource, DEMO_SIZES);
    [{ person_id: personId }] = (await subgraph.dataSource.query(contract.referencedPersonSql)) as Array<{ person_id: string }>;
    [{ network }] = (await people.dataSource.query("SELECT network FROM person WHERE id = $1", [personId])) as Array<{ network: string }>;
  });
  afterAll(async () => {
    await subgraph?.close();
    await people?.close();
    await database?.drop();
  });

  describe(`${definition.name} subgraph: a person's data (GDPR)`, () => {
    it(`exports what it stores about a person as PersonDataExport.${exportField}, to the person's network and the operator`, async () => {
      const references = await countReferences();
      expect(references).toBeGreaterThan(0);
      for (const viewer of [{ kind: "operator" }, { kind: "network", network }] as Viewer[]) {
        const result = await exportAs(viewer);
        expect(result.errors).toBeUndefined();
        const entity = result.data!._entities[0]!;
        expect(entity.personId).toBe(personId);
        expect(entity[exportField]).toHaveLength(references);
        expect(JSON.stringify(entity[exportField])).toContain(personId);
      }
    });

    it("exports nothing to another network or an anonymous viewer", async () => {
      for (const viewer of [{ kind: "network", network: "not-the-persons-network" }, { kind: "anonymous" }] as Viewer[]) {
        const result = await exportAs(viewer);
        expect(result.errors).toBeUndefined();
        expect(result.data!._entities).toEqual([null]);
      }
    });

    it("drops its references to an erased person when it follows the feed, once, and keeps its place", async () => {
      const feed = testErasureFeed(people);
      const hook = contract.onPersonErased;
      expect(await followErasures(subgraph.dataSource, feed, hook)).toBe(0);
      expect(await readErasureCursor(subgraph.dataSource)).toBeNull();

      const erased = await people.execute<{ erasePerson: { status: string } }>(ERASE_PERSON, { id: personId });
      expect(erased.data!.erasePerson.status).toBe("ERASED");
      expect(await followErasures(subgraph.dataSource, feed, hook)).toBe(1);
      expect(await countReferences()).toBe(0);
      const cursor = await readErasureCursor(subgraph.dataSource);
      expect(cursor).toEqual(expect.any(String));

      // Nothing new: nothing applied, the cursor stays; applying the same erasure again changes nothing.
      expect(await followErasures(subgraph.dataSource, feed, hook)).toBe(0);
      expect(await readErasureCursor(subgraph.dataSource)).toBe(cursor);
      await subgraph.dataSource.transaction((manager) => hook(manager, personId));
      expect(await countReferences()).toBe(0);
    });
  });
}
