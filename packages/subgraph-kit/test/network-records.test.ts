import { ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, type DataSource, type MigrationInterface, type QueryRunner } from "typeorm";
import { ANONYMOUS, OPERATOR, openSubgraphDatabase, QueryCounter, type Viewer } from "@agora-hub/runtime";
import { NetworkRecordWriter, type PreparedWrite, type WriteContext } from "../src/data/network-records";
import { NetworkRecord } from "../src/graph/network-record";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

/** The smallest network record: a name, a code unique across networks, and child rows (its tags). */
@ObjectType()
@Entity("gadget")
class Gadget extends NetworkRecord {
  @Column("text")
  name!: string;

  @Column("text", { nullable: true })
  code!: string | null;
}

@Entity("gadget_tag")
class GadgetTag {
  @PrimaryColumn("uuid")
  gadgetId!: string;

  @PrimaryColumn("text")
  tag!: string;
}

class CreateGadgets1700000000000 implements MigrationInterface {
  name = "CreateGadgets1700000000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE gadget (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network text NOT NULL,
        source_id text,
        name text NOT NULL,
        code text CONSTRAINT gadget_code UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await runner.query("CREATE UNIQUE INDEX gadget_source ON gadget (network, source_id) WHERE source_id IS NOT NULL");
    await runner.query(
      "CREATE TABLE gadget_tag (gadget_id uuid NOT NULL REFERENCES gadget ON DELETE CASCADE, tag text NOT NULL, PRIMARY KEY (gadget_id, tag))",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DROP TABLE gadget_tag, gadget");
  }
}

interface CreateGadgetInput {
  network: string;
  sourceId?: string | null;
  name?: string;
  code?: string | null;
  tags?: string[];
}
type UpdateGadgetInput = Omit<CreateGadgetInput, "network" | "sourceId">;

let database: TestDatabase;
let dataSource: DataSource;
const statements = new QueryCounter();
/** What the hooks saw, per test. */
let prepared: Array<PreparedWrite<Gadget, string[] | undefined>>;
let saved: Array<{ name: string; isNew: boolean }>;
/** Set by a test to make `prepare` refuse. */
let refuse: Error | undefined;

const writer = new NetworkRecordWriter<Gadget, CreateGadgetInput, UpdateGadgetInput, string[] | undefined>({
  entity: Gadget,
  typeName: "Gadget",
  noun: "gadget",
  newRecord: () => Object.assign(new Gadget(), { code: null }),
  apply: (gadget, input, violations) => {
    if (input.name !== undefined) {
      if (!input.name.trim()) violations.add("name", "must not be empty");
      else gadget.name = input.name.trim();
    }
    if (input.code !== undefined) gadget.code = input.code;
    return input.tags;
  },
  prepare: async (context, write) => {
    // Stands for a reference check: I/O that must not happen while a lock is held.
    await context.dataSource.query("SELECT 'prepare' AS marker");
    prepared.push({ ...write, record: Object.assign(new Gadget(), write.record), stored: write.stored && Object.assign(new Gadget(), write.stored) });
    if (refuse) throw refuse;
  },
  afterSave: async (manager, gadget, tags, { isNew }) => {
    saved.push({ name: gadget.name, isNew });
    if (!tags) return;
    await manager.delete(GadgetTag, { gadgetId: gadget.id });
    if (tags.length > 0)
      await manager.insert(
        GadgetTag,
        tags.map((tag) => ({ gadgetId: gadget.id, tag })),
      );
  },
  uniqueViolation: (constraint, gadget) => (constraint === "gadget_code" ? { field: "code", message: `${gadget.code} is already taken` } : undefined),
});

const network = (slug: string): Viewer => ({ kind: "network", network: slug });
const as = (viewer: Viewer): WriteContext => ({ dataSource, viewer, requestId: "test" });
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

async function rows(): Promise<Array<Record<string, unknown>>> {
  return dataSource.query(
    "SELECT id, network, source_id, name, code, (SELECT array_agg(tag ORDER BY tag) FROM gadget_tag WHERE gadget_id = gadget.id) AS tags FROM gadget ORDER BY created_at, id",
  );
}

