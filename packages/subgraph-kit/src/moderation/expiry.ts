import type { DataSource } from "typeorm";
import { z } from "zod";
import { type BackgroundTask, emptyAsUnset, logger, readEnv, startPoller } from "@agora-hub/runtime";
import { RecordChangeKind } from "../changes/record-change";
import type { BackgroundContext } from "../subgraph";
import { PublicationActorKind, PublicationChange, PublicationState } from "./publication-state";

/*
 * Expiry: a subgraph's records whose window (an opportunity's deadline, an event's end) passed more than a
 * configured number of days ago are ARCHIVED by a periodic job, each with one EXPIRED decision in its history.
 * All state is in the database: a run archives what is due now, whatever earlier runs did or missed, so a
 * restart loses nothing and a late run archives nothing twice. Replicas of a subgraph share the work through a
 * PostgreSQL advisory lock taken per batch (`pg_try_advisory_xact_lock`): a replica that finds it held skips its run.
 */

/** The publication states that expire: public records and stale review-queue entries; drafts and rejected records stay their network's. */
export const EXPIRING_STATES: readonly PublicationState[] = [PublicationState.PUBLISHED, PublicationState.PENDING_REVIEW];

/** At most this many records are archived per statement (and transaction); a run loops until a batch is short. */
export const EXPIRY_BATCH_SIZE = 500;

/** The job's actor in `publication_decision.actor` (with actor kind HUB). */
export const EXPIRY_ACTOR = "expiry";

/** EXPIRY_INTERVAL_MS when unset: every ten minutes (and once at start). */
export const DEFAULT_EXPIRY_INTERVAL_MS = 600_000;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** What expires in one table: rows whose `endColumn` (null: never) is more than `afterDays` days ago. */
export interface ExpiryRule {
  /** The GraphQL type, as the history records it (`publication_decision.record_type`). */
  typeName: string;
  /** The table, in the subgraph's own schema. */
  table: string;
  /** The timestamptz column that ends the record's window; rows where it is null never expire. */
  endColumn: string;
  /** Days after the end a record is archived (0: as soon as it ends). */
  afterDays: number;
  /** Whether the table's records are in the subgraph's change feed: each archived one then gets an EXPIRED row (hidden, no document). */
  changeFeed?: boolean;
}

/** A subgraph's expiry settings, read once at start by its `readSettings`. */
export interface ExpirySettings {
  /** Days after its window ends a record is archived. */
  archiveAfterDays: number;
  /** Milliseconds between runs (EXPIRY_INTERVAL_MS). */
  intervalMs: number;
}

/**
 * Reads `daysVariable` (whole days, 0–3650, default `defaultDays`) and EXPIRY_INTERVAL_MS (50 ms to one day,
 * default ten minutes); a bad value stops the start, naming its variable.
 */
export function readExpirySettings(env: NodeJS.ProcessEnv, daysVariable: string, defaultDays: number): ExpirySettings {
  const values = readEnv(
    {
      [daysVariable]: z.preprocess(emptyAsUnset, z.coerce.number().int("must be a whole number of days").min(0).max(3650).default(defaultDays)),
      EXPIRY_INTERVAL_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(50).max(86_400_000).default(DEFAULT_EXPIRY_INTERVAL_MS)),
    },
    env,
  );
  return { archiveAfterDays: values[daysVariable] as number, intervalMs: values.EXPIRY_INTERVAL_MS as number };
}

/** The advisory-lock name of a subgraph's expiry job (hashed by `hashtext`), one per subgraph schema. */
export function expiryLockName(subgraph: string): string {
  return `agora-expiry-${subgraph}`;
}

function checkRule(rule: ExpiryRule): void {
  for (const name of [rule.table, rule.endColumn]) if (!IDENTIFIER.test(name)) throw new Error(`expiry: ${name} is not a lower-case SQL name`);
  if (!(Number.isInteger(rule.afterDays) && rule.afterDays >= 0)) throw new Error(`expiry: afterDays of ${rule.typeName} must be a whole number ≥ 0`);
}

/**
 * One batch as one statement: locks up to `limit` due rows (skipping rows a writer holds, taken next run),
 * archives them and writes their EXPIRED decisions with the state each left (and, with `changeFeed`, their
 * EXPIRED rows in `record_change`, whose trigger NOTIFYs at commit); returns how many it archived.
 */
