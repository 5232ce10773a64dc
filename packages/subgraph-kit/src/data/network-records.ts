import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from "typeorm";
import { requireWriter, writableBy } from "../access/authorisation";
import { type ChangeFeedOptions, RecordChangeKind, recordChangeOf, writeRecordChange } from "../changes/record-change";
import type { NetworkRecord } from "../graph/network-record";
import { isModerated, type ModeratedRecord } from "../moderation/moderated-record";
import { initialPublicationState, recordPublicationDecision, stateAfterChange } from "../moderation/publication.service";
import { PublicationChange, PublicationState } from "../moderation/publication-state";
import { badUserInput, type FieldViolation, notFound, Violations } from "../input/errors";
import { requireUuid } from "../input/ids";
import type { SubgraphContext } from "../subgraph";
import { isUniqueViolation } from "./sql";

/**
 * The one way a subgraph writes its network records (create, upsert by source id, update, delete), so every
 * write is authorised, validated, checked against other subgraphs, locked and refused in the same way:
 *
 * 1. authorise the viewer for the record's network (anonymous: UNAUTHENTICATED; another network's record
 *    reads exactly like an unknown id);
 * 2. copy the input onto the record as it is (or a new one) and validate it, every violation at once;
 * 3. `prepare`: what needs I/O before writing (reference checks ask other subgraphs over the network), run
 *    before the transaction so no lock is held while waiting on them;
 * 4. in one transaction: lock the record (by id, or by network and source id), copy and validate the input
 *    again on the locked record (a concurrent write may have changed it), save it and its child rows;
 * 5. a unique violation becomes a BAD_USER_INPUT naming the field (`sourceId` unless told otherwise).
 *
 * A moderated record (`ModeratedRecord`) gets its publication state here too, in the same transaction: a new
 * one is a DRAFT when asked (`draft`), PUBLISHED when the operator or a trusted network writes it, else
 * PENDING_REVIEW; an untrusted network's change of public fields of a PUBLISHED or REJECTED record sends it
 * (back) to review. Each such change is written to the record's publication history.
 *
 * With `changeFeed`, each write also puts its row in the subgraph's change feed (`record_change`), in the same
 * transaction: CREATED for a new record, UPDATED for a stored one whose public values or links changed (a
 * write repeating what the record holds, like a sync sending it again, or changing only private fields, is
 * no change anyone may see, so it writes none), DELETED for a delete.
 */

/** Who writes, as the subgraph received it: the viewer to authorise and the database to write to. */
export type WriteContext = Pick<SubgraphContext<unknown>, "dataSource" | "viewer" | "requestId" | "peers">;

/** The source fields every create input of a network record carries (see `withNetworkSource`). */
export interface NetworkSourceFields {
  network: string;
  sourceId?: string | null;
  /** A moderated record only: keep the new record as a DRAFT, seen only by its network, until submitted. */
  draft?: boolean | null;
}

/**
 * What `prepare` sees: the record as it would be saved, the plan `apply` returned, the record as stored (null
 * when new) and, with the `links` option, its child rows as stored (null when new).
 */
export interface PreparedWrite<TRecord, TPlan> {
  record: TRecord;
  plan: TPlan;
  stored: TRecord | null;
  currentLinks: TPlan | null;
}

