import { Client, type Notification } from "pg";
import { ObjectType } from "type-graphql";
import { Column, Entity, type DataSource } from "typeorm";
import { ANONYMOUS, OPERATOR, openSubgraphDatabase, type Viewer } from "@agora-hub/runtime";
import { directoryTerms } from "../src/changes/change-dimensions";
import {
  type ChangeFeedOptions,
  changeFeedMigration,
  changeNameTitle,
  changeText,
  claimRecordChanges,
  MAX_CHANGE_TEXT_LENGTH,
  RECORD_CHANGE_CHANNEL,
  type RecordChange,
  RecordChangeKind,
} from "../src/changes/record-change";
import { defineMigration } from "../src/data/migration";
import { NetworkRecordWriter, type WriteContext } from "../src/data/network-records";
import { archiveExpired } from "../src/moderation/expiry";
import { ModeratedRecord } from "../src/moderation/moderated-record";
import { PublicationDecision } from "../src/moderation/publication-decision.entity";
import { publicationMigration } from "../src/moderation/publication-migration";
import { changePublication } from "../src/moderation/publication.service";
import { PublicationAction, PublicationState } from "../src/moderation/publication-state";
import { pollUntil } from "../src/testing/poll";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

/**
 * A moderated record in the change feed: a title, disciplines, a code unique across networks (checked at commit,
 * so after the feed's row is written), a listed flag, a private note and an end.
 */
@ObjectType()
@Entity("poster")
class Poster extends ModeratedRecord {
  @Column("text")
  title!: string;

  @Column("text", { array: true })
  disciplines!: string[];

  @Column("text", { nullable: true })
  code!: string | null;

  @Column("boolean")
  listed!: boolean;

  @Column("text", { nullable: true })
  note!: string | null;

  @Column("timestamptz", { nullable: true })
  endsAt!: Date | null;
}

