import type { Viewer } from "@agora-hub/runtime";
import type { TestSubgraph } from "./subgraph-harness";

/** One record type whose writes are checked by `describeWriteAuthorisation`. */
export interface WritableRecordType {
  /** GraphQL type name, e.g. `Person`: the mutations are `create<Type>`, `update<Type>`, `delete<Type>`, `upsert<Type>`. */
  typeName: string;
  /** Its table, for checking what was written. */
  table: string;
  subgraph: () => TestSubgraph<unknown>;
  /** A valid create input of `network` with `sourceId`. */
  createInput: (network: string, sourceId: string) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** One field an update changes, with its new value; the column has the same name in snake_case-free form. */
  change: { field: string; value: string | number };
  /** False when the type has no `upsert<Type>` mutation. */
  upsert?: boolean;
}

const NETWORK_A = "network-a";
const NETWORK_B = "network-b";
const asNetwork = (network: string): { viewer: Viewer } => ({ viewer: { kind: "network", network } });
const anonymous: { viewer: Viewer } = { viewer: { kind: "anonymous" } };

/** The shared contract of every core write: who may create, update, delete and upsert which records. */
export function describeWriteAuthorisation(type: WritableRecordType): void {
  const { typeName, table, change } = type;
  const selection = `id network sourceId ${change.field}`;
  const CREATE = `mutation($input: Create${typeName}Input!) { create${typeName}(input: $input) { ${selection} } }`;
  const UPDATE = `mutation($id: ID!, $input: Update${typeName}Input!) { update${typeName}(id: $id, input: $input) { ${selection} } }`;
  const DELETE = `mutation($id: ID!) { delete${typeName}(id: $id) }`;
  const UPSERT = `mutation($input: Upsert${typeName}Input!) { upsert${typeName}(input: $input) { ${selection} } }`;

  async function create(network: string, sourceId: string): Promise<{ id: string }> {
    const result = await type
      .subgraph()
      .execute<Record<string, { id: string }>>(CREATE, { input: await type.createInput(network, sourceId) }, asNetwork(network));
    expect(result.errors).toBeUndefined();
    return result.data![`create${typeName}`];
  }

  async function rows(): Promise<Array<Record<string, unknown>>> {
    return type.subgraph().dataSource.query(`SELECT * FROM ${table} ORDER BY created_at`);
  }

  describe(`${typeName}: who may write`, () => {
    it("refuses anonymous creates, updates and deletes with UNAUTHENTICATED, writing nothing", async () => {
      const existing = await create(NETWORK_A, "a-1");
      const before = await rows();
      const { execute } = type.subgraph();
      const attempts = [
        await execute(CREATE, { input: await type.createInput(NETWORK_A, "anon-1") }, anonymous),
        await execute(UPDATE, { id: existing.id, input: { [change.field]: change.value } }, anonymous),
        await execute(DELETE, { id: existing.id }, anonymous),
        ...(type.upsert === false ? [] : [await execute(UPSERT, { input: await type.createInput(NETWORK_A, "a-1") }, anonymous)]),
      ];
      for (const attempt of attempts) expect(attempt.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED" });
      expect(await rows()).toEqual(before);
    });

    it("refuses a network creating a record under another network's slug with FORBIDDEN naming network", async () => {
      const result = await type.subgraph().execute(CREATE, { input: await type.createInput(NETWORK_B, "b-1") }, asNetwork(NETWORK_A));
      expect(result.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", field: "network" });
      expect(await rows()).toHaveLength(0);
    });

    it("answers another network's record like an unknown id (NOT_FOUND) on update and delete, leaving it unchanged", async () => {
      const theirs = await create(NETWORK_B, "b-1");
      const before = await rows();
      const { execute } = type.subgraph();
      const update = await execute(UPDATE, { id: theirs.id, input: { [change.field]: change.value } }, asNetwork(NETWORK_A));
      const remove = await execute(DELETE, { id: theirs.id }, asNetwork(NETWORK_A));
      const unknown = await execute(DELETE, { id: "00000000-0000-4000-8000-000000000000" }, asNetwork(NETWORK_A));
      expect(update.errors?.[0].extensions).toEqual(unknown.errors?.[0].extensions);
      expect(remove.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND" });
      expect(await rows()).toEqual(before);
    });

    it("lets a network create, update and delete its own records, and the operator anyone's", async () => {
      const own = await create(NETWORK_A, "a-1");
      const { execute } = type.subgraph();
      const updated = await execute<Record<string, Record<string, unknown>>>(
        UPDATE,
        { id: own.id, input: { [change.field]: change.value } },
        asNetwork(NETWORK_A),
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data![`update${typeName}`][change.field]).toEqual(change.value);
      expect((await execute(DELETE, { id: own.id }, asNetwork(NETWORK_A))).data).toEqual({ [`delete${typeName}`]: own.id });
      const theirs = await create(NETWORK_B, "b-1");
      expect((await execute(DELETE, { id: theirs.id })).data).toEqual({ [`delete${typeName}`]: theirs.id });
      expect(await rows()).toHaveLength(0);
    });

    if (type.upsert !== false) {
      it("upserts by network and source id: creates once, then updates the same record", async () => {
        const { execute } = type.subgraph();
        const input = await type.createInput(NETWORK_A, "sync-1");
        const first = await execute<Record<string, { id: string }>>(UPSERT, { input }, asNetwork(NETWORK_A));
        expect(first.errors).toBeUndefined();
        const again = await execute<Record<string, { id: string }>>(UPSERT, { input }, asNetwork(NETWORK_A));
        const changed = await execute<Record<string, Record<string, unknown>>>(
          UPSERT,
          { input: { ...input, [change.field]: change.value } },
          asNetwork(NETWORK_A),
        );
        expect(changed.errors).toBeUndefined();
        expect(again.data![`upsert${typeName}`].id).toBe(first.data![`upsert${typeName}`].id);
        expect(changed.data![`upsert${typeName}`]).toMatchObject({ id: first.data![`upsert${typeName}`].id, sourceId: "sync-1", [change.field]: change.value });
        expect(await rows()).toHaveLength(1);
        const forbidden = await execute(UPSERT, { input }, asNetwork(NETWORK_B));
        expect(forbidden.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", field: "network" });
      });
    }
  });
}