/** The error a write is refused with (fails the test when it succeeds). */
async function refusal(write: Promise<unknown>): Promise<{ message: string; extensions: Record<string, unknown> }> {
  const outcome = await write.then(
    () => undefined,
    (error: unknown) => error as { message: string; extensions: Record<string, unknown> },
  );
  if (!outcome) throw new Error("expected the write to be refused");
  return outcome;
}

/** The statements sent from the first `START TRANSACTION` to its `COMMIT` or `ROLLBACK`. */
function inTransaction(all: readonly string[]): string[] {
  const start = all.indexOf("START TRANSACTION");
  const end = all.findIndex((statement, index) => index > start && (statement === "COMMIT" || statement === "ROLLBACK"));
  expect(start).toBeGreaterThanOrEqual(0);
  return all.slice(start + 1, end);
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await openSubgraphDatabase({
    url: database.url,
    schema: "gadgets",
    entities: [Gadget, GadgetTag],
    migrations: [CreateGadgets1700000000000],
    poolSize: 4,
    logger: statements,
  });
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

beforeEach(async () => {
  await dataSource.query("TRUNCATE gadget CASCADE");
  prepared = [];
  saved = [];
  refuse = undefined;
  statements.reset();
});

describe("NetworkRecordWriter", () => {
  it("creates a record of the writer's network with its source id and child rows", async () => {
    const gadget = await writer.create(as(network("net-a")), { network: "net-a", sourceId: "g-1", name: " Lamp ", tags: ["b", "a"] });
    expect(gadget).toMatchObject({ network: "net-a", sourceId: "g-1", name: "Lamp", code: null });
    expect(await rows()).toEqual([{ id: gadget.id, network: "net-a", source_id: "g-1", name: "Lamp", code: null, tags: ["a", "b"] }]);
    expect(prepared).toEqual([expect.objectContaining({ stored: null, plan: ["b", "a"] })]);
    expect(saved).toEqual([{ name: "Lamp", isNew: true }]);
  });

  it("upserts by network and source id: the same input twice leaves one record, a changed input updates it", async () => {
    const context = as(network("net-a"));
    const first = await writer.upsert(context, { network: "net-a", sourceId: "sync-1", name: "Lamp", tags: ["a"] });
    const again = await writer.upsert(context, { network: "net-a", sourceId: "sync-1", name: "Lamp", tags: ["a"] });
    const changed = await writer.upsert(context, { network: "net-a", sourceId: "sync-1", name: "Desk lamp" });
    expect([again.id, changed.id]).toEqual([first.id, first.id]);
    expect(await rows()).toEqual([{ id: first.id, network: "net-a", source_id: "sync-1", name: "Desk lamp", code: null, tags: ["a"] }]);
    expect(saved.map((write) => write.isNew)).toEqual([true, false, false]);
    expect(prepared.map((write) => write.stored?.name ?? null)).toEqual([null, "Lamp", "Lamp"]);
  });

  it("runs concurrent upserts of one source record one after the other, creating it once", async () => {
    const context = as(network("net-a"));
    const results = await Promise.all(["one", "two", "three", "four"].map((name) => writer.upsert(context, { network: "net-a", sourceId: "race", name })));
    expect(new Set(results.map((gadget) => gadget.id)).size).toBe(1);
    expect(await rows()).toHaveLength(1);
  });

  it("updates the given fields, validated on the record as stored, and shows `prepare` the stored values", async () => {
    const gadget = await writer.create(as(OPERATOR), { network: "net-a", name: "Lamp", code: "L-1", tags: ["a"] });
    prepared = [];
    const updated = await writer.update(as(network("net-a")), gadget.id, { code: "L-2" });
    expect(updated).toMatchObject({ id: gadget.id, name: "Lamp", code: "L-2" });
    expect(prepared).toEqual([
      expect.objectContaining({ stored: expect.objectContaining({ code: "L-1" }), record: expect.objectContaining({ code: "L-2" }), plan: undefined }),
    ]);
    // No tags given: the child rows stay.
    expect(await rows()).toEqual([expect.objectContaining({ code: "L-2", tags: ["a"] })]);
  });

  it("deletes a record with its child rows and returns the id", async () => {
    const gadget = await writer.create(as(network("net-a")), { network: "net-a", name: "Lamp", tags: ["a"] });
    expect(await writer.delete(as(network("net-a")), gadget.id)).toBe(gadget.id);
    expect(await rows()).toEqual([]);
    expect(await dataSource.query("SELECT * FROM gadget_tag")).toEqual([]);
  });

  it("answers another network's record on update and delete exactly like an unknown id, leaving it unchanged", async () => {
    const theirs = await writer.create(as(network("net-b")), { network: "net-b", name: "Theirs" });
    const before = await rows();
    const update = await refusal(writer.update(as(network("net-a")), theirs.id, { name: "Mine now" }));
    const remove = await refusal(writer.delete(as(network("net-a")), theirs.id));
    const unknown = await refusal(writer.update(as(network("net-a")), UNKNOWN_ID, { name: "Mine now" }));
    expect(update.extensions).toEqual({ code: "NOT_FOUND", field: "id" });
    expect([update.message, remove.message, unknown.message]).toEqual([
      `Gadget ${theirs.id} does not exist`,
      `Gadget ${theirs.id} does not exist`,
      `Gadget ${UNKNOWN_ID} does not exist`,
    ]);
    expect(unknown.extensions).toEqual(update.extensions);
    expect(await rows()).toEqual(before);
  });

  it("refuses anonymous creates, upserts, updates and deletes with UNAUTHENTICATED, writing nothing and calling no hook", async () => {
    const gadget = await writer.create(as(OPERATOR), { network: "net-a", sourceId: "g-1", name: "Lamp" });
    const before = await rows();
    prepared = [];
    const attempts = [
      writer.create(as(ANONYMOUS), { network: "net-a", name: "Anonymous" }),
      writer.upsert(as(ANONYMOUS), { network: "net-a", sourceId: "g-1", name: "Anonymous" }),
      writer.update(as(ANONYMOUS), gadget.id, { name: "Anonymous" }),
      writer.delete(as(ANONYMOUS), gadget.id),
    ];
    for (const attempt of attempts) expect((await refusal(attempt)).extensions).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(prepared).toEqual([]);
    expect(await rows()).toEqual(before);
  });

  it("refuses a network creating or upserting under another network's slug with FORBIDDEN naming network", async () => {
    for (const attempt of [
      writer.create(as(network("net-a")), { network: "net-b", name: "Not mine" }),
      writer.upsert(as(network("net-a")), { network: "net-b", sourceId: "g-1", name: "Not mine" }),
    ]) {
      expect((await refusal(attempt)).extensions).toMatchObject({ code: "FORBIDDEN", field: "network" });
    }
    expect(await rows()).toEqual([]);
  });

  it("maps a clash of source ids to BAD_USER_INPUT naming sourceId, and another unique constraint to its field", async () => {
    const context = as(network("net-a"));
    await writer.create(context, { network: "net-a", sourceId: "g-1", name: "Lamp", code: "L-1" });
    const sameSource = await refusal(writer.create(context, { network: "net-a", sourceId: "g-1", name: "Other" }));
    expect(sameSource.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "sourceId" });
    expect(sameSource.message).toBe("Invalid input: sourceId: is already used by another gadget of network net-a");
    const sameCode = await refusal(writer.create(context, { network: "net-a", sourceId: "g-2", name: "Other", code: "L-1" }));
    expect(sameCode.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
    expect(sameCode.message).toBe("Invalid input: code: L-1 is already taken");
    // Another network may use the same source id.
    await writer.create(as(network("net-b")), { network: "net-b", sourceId: "g-1", name: "Theirs" });
    expect(await rows()).toHaveLength(2);
  });

  it("refuses invalid input with BAD_USER_INPUT naming the field, before `prepare` and without a transaction", async () => {
    const gadget = await writer.create(as(OPERATOR), { network: "net-a", name: "Lamp" });
    prepared = [];
    statements.reset();
    for (const attempt of [writer.create(as(OPERATOR), { network: "net-a", name: " " }), writer.update(as(OPERATOR), gadget.id, { name: "" })]) {
      expect((await refusal(attempt)).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    }
    expect(prepared).toEqual([]);
    expect(statements.statements).not.toContain("START TRANSACTION");
  });

  it("writes nothing when `prepare` refuses, and opens no transaction", async () => {
    const gadget = await writer.create(as(OPERATOR), { network: "net-a", sourceId: "g-1", name: "Lamp" });
    const before = await rows();
    refuse = new Error("the owner says no");
    statements.reset();
    for (const attempt of [
      writer.create(as(OPERATOR), { network: "net-a", name: "New" }),
      writer.upsert(as(OPERATOR), { network: "net-a", sourceId: "g-1", name: "Changed" }),
      writer.update(as(OPERATOR), gadget.id, { name: "Changed" }),
    ]) {
      expect((await refusal(attempt)).message).toBe("the owner says no");
    }
    expect(await rows()).toEqual(before);
    expect(statements.statements).not.toContain("START TRANSACTION");
  });

  it.each([
    ["a create", () => writer.create(as(OPERATOR), { network: "net-a", name: "New", tags: ["a"] })],
    ["an upsert", () => writer.upsert(as(OPERATOR), { network: "net-a", sourceId: "g-1", name: "Changed", tags: ["a"] })],
    ["an update", (id: string) => writer.update(as(OPERATOR), id, { name: "Changed", tags: ["a"] })],
  ])("runs `prepare` before the transaction of %s, and in it only the lock and the write", async (_write, write) => {
    const gadget = await writer.create(as(OPERATOR), { network: "net-a", sourceId: "g-1", name: "Lamp" });
    statements.reset();
    await write(gadget.id);
    const all = statements.statements;
    expect(all.findIndex((statement) => statement.includes("'prepare'"))).toBeLessThan(all.indexOf("START TRANSACTION"));
    const held = inTransaction(all);
    expect(held.length).toBeGreaterThan(0);
    // Every statement under the lock reads or writes the record's own rows or takes its lock.
    for (const statement of held) expect(statement).toMatch(/"gadget(_tag)?"|pg_advisory_xact_lock/);
    expect(held.some((statement) => statement.includes("'prepare'"))).toBe(false);
  });

  it("locks the record it changes: by id for an update, by network and source id for an upsert", async () => {
    const gadget = await writer.create(as(OPERATOR), { network: "net-a", sourceId: "g-1", name: "Lamp" });
    statements.reset();
    await writer.update(as(OPERATOR), gadget.id, { name: "Changed" });
    expect(inTransaction(statements.statements)[0]).toMatch(/FOR UPDATE/);
    statements.reset();
    await writer.upsert(as(OPERATOR), { network: "net-a", sourceId: "g-1", name: "Again" });
    const upsert = inTransaction(statements.statements);
    expect(upsert[0]).toMatch(/pg_advisory_xact_lock/);
    expect(upsert[1]).toMatch(/FOR UPDATE/);
  });

  it("validates an update again on the locked record: a concurrent change it depends on is not overwritten blindly", async () => {
    const gadget = await writer.create(as(OPERATOR), { network: "net-a", name: "Lamp", code: "L-1" });
    // A change committed between the preview and the lock: the write applies its input to the record as locked.
    const interleaved = new NetworkRecordWriter<Gadget, CreateGadgetInput, UpdateGadgetInput>({
      entity: Gadget,
      typeName: "Gadget",
      noun: "gadget",
      newRecord: () => new Gadget(),
      apply: (record, input) => {
        if (input.name !== undefined) record.name = input.name;
      },
      prepare: async () => {
        await dataSource.query("UPDATE gadget SET code = 'L-9' WHERE id = $1", [gadget.id]);
      },
    });
    const updated = await interleaved.update(as(OPERATOR), gadget.id, { name: "Changed" });
    expect(updated).toMatchObject({ name: "Changed", code: "L-9" });
    expect(await rows()).toEqual([expect.objectContaining({ name: "Changed", code: "L-9" })]);
  });

  it("answers an update of a record deleted after it was read like an unknown id", async () => {
    const gadget = await writer.create(as(OPERATOR), { network: "net-a", name: "Lamp" });
    const vanishing = new NetworkRecordWriter<Gadget, CreateGadgetInput, UpdateGadgetInput>({
      entity: Gadget,
      typeName: "Gadget",
      noun: "gadget",
      newRecord: () => new Gadget(),
      apply: () => undefined,
      prepare: async () => {
        await dataSource.query("DELETE FROM gadget WHERE id = $1", [gadget.id]);
      },
    });
    expect((await refusal(vanishing.update(as(OPERATOR), gadget.id, { name: "Changed" }))).extensions).toEqual({ code: "NOT_FOUND", field: "id" });
  });
});