/** What the writer must know of one record type; only `apply` holds logic, the rest is optional. */
export interface NetworkRecordWriterOptions<TRecord extends NetworkRecord, TCreate extends NetworkSourceFields, TUpdate, TPlan, TContext extends WriteContext> {
  /** The entity class; its table has the columns of `NetworkRecord`. */
  entity: new () => TRecord;
  /** GraphQL type name, for "<typeName> <id> does not exist". */
  typeName: string;
  /** Lower-case noun, for "is already used by another <noun> of network <network>". */
  noun: string;
  /** A new record with every optional field at its default; the writer sets `network` and `sourceId`. */
  newRecord: () => TRecord;
  /**
   * Copies the input onto the record, adding a violation per bad field: `undefined` leaves a field as it is.
   * No I/O: it runs once before the transaction and again on the locked record. Returns what the other hooks
   * need beyond the record (e.g. child rows to replace), or nothing.
   */
  apply: (record: TRecord, input: TCreate | TUpdate, violations: Violations) => TPlan;
  /** Checks needing I/O, such as `checkReferences`, after validation and before the transaction; throw to refuse. */
  prepare?: (context: TContext, write: PreparedWrite<TRecord, TPlan>) => Promise<void>;
  /** In the transaction, just before the record is saved (e.g. to derive a column that must be unique). */
  beforeSave?: (manager: EntityManager, record: TRecord, write: { isNew: boolean }) => Promise<void>;
  /** In the transaction, just after the record is saved: its child rows. */
  afterSave?: (manager: EntityManager, record: TRecord, plan: TPlan, write: { isNew: boolean }) => Promise<void>;
  /** The field a unique constraint other than (network, source id) protects; undefined for the source id. */
  uniqueViolation?: (constraint: string, record: TRecord) => FieldViolation | undefined;
  /**
   * Properties whose change is not public and so never sends a moderated record back to review, nor puts an
   * UPDATED row in the change feed (e.g. a contact e-mail only its network sees). Every other column is public.
   */
  privateFields?: ReadonlyArray<keyof TRecord & string>;
  /**
   * A stored record's child rows in the plan's shape and order (e.g. `{ organiserIds, speakerIds }`), read once
   * before the transaction and given to `prepare` as `currentLinks`. For a moderated record, a write whose plan
   * repeats the links the record holds (a sync sending the same speakers again) is then no public change;
   * without it, any link the plan gives counts as one.
   */
  links?: (context: TContext, recordId: string) => Promise<TPlan>;
  /** How the record describes itself to the change feed; without it, its writes put nothing in the feed. */
  changeFeed?: ChangeFeedOptions<TRecord>;
}

/** The columns every network record has, which are not content: a change of them alone is no public change. */
const BOOKKEEPING = new Set(["id", "network", "sourceId", "createdAt", "updatedAt", "publicationState", "rejectionReason", "publicationChangedAt"]);

/**
 * Whether a plan replaces child rows (public, like an event's speakers) with others than `current` holds: each
 * link the plan gives is compared with the stored one, in order; without `current` any link given counts.
 */
function changesLinks(plan: unknown, current: unknown): boolean {
  if (plan === undefined || plan === null) return false;
  const given = Object.entries(plan as Record<string, unknown>).filter(([, value]) => value !== undefined);
  if (given.length === 0) return false;
  if (current === null || current === undefined) return true;
  return given.some(([key, value]) => JSON.stringify(value) !== JSON.stringify((current as Record<string, unknown>)[key]));
}

/** A record as `apply` left it, with what the write needs to know of it. */
interface AppliedWrite<TRecord, TPlan> {
  record: TRecord;
  plan: TPlan;
  /** A stored record only (moderated, or with a change feed): whether `apply` changed a public field or link. */
  publicChange: boolean;
}

/**
 * Writes the network records of one entity type; build one per type and call it from the service:
 * `new NetworkRecordWriter<Person, CreatePersonInput, UpdatePersonInput>({ entity: Person, … })`.
 */
export class NetworkRecordWriter<
  TRecord extends NetworkRecord,
  TCreate extends NetworkSourceFields,
  TUpdate = never,
  TPlan = void,
  TContext extends WriteContext = WriteContext,
