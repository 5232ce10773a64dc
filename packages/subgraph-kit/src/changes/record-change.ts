import type { EntityManager } from "typeorm";
import { defineMigration, type MigrationClass } from "../data/migration";
import type { LocalizedTextData } from "../graph/localized-text";
import type { NetworkRecord } from "../graph/network-record";
import { isModerated } from "../moderation/moderated-record";
import { PublicationState } from "../moderation/publication-state";
import type { ChangeDimension } from "./change-dimensions";

/*
 * The change feed: every core record subgraph writes each change of its records (created, updated, publication
 * changed, deleted, expired) to an outbox table of its own schema, `record_change`, in the transaction of the
 * change, so a change is in the feed exactly when it took effect. A statement trigger NOTIFYs
 * RECORD_CHANGE_CHANNEL (delivered at commit) with the schema's name; a consumer (the alerts worker) LISTENs and
 * claims rows with `claimRecordChanges`, which deletes them, so the table holds only what is not yet consumed.
 * Nothing of a record that is not public leaves its subgraph: such a row carries no document.
 */

/** What happened to a record. */
export enum RecordChangeKind {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  PUBLICATION = "PUBLICATION",
  DELETED = "DELETED",
  EXPIRED = "EXPIRED",
}

/** NOTIFY channel; the payload is the schema (subgraph) name whose record_change got rows. */
export const RECORD_CHANGE_CHANNEL = "agora_record_change";

/** The most characters a document's `text` holds. */
export const MAX_CHANGE_TEXT_LENGTH = 20_000;

/** At most this many rows per `claimRecordChanges`. */
export const MAX_CHANGE_CLAIM = 10_000;

/** What a saved search is matched against: the public facts of a record after the change. */
export interface ChangeDocument {
  /** Filter terms by dimension (names in CHANGE_DIMENSIONS), already expanded: a practice's domain added, a language's base added. */
  terms: Partial<Record<ChangeDimension, string[]>>;
  /** The text a saved search's words are matched against: title, summary (every language) and a few more public text fields (name, city…), joined by "\n"; at most 20 000 chars. */
  text: string;
  /** The record's title/name as the kit's LocalizedTextData ({ originalLanguage, translations: [...] }) — for a person/organisation built from the name. */
  title: LocalizedTextData;
  /** One or two sentences, or null. */
  summary: LocalizedTextData | null;
  /** An opportunity's deadline (ISO 8601), else null. */
  deadline: string | null;
  /** The directory page's path on the hub: "/opportunities/<id>", "/events/<id>", "/people/<id>", "/organisations/<id>", "/resources/<id>". */
  path: string;
}

/** One row of a subgraph's outbox, as `claimRecordChanges` returns it. */
export interface RecordChange {
  /** The row's place in its schema's feed (bigint as a string): later changes have greater ones. */
  seq: string;
  /** The subgraph schema it came from. */
  schema: string;
  /** GraphQL type name: "Opportunity", … */
  recordType: string;
  recordId: string;
  network: string;
  kind: RecordChangeKind;
  /** Whether the record is public after the change: PUBLISHED (moderated records) and listed (a person: discoverable). */
  public: boolean;
  /** Present when public; null otherwise (nothing of a hidden record leaves its subgraph). */
  document: ChangeDocument | null;
  changedAt: Date;
}