const CreatePosters = defineMigration({
  name: "CreatePosters",
  timestamp: 1700000000000,
  async up(runner) {
    await runner.query(`
      CREATE TABLE poster (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network text NOT NULL,
        source_id text,
        title text NOT NULL,
        disciplines text[] NOT NULL DEFAULT '{}',
        code text CONSTRAINT poster_code UNIQUE DEFERRABLE INITIALLY DEFERRED,
        listed boolean NOT NULL DEFAULT true,
        note text,
        ends_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  },
  async down(runner) {
    await runner.query("DROP TABLE poster");
  },
});

interface PosterInput {
  network: string;
  sourceId?: string | null;
  draft?: boolean | null;
  title?: string;
  disciplines?: string[];
  code?: string | null;
  listed?: boolean;
  note?: string | null;
  endsAt?: Date | null;
}

const posterFeed: ChangeFeedOptions<Poster> = {
  document: (poster) => ({
    terms: directoryTerms({ disciplines: poster.disciplines, languages: ["pt-BR"], countries: [null, "TN"], network: poster.network }),
    text: changeText([poster.title, poster.code]),
    title: changeNameTitle(poster.title, null),
    summary: null,
    deadline: null,
    path: `/posters/${poster.id}`,
  }),
  listed: (poster) => poster.listed,
};

const writer = new NetworkRecordWriter<Poster, PosterInput, Omit<PosterInput, "network">>({
  entity: Poster,
  typeName: "Poster",
  noun: "poster",
  newRecord: () => Object.assign(new Poster(), { disciplines: [], code: null, listed: true, note: null, endsAt: null }),
  apply: (poster, input, violations) => {
    if (input.title !== undefined) {
      if (!input.title.trim()) violations.add("title", "must not be empty");
      else poster.title = input.title.trim();
    }
    if (input.disciplines !== undefined) poster.disciplines = input.disciplines;
    if (input.code !== undefined) poster.code = input.code;
    if (input.listed !== undefined) poster.listed = input.listed;
    if (input.note !== undefined) poster.note = input.note;
    if (input.endsAt !== undefined) poster.endsAt = input.endsAt;
  },
  privateFields: ["note"],
  uniqueViolation: (constraint) => (constraint === "poster_code" ? { field: "code", message: "is taken" } : undefined),
  changeFeed: posterFeed,
});

let database: TestDatabase;
let dataSource: DataSource;
const as = (viewer: Viewer): WriteContext => ({ dataSource, viewer, requestId: "test" });
const untrusted: Viewer = { kind: "network", network: "net-a" };
const moderator: Viewer = { kind: "moderator", moderator: "mod-1" };

/** The outbox as it stands, oldest first, without claiming it. */
async function outbox(): Promise<Array<Pick<RecordChange, "recordId" | "network" | "kind" | "public" | "document"> & { recordType: string }>> {
  const rows = (await dataSource.query(`SELECT record_type, record_id, network, kind, public, document FROM record_change ORDER BY seq`)) as Array<
    Record<string, unknown>
  >;
  return rows.map((row) => ({
    recordType: row.record_type as string,
    recordId: row.record_id as string,
    network: row.network as string,
    kind: row.kind as RecordChangeKind,
    public: row.public as boolean,
    document: row.document as RecordChange["document"],
  }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await openSubgraphDatabase({
    url: database.url,
    schema: "kit_changes",
    entities: [Poster, PublicationDecision],
    migrations: [
      CreatePosters,
      publicationMigration({ name: "AddPosterPublication", timestamp: 1700000000001, tables: ["poster"] }),
      changeFeedMigration({ name: "AddPosterChanges", timestamp: 1700000000002 }),
    ],
    poolSize: 4,
  });
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

beforeEach(async () => {
  await dataSource.query("TRUNCATE poster, record_change, publication_decision");
});

describe("the change feed of NetworkRecordWriter", () => {
  it("writes CREATED with the public record's document: disciplines with their domain, languages with their base", async () => {
    const poster = await writer.create(as(OPERATOR), { network: "net-a", title: "Light", disciplines: ["PHOTOGRAPHY"], code: "P-1" });
    expect(await outbox()).toEqual([
      {
        recordType: "Poster",
        recordId: poster.id,
        network: "net-a",
        kind: RecordChangeKind.CREATED,
        public: true,
        document: {
          terms: { disciplines: ["PHOTOGRAPHY", "VISUAL_ARTS_AND_CRAFTS"], countries: ["TN"], languages: ["pt-BR", "pt"], networks: ["net-a"] },
          text: "Light\nP-1",
          title: { originalLanguage: "en", translations: [{ lang: "en", value: "Light", machineTranslated: false }] },
          summary: null,
          deadline: null,
          path: `/posters/${poster.id}`,
        },
      },
    ]);
  });

  it("writes UPDATED for a change of a public field, and nothing for a repeated write or a private field's change", async () => {
    const poster = await writer.upsert(as(OPERATOR), { network: "net-a", sourceId: "p-1", title: "Light" });
    await writer.upsert(as(OPERATOR), { network: "net-a", sourceId: "p-1", title: "Light" });
    await writer.update(as(OPERATOR), poster.id, { note: "only the network sees this" });
    await writer.update(as(OPERATOR), poster.id, { title: "Shadow" });
    const changes = await outbox();
    expect(changes.map((change) => change.kind)).toEqual([RecordChangeKind.CREATED, RecordChangeKind.UPDATED]);
    expect(changes[1]).toMatchObject({ public: true, document: expect.objectContaining({ text: "Shadow" }) });
  });

  it("gives a record that is not public (pending review, draft, not listed) no document", async () => {
    await writer.create(as(untrusted), { network: "net-a", title: "Pending" });
    await writer.create(as(untrusted), { network: "net-a", title: "Draft", draft: true });
    const unlisted = await writer.create(as(OPERATOR), { network: "net-a", title: "Unlisted", listed: false });
    // A trusted write turning it listed makes it public.
    await writer.update(as(OPERATOR), unlisted.id, { listed: true });
    const changes = await outbox();
    expect(changes.map(({ kind, public: visible, document }) => ({ kind, visible, document: document === null ? null : "document" }))).toEqual([
      { kind: RecordChangeKind.CREATED, visible: false, document: null },
      { kind: RecordChangeKind.CREATED, visible: false, document: null },
      { kind: RecordChangeKind.CREATED, visible: false, document: null },
      { kind: RecordChangeKind.UPDATED, visible: true, document: "document" },
    ]);
  });

  it("writes UPDATED without a document when an untrusted network's change sends a published record back to review", async () => {
    const poster = await writer.create(as(OPERATOR), { network: "net-a", title: "Light" });
    await writer.update(as(untrusted), poster.id, { title: "Changed" });
    expect((await outbox())[1]).toEqual(expect.objectContaining({ kind: RecordChangeKind.UPDATED, public: false, document: null }));
  });

  it("writes PUBLICATION when a moderator approves, public with its document, and hidden when it is archived", async () => {
    const poster = await writer.create(as(untrusted), { network: "net-a", title: "Pending" });
    const change = (action: PublicationAction) =>
      changePublication({ entity: Poster, typeName: "Poster", dataSource, viewer: moderator, id: poster.id, action, changeFeed: posterFeed });
    await change(PublicationAction.APPROVE);
    await change(PublicationAction.ARCHIVE);
    const [, approved, archived] = await outbox();
    expect(approved).toMatchObject({ kind: RecordChangeKind.PUBLICATION, public: true, document: expect.objectContaining({ path: `/posters/${poster.id}` }) });
    expect(archived).toMatchObject({ kind: RecordChangeKind.PUBLICATION, public: false, document: null });
  });

  it("writes DELETED, hidden, in the transaction of the delete; another network's record is refused and writes nothing", async () => {
    const poster = await writer.create(as(OPERATOR), { network: "net-a", title: "Light" });
    await expect(writer.delete(as({ kind: "network", network: "net-b" }), poster.id)).rejects.toThrow(/does not exist/);
    await expect(writer.delete(as(ANONYMOUS), poster.id)).rejects.toThrow();
    expect(await outbox()).toHaveLength(1);
    await writer.delete(as(untrusted), poster.id);
    expect((await outbox())[1]).toEqual({
      recordType: "Poster",
      recordId: poster.id,
      network: "net-a",
      kind: RecordChangeKind.DELETED,
      public: false,
      document: null,
    });
  });

  it("writes no row for a write that fails: invalid input, or a unique violation at commit, after the row, rolled back with it", async () => {
    const poster = await writer.create(as(OPERATOR), { network: "net-a", title: "Light", code: "P-1" });
    await expect(writer.create(as(OPERATOR), { network: "net-a", title: "Other", code: "P-1" })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "code" },
    });
    await expect(writer.update(as(OPERATOR), poster.id, { title: " " })).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "title" } });
    expect((await outbox()).map((change) => change.kind)).toEqual([RecordChangeKind.CREATED]);
  });
});

describe("the change feed of expiry", () => {
  it("writes one EXPIRED row, hidden, per record it archives, and none where nothing is due", async () => {
    const past = new Date(Date.now() - 86_400_000);
    const due = await writer.create(as(OPERATOR), { network: "net-a", title: "Over", endsAt: past });
    await writer.create(as(OPERATOR), { network: "net-a", title: "Running", endsAt: new Date(Date.now() + 86_400_000) });
    const rule = { typeName: "Poster", table: "poster", endColumn: "ends_at", afterDays: 0, changeFeed: true };
    expect(await archiveExpired(dataSource, { subgraph: "kit_changes", rules: [rule] })).toEqual({ archived: { Poster: 1 }, skipped: false });
    expect(await archiveExpired(dataSource, { subgraph: "kit_changes", rules: [rule] })).toEqual({ archived: { Poster: 0 }, skipped: false });
    const changes = await outbox();
    expect(changes.slice(2)).toEqual([
      { recordType: "Poster", recordId: due.id, network: "net-a", kind: RecordChangeKind.EXPIRED, public: false, document: null },
    ]);
    const [state] = (await dataSource.query(`SELECT publication_state FROM poster WHERE id = $1`, [due.id])) as Array<{ publication_state: string }>;
    expect(state.publication_state).toBe(PublicationState.ARCHIVED);
  });
});

describe("claimRecordChanges", () => {
  it("claims the oldest rows first, and never the same row from two concurrent transactions", async () => {
    for (let index = 0; index < 8; index++) await writer.create(as(OPERATOR), { network: "net-a", title: `Poster ${index}` });
    const all = (await outbox()).map((change) => change.recordId);
    let releaseFirst: () => void = () => undefined;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstClaimed: () => void = () => undefined;
    const claimedByFirst = new Promise<void>((resolve) => (firstClaimed = resolve));
    // The first transaction holds its rows while the second claims: the second skips them, it does not wait.
    const first = dataSource.transaction(async (manager) => {
      const claimed = await claimRecordChanges(manager, "kit_changes", 3);
      firstClaimed();
      await firstHolds;
      return claimed;
    });
    await claimedByFirst;
    const second = await dataSource.transaction((manager) => claimRecordChanges(manager, "kit_changes", 100));
    releaseFirst();
    const firstRows = await first;
    expect(firstRows.map((change) => change.recordId)).toEqual(all.slice(0, 3));
    expect(second.map((change) => change.recordId)).toEqual(all.slice(3));
    expect(second[0]).toMatchObject({ schema: "kit_changes", recordType: "Poster", kind: RecordChangeKind.CREATED, public: true });
    expect(BigInt(second[0].seq)).toBeGreaterThan(BigInt(firstRows[2].seq));
    expect(second[0].changedAt).toBeInstanceOf(Date);
    expect(await outbox()).toEqual([]);
    expect(await dataSource.transaction((manager) => claimRecordChanges(manager, "kit_changes", 10))).toEqual([]);
  });

  it("leaves the rows of a claim rolled back for the next one", async () => {
    await writer.create(as(OPERATOR), { network: "net-a", title: "Light" });
    await expect(
      dataSource.transaction(async (manager) => {
        expect(await claimRecordChanges(manager, "kit_changes", 10)).toHaveLength(1);
        throw new Error("delivery failed");
      }),
    ).rejects.toThrow("delivery failed");
    expect(await dataSource.transaction((manager) => claimRecordChanges(manager, "kit_changes", 10))).toHaveLength(1);
  });

  it("refuses a schema that is no lower-case name and a limit out of range", async () => {
    await expect(claimRecordChanges(dataSource.manager, 'kit"; DROP', 1)).rejects.toThrow(/schema/);
    await expect(claimRecordChanges(dataSource.manager, "kit_changes", 0)).rejects.toThrow(/limit/);
  });
});

describe("the change feed's notification", () => {
  it("reaches a LISTEN client with the schema's name only once the write commits", async () => {
    const listener = new Client({ connectionString: database.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (message: Notification) => message.channel === RECORD_CHANGE_CHANNEL && heard.push(message.payload ?? ""));
    try {
      await listener.query(`LISTEN ${RECORD_CHANGE_CHANNEL}`);
      const queryRunner = dataSource.createQueryRunner();
      await queryRunner.startTransaction();
      try {
        await queryRunner.manager.query(
          `INSERT INTO record_change (record_type, record_id, network, kind, public, document) VALUES ('Poster', gen_random_uuid(), 'net-a', 'DELETED', false, NULL)`,
        );
        // A round trip on the listener's connection: a notification sent by then would have arrived before its answer.
        await listener.query("SELECT 1");
        expect(heard).toEqual([]);
        await queryRunner.commitTransaction();
      } finally {
        await queryRunner.release();
      }
      expect(
        await pollUntil(
          async () => heard,
          (values) => values.length > 0,
        ),
      ).toEqual(["kit_changes"]);
      // A writer's create announces itself the same way.
      await writer.create(as(OPERATOR), { network: "net-a", title: "Light" });
      expect(
        await pollUntil(
          async () => heard,
          (values) => values.length > 1,
        ),
      ).toEqual(["kit_changes", "kit_changes"]);
    } finally {
      await listener.end();
    }
  });
});

describe("changeText", () => {
  it("joins every language of each text that is set, one a line, and stops at the limit without splitting a character", () => {
    const title = {
      originalLanguage: "fr",
      translations: [
        { lang: "fr", value: "Lumière", machineTranslated: false },
        { lang: "en", value: "Light", machineTranslated: true },
      ],
    };
    expect(changeText([title, null, " ", "Tunis"])).toBe("Lumière\nLight\nTunis");
    const long = changeText(["a".repeat(MAX_CHANGE_TEXT_LENGTH - 1) + "😀"]);
    expect(long).toBe("a".repeat(MAX_CHANGE_TEXT_LENGTH - 1));
  });
});

// Last: it takes the feed away.
describe("changeFeedMigration", () => {
  it("undone, drops the outbox and its trigger's function", async () => {
    await dataSource.undoLastMigration({ transaction: "each" });
    const [state] = (await dataSource.query(
      `SELECT to_regclass('kit_changes.record_change') IS NULL AS table_gone,
              NOT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'kit_changes' AND p.proname = 'record_change_announce') AS function_gone`,
    )) as Array<{ table_gone: boolean; function_gone: boolean }>;
    expect(state).toEqual({ table_gone: true, function_gone: true });
  });
});