function batchStatement(rule: ExpiryRule): string {
  // A data-modifying CTE runs whether or not the final SELECT reads it.
  const feed = rule.changeFeed
    ? `, fed AS (
      INSERT INTO record_change (record_type, record_id, network, kind, public, document)
      SELECT $4, id, network, '${RecordChangeKind.EXPIRED}', false, NULL FROM archived
    )`
    : "";
  return `WITH due AS (
      SELECT id, publication_state AS from_state FROM ${rule.table}
      WHERE publication_state = ANY($1::text[]) AND ${rule.endColumn} < now() - make_interval(days => $2::int)
      ORDER BY ${rule.endColumn}, id
      LIMIT $3
      FOR UPDATE SKIP LOCKED
    ), archived AS (
      UPDATE ${rule.table} AS record
      SET publication_state = '${PublicationState.ARCHIVED}', publication_changed_at = now()
      FROM due WHERE record.id = due.id
      RETURNING record.id, record.network, due.from_state
    ), recorded AS (
      INSERT INTO publication_decision (record_type, record_id, network, change, from_state, to_state, actor_kind, actor)
      SELECT $4, id, network, '${PublicationChange.EXPIRED}', from_state, '${PublicationState.ARCHIVED}', '${PublicationActorKind.HUB}', $5 FROM archived
      RETURNING record_id
    )${feed}
    SELECT count(*)::int AS archived FROM recorded`;
}

/** What one run did: how many records of each type it archived, or that another replica held the lock. */
export interface ExpiryRun {
  archived: Record<string, number>;
  /** True when another replica was running the job, so this one did nothing. */
  skipped: boolean;
}

/**
 * Archives every record due under `rules`, in batches of `batchSize`, each batch its own short transaction
 * under the subgraph's advisory lock; stops (skipped) as soon as another replica holds the lock.
 */
export async function archiveExpired(
  dataSource: DataSource,
  options: { subgraph: string; rules: readonly ExpiryRule[]; batchSize?: number },
): Promise<ExpiryRun> {
  const batchSize = options.batchSize ?? EXPIRY_BATCH_SIZE;
  const run: ExpiryRun = { archived: {}, skipped: false };
  for (const rule of options.rules) {
    checkRule(rule);
    run.archived[rule.typeName] = 0;
    for (;;) {
      const count = await dataSource.transaction(async (manager) => {
        const [lock] = (await manager.query("SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked", [expiryLockName(options.subgraph)])) as Array<{
          locked: boolean;
        }>;
        if (!lock.locked) return null;
        const [row] = (await manager.query(batchStatement(rule), [EXPIRING_STATES, rule.afterDays, batchSize, rule.typeName, EXPIRY_ACTOR])) as Array<{
          archived: number;
        }>;
        return row.archived;
      });
      if (count === null) return { ...run, skipped: true };
      run.archived[rule.typeName] += count;
      if (count < batchSize) break;
    }
  }
  return run;
}

/**
 * Runs `archiveExpired` at start and every `intervalMs` after each run, logging how many records each run
 * archived (at info when any, else at debug); stop it with the subgraph.
 */
export function startExpiry(options: { subgraph: string; dataSource: DataSource; rules: readonly ExpiryRule[]; intervalMs: number }): BackgroundTask {
  return startPoller(`${options.subgraph}-expiry`, options.intervalMs, async () => {
    const run = await archiveExpired(options.dataSource, options);
    if (run.skipped) return logger.debug({ subgraph: options.subgraph }, "expiry: another replica is running it");
    // At info when it archived something, like a client's write; an idle run is background polling (debug).
    const total = Object.values(run.archived).reduce((sum, count) => sum + count, 0);
    logger[total > 0 ? "info" : "debug"]({ subgraph: options.subgraph, archived: run.archived, total }, "expiry: archived records past their window");
  });
}

/** The expiry settings in a subgraph's settings (`{ expiry: ExpirySettings }`, as its `readSettings` returns them). */
export function expirySettingsOf(settings: unknown): ExpirySettings {
  const expiry = (settings as { expiry?: Partial<ExpirySettings> } | null | undefined)?.expiry;
  if (!(expiry && Number.isInteger(expiry.archiveAfterDays) && Number.isInteger(expiry.intervalMs))) {
    throw new Error("expiry: the subgraph's readSettings must return { expiry: readExpirySettings(...) }");
  }
  return expiry as ExpirySettings;
}

/**
 * The background work of a subgraph whose records expire: its settings carry `expiry` (`readExpirySettings`),
 * and `rules(expiry)` says what expires, e.g. `{ typeName: "Event", table: "event", endColumn: "ends_at",
 * afterDays: expiry.archiveAfterDays }`; it runs every `expiry.intervalMs`.
 */
export function expireRecords(rules: (expiry: ExpirySettings) => ExpiryRule[]): (context: BackgroundContext) => BackgroundTask {
  return (context) => {
    const expiry = expirySettingsOf(context.settings);
    return startExpiry({ subgraph: context.subgraph, dataSource: context.dataSource, rules: rules(expiry), intervalMs: expiry.intervalMs });
  };
}