/** How a record type describes itself to the feed (given to NetworkRecordWriter and createPublicationResolver). */
export interface ChangeFeedOptions<TRecord> {
  document: (record: TRecord) => ChangeDocument;
  /** Beyond publication: whether it may be shown at all (a Person: discoverable). Default: always. */
  listed?: (record: TRecord) => boolean;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const KINDS = Object.values(RecordChangeKind)
  .map((kind) => `'${kind}'`)
  .join(", ");

/** Whether a record is public as it stands: PUBLISHED when moderated, and listed by its feed options. */
export function isPublicForFeed<TRecord extends NetworkRecord>(feed: ChangeFeedOptions<TRecord>, record: TRecord): boolean {
  const published = !isModerated(record) || record.publicationState === PublicationState.PUBLISHED;
  return published && (feed.listed?.(record) ?? true);
}

/** The outbox row of a change of `record` as it stands after the change: its document only when it is public. */
export function recordChangeOf<TRecord extends NetworkRecord>(
  feed: ChangeFeedOptions<TRecord>,
  recordType: string,
  record: TRecord,
  kind: RecordChangeKind,
): Omit<RecordChange, "seq" | "schema" | "changedAt"> {
  const visible = isPublicForFeed(feed, record);
  return { recordType, recordId: record.id, network: record.network, kind, public: visible, document: visible ? feed.document(record) : null };
}

/** Writes one outbox row in the caller's transaction and NOTIFYs (delivered at commit). */
export async function writeRecordChange(manager: EntityManager, change: Omit<RecordChange, "seq" | "schema" | "changedAt">): Promise<void> {
  if (!change.public && change.document !== null) throw new Error(`record change of ${change.recordType} ${change.recordId}: a hidden record has no document`);
  // The NOTIFY is the table's statement trigger (changeFeedMigration), so rows written by SQL (expiry) announce themselves too.
  await manager.query(`INSERT INTO record_change (record_type, record_id, network, kind, public, document) VALUES ($1, $2, $3, $4, $5, $6)`, [
    change.recordType,
    change.recordId,
    change.network,
    change.kind,
    change.public,
    change.document === null ? null : JSON.stringify(change.document),
  ]);
}

interface RecordChangeRow {
  seq: string;
  record_type: string;
  record_id: string;
  network: string;
  kind: RecordChangeKind;
  public: boolean;
  document: ChangeDocument | null;
  changed_at: Date;
}

/**
 * Claims (deletes and returns) up to `limit` oldest rows of `schema`.record_change that no other transaction holds.
 * In the caller's transaction: rolled back, the rows are back for the next claim. Returned oldest first.
 */
export async function claimRecordChanges(manager: EntityManager, schema: string, limit: number): Promise<RecordChange[]> {
  if (!IDENTIFIER.test(schema)) throw new Error(`claimRecordChanges: ${schema} is not a lower-case schema name`);
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= MAX_CHANGE_CLAIM)) throw new Error(`claimRecordChanges: limit must be 1 to ${MAX_CHANGE_CLAIM}`);
  const table = `"${schema}".record_change`;
  // Locked first, deleted only when there is something: a DELETE of no rows would still fire the table's write
  // announcement and so flush the gateway's cached answers of the subgraph for nothing.
  const held = (await manager.query(`SELECT seq FROM ${table} ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit])) as Array<{ seq: string }>;
  if (held.length === 0) return [];
  // A row another claimer deleted since (outside a transaction the locks end with the SELECT) is simply not returned.
  // TypeORM answers a DELETE on PostgreSQL with [rows, affected].
  const [deleted] = (await manager.query(
    `DELETE FROM ${table} WHERE seq = ANY($1::bigint[]) RETURNING seq, record_type, record_id, network, kind, public, document, changed_at`,
    [held.map((row) => row.seq)],
  )) as [RecordChangeRow[], number];
  return deleted
    .map((row) => ({
      seq: String(row.seq),
      schema,
      recordType: row.record_type,
      recordId: row.record_id,
      network: row.network,
      kind: row.kind,
      public: row.public,
      document: row.document,
      changedAt: row.changed_at,
    }))
    .sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : BigInt(a.seq) > BigInt(b.seq) ? 1 : 0));
}

/**
 * The migration that gives a subgraph its change feed: the `record_change` outbox in its schema and the
 * statement trigger that NOTIFYs RECORD_CHANGE_CHANNEL with the schema's name when a statement inserted rows.
 * A public row carries its document, a hidden one none (checked by the table). Shipped once per subgraph under
 * its own name and timestamp; `down` drops the table and the trigger's function.
 */
export function changeFeedMigration(options: { name: string; timestamp: number }): MigrationClass {
  return defineMigration({
    name: options.name,
    timestamp: options.timestamp,
    up: async (runner) => {
      await runner.query(
        `CREATE TABLE record_change (
           seq bigserial PRIMARY KEY,
           record_type text NOT NULL,
           record_id uuid NOT NULL,
           network text NOT NULL,
           kind text NOT NULL CHECK (kind IN (${KINDS})),
           public boolean NOT NULL,
           document jsonb,
           changed_at timestamptz NOT NULL DEFAULT now(),
           CONSTRAINT record_change_document_when_public CHECK ((document IS NOT NULL) = public)
         )`,
      );
      // Once per statement that inserted rows (an expiry batch archiving none inserts none and wakes no one).
      await runner.query(
        `CREATE FUNCTION record_change_announce() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF EXISTS (SELECT 1 FROM inserted) THEN PERFORM pg_notify('${RECORD_CHANGE_CHANNEL}', TG_TABLE_SCHEMA); END IF;
           RETURN NULL;
         END $$`,
      );
      await runner.query(
        `CREATE TRIGGER record_change_announce AFTER INSERT ON record_change REFERENCING NEW TABLE AS inserted
         FOR EACH STATEMENT EXECUTE FUNCTION record_change_announce()`,
      );
    },
    down: async (runner) => {
      await runner.query(`DROP TABLE record_change`);
      await runner.query(`DROP FUNCTION record_change_announce()`);
    },
  });
}

/** A document's `text`: the given texts (every language of a multilingual one) that are set, one a line, cut at MAX_CHANGE_TEXT_LENGTH. */
export function changeText(parts: ReadonlyArray<string | LocalizedTextData | null | undefined>): string {
  const lines: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    if (typeof part === "string") lines.push(part);
    else for (const translation of part.translations) lines.push(translation.value);
  }
  const text = lines.filter((line) => line.trim() !== "").join("\n");
  if (text.length <= MAX_CHANGE_TEXT_LENGTH) return text;
  // Never half a surrogate pair: jsonb refuses a lone one.
  const end = isHighSurrogate(text.charCodeAt(MAX_CHANGE_TEXT_LENGTH - 1)) ? MAX_CHANGE_TEXT_LENGTH - 1 : MAX_CHANGE_TEXT_LENGTH;
  return text.slice(0, end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A name as a document's title: one version, in `language` (a name is no translation; the record's first language, else English). */
export function changeNameTitle(name: string, language: string | null | undefined): LocalizedTextData {
  const lang = language || "en";
  return { originalLanguage: lang, translations: [{ lang, value: name, machineTranslated: false }] };
}