> {
  constructor(private readonly options: NetworkRecordWriterOptions<TRecord, TCreate, TUpdate, TPlan, TContext>) {}

  /** Creates a record of the input's network; networks create only their own, nothing is written when anything is refused. */
  async create(context: TContext, input: TCreate): Promise<TRecord> {
    requireWriter(context, input.network);
    const prepared = this.applied(context, this.newRecord(input), input, null);
    await this.options.prepare?.(context, { ...prepared, stored: null, currentLinks: null });
    return this.write(context, input, prepared.record, async () => prepared);
  }

  /**
   * Creates or updates the record with the input's (network, sourceId), for idempotent sync: on update the
   * input applies as in `update`. Concurrent upserts of one source record run one after the other.
   */
  async upsert(context: TContext, input: TCreate & { sourceId: string }): Promise<TRecord> {
    requireWriter(context, input.network);
    const key = { network: input.network, sourceId: input.sourceId };
    // Prepared against the record as read now; the transaction applies the input again to the record as locked.
    const stored = await context.dataSource.getRepository(this.options.entity).findOneBy(key as FindOptionsWhere<TRecord>);
    const currentLinks = stored ? await this.currentLinks(context, stored) : null;
    const preview = this.applied(context, stored ? this.copyOf(stored) : this.newRecord(input), input, currentLinks);
    await this.options.prepare?.(context, { ...preview, stored, currentLinks });
    return this.write(context, input, preview.record, async (manager) =>
      this.applied(context, (await lockSourceRecord(manager, this.options.entity, key)) ?? this.newRecord(input), input, currentLinks),
    );
  }

  /** Updates the given fields of a record; another network's record is answered exactly like an unknown id. */
  async update(context: TContext, id: string, input: TUpdate): Promise<TRecord> {
    const where = { id: requireUuid(id), ...writableBy(context) } as FindOptionsWhere<TRecord>;
    const stored = await context.dataSource.getRepository(this.options.entity).findOneBy(where);
    if (!stored) throw notFound(this.options.typeName, id);
    const currentLinks = await this.currentLinks(context, stored);
    const preview = this.applied(context, this.copyOf(stored), input, currentLinks);
    await this.options.prepare?.(context, { ...preview, stored, currentLinks });
    return this.write(context, {}, preview.record, async (manager) => {
      const locked = await manager.findOne(this.options.entity, { where, lock: { mode: "pessimistic_write" } });
      // Deleted since it was read.
      if (!locked) throw notFound(this.options.typeName, id);
      return this.applied(context, locked, input, currentLinks);
    });
  }

  /**
   * Deletes a record (its child rows go by cascade); returns the id. Another network's record is answered like an
   * unknown id. With a change feed, in one transaction with its DELETED row.
   */
  async delete(context: TContext, id: string): Promise<string> {
    const where = { id: requireUuid(id), ...writableBy(context) } as FindOptionsWhere<TRecord>;
    if (!this.options.changeFeed) {
      const result = await context.dataSource.getRepository(this.options.entity).delete(where);
      if (!result.affected) throw notFound(this.options.typeName, id);
      return id;
    }
    return context.dataSource.transaction(async (manager) => {
      const result = await manager.createQueryBuilder().delete().from(this.options.entity).where(where).returning(["id", "network"]).execute();
      const [deleted] = (result.raw ?? []) as Array<{ id: string; network: string }>;
      if (!deleted) throw notFound(this.options.typeName, id);
      await writeRecordChange(manager, {
        recordType: this.options.typeName,
        recordId: deleted.id,
        network: deleted.network,
        kind: RecordChangeKind.DELETED,
        public: false,
        document: null,
      });
      return id;
    });
  }

  private newRecord(input: TCreate): TRecord {
    return Object.assign(this.options.newRecord(), { network: input.network, sourceId: input.sourceId ?? null });
  }

  /** A copy to validate on, so `prepare` still sees the stored values. */
  private copyOf(record: TRecord): TRecord {
    return Object.assign(new this.options.entity(), record);
  }

  /** A stored record's links as the `links` option reads them; null without the option. */
  private currentLinks(context: TContext, stored: TRecord): Promise<TPlan | null> {
    return this.options.links ? this.options.links(context, stored.id) : Promise.resolve(null);
  }

  private applied(context: TContext, record: TRecord, input: TCreate | TUpdate, currentLinks: TPlan | null): AppliedWrite<TRecord, TPlan> {
    // Compared only where something depends on it: a moderated record's review, the change feed's UPDATED rows.
    const compared = (isModerated(record) || this.options.changeFeed !== undefined) && record.id !== undefined;
    const before = compared ? this.publicValues(context, record) : undefined;
    const violations = new Violations();
    const plan = this.options.apply(record, input, violations);
    violations.throwIfAny();
    return { record, plan, publicChange: before !== undefined && (changesLinks(plan, currentLinks) || before !== this.publicValues(context, record)) };
  }

  /** The public columns' values of a record, as one comparable string. */
  private publicValues(context: TContext, record: TRecord): string {
    const privateFields = new Set<string>(this.options.privateFields ?? []);
    const columns = context.dataSource
      .getMetadata(this.options.entity)
      .columns.map((column) => column.propertyName)
      .filter((property) => !BOOKKEEPING.has(property) && !privateFields.has(property));
    return JSON.stringify(columns.map((property) => (record as Record<string, unknown>)[property] ?? null));
  }

  /** Sets a moderated record's publication state for this write; returns the history entry to write after saving, if any. */
  private publication(
    context: TContext,
    input: { draft?: boolean | null },
    target: AppliedWrite<TRecord, TPlan>,
    isNew: boolean,
  ): { change: PublicationChange; from: PublicationState | null; to: PublicationState } | null {
    const record = target.record as TRecord & ModeratedRecord;
    if (isNew) {
      const state = initialPublicationState(context.viewer, input.draft);
      Object.assign(record, { publicationState: state, rejectionReason: null, publicationChangedAt: new Date() });
      return { change: PublicationChange.CREATED, from: null, to: state };
    }
    if (!target.publicChange) return null;
    const from = record.publicationState;
    const to = stateAfterChange(context.viewer, from);
    if (to === from) return null;
    Object.assign(record, { publicationState: to, rejectionReason: null, publicationChangedAt: new Date() });
    return { change: PublicationChange.CHANGED, from, to };
  }

  /** Locks and saves in one transaction: `lock` returns the record to save, validated; refusals of the database become client errors. */
  private async write(
    context: TContext,
    input: { draft?: boolean | null },
    record: TRecord,
    lock: (manager: EntityManager) => Promise<AppliedWrite<TRecord, TPlan>>,
  ): Promise<TRecord> {
    let writing = record;
    try {
      return await context.dataSource.transaction(async (manager) => {
        const target = await lock(manager);
        writing = target.record;
        const isNew = writing.id === undefined;
        const decision = isModerated(writing) ? this.publication(context, input, target, isNew) : null;
        await this.options.beforeSave?.(manager, writing, { isNew });
        const saved = await manager.save(writing);
        await this.options.afterSave?.(manager, saved, target.plan, { isNew });
        if (decision) await recordPublicationDecision(manager, this.options.typeName, saved, { ...decision, actor: context.viewer });
        const feed = this.options.changeFeed;
        if (feed && (isNew || target.publicChange)) {
          await writeRecordChange(manager, recordChangeOf(feed, this.options.typeName, saved, isNew ? RecordChangeKind.CREATED : RecordChangeKind.UPDATED));
        }
        return saved;
      });
    } catch (error) {
      throw this.refusal(error, writing);
    }
  }

  private refusal(error: unknown, record: TRecord): unknown {
    if (!isUniqueViolation(error)) return error;
    const constraint = (error as { constraint?: string }).constraint ?? "";
    return badUserInput(
      this.options.uniqueViolation?.(constraint, record) ?? {
        field: "sourceId",
        message: `is already used by another ${this.options.noun} of network ${record.network}`,
      },
    );
  }
}

/**
 * For an upsert: takes a transaction-scoped lock on (table, network, sourceId), so concurrent upserts of one
 * source record run one after the other (the row may not exist yet), then loads that record (or null) for update.
 */
export async function lockSourceRecord<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  key: { network: string; sourceId: string },
): Promise<T | null> {
  const repository = manager.getRepository(entity);
  await manager.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [JSON.stringify([repository.metadata.tableName, key.network, key.sourceId])]);
  return repository.findOne({ where: { network: key.network, sourceId: key.sourceId } as never, lock: { mode: "pessimistic_write" } });
}
