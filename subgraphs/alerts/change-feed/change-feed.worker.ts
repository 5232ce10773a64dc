import type PgBoss from "pg-boss";
import type { DataSource, EntityManager } from "typeorm";
import { logger } from "@agora-hub/runtime";
import { claimRecordChanges, type RecordChange } from "@agora-hub/subgraph-kit";
import type { AlertsSettings } from "../alerts.config";
import { inTransaction, QUEUES } from "../delivery/delivery.queue";
import { findMatchingSearches } from "../matching/matching.service";
import { documentTerms } from "../matching/matching.terms";

/** Changes claimed per transaction. */
export const CHANGE_BATCH = 100;

/** What one sweep of the change feeds did. */
export interface FeedSweep {
  changes: number;
  alerts: number;
}

/** The status a new alert of saved search `s` starts in: a feed-only search's is delivered by being in the feed; a digest's waits for it. */
export const START_STATUS = `CASE WHEN s.channel = 'FEED' THEN 'DELIVERED' WHEN s.channel = 'EMAIL' AND s.frequency <> 'IMMEDIATE' THEN 'DIGEST' ELSE 'PENDING' END`;

/** When a new alert of saved search `s` counts as delivered: at once for a feed-only search, else when sent. */
export const START_DELIVERED_AT = `CASE WHEN s.channel = 'FEED' THEN now() END`;

/**
 * Matches one change against the saved searches, in the transaction that claimed it: a record no longer public
 * is forgotten by every search (no reminder, and its return counts as new); a public one is matched through the
 * anchors, each matching search gets one alert (NEW the first time it matches the record, UPDATED after, only
 * with `includeUpdates`), unique per search and change, and its delivery job in the same transaction.
 */
export async function processChange(manager: EntityManager, change: RecordChange, settings: AlertsSettings, boss: PgBoss): Promise<number> {
  if (!change.public || !change.document) {
    await manager.query("DELETE FROM alert_match WHERE record_type = $1 AND record_id = $2", [change.recordType, change.recordId]);
    return 0;
  }
  const document = change.document;
  const matches = await findMatchingSearches(manager, change.recordType, change.recordId, documentTerms(document));
  // Searches that matched the record before and no longer do forget it.
  await manager.query("DELETE FROM alert_match WHERE record_type = $1 AND record_id = $2 AND NOT (saved_search_id = ANY($3::uuid[]))", [
    change.recordType,
    change.recordId,
    matches.map((match) => match.id),
  ]);
  const deadline = document.deadline ? new Date(document.deadline) : null;
  let alerts = 0;
  for (const match of matches) {
    const alerting = !match.matchedBefore || match.includeUpdates;
    // A deadline already inside the reminder window needs no reminder when this change sends an alert: the alert gives it.
    await manager.query(
      `INSERT INTO alert_match (saved_search_id, record_type, record_id, deadline, reminded_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $6 AND $4::timestamptz <= now() + make_interval(days => $5) THEN now() END)
       ON CONFLICT (saved_search_id, record_type, record_id) DO UPDATE
         SET deadline = EXCLUDED.deadline,
             reminded_at = CASE WHEN alert_match.deadline IS DISTINCT FROM EXCLUDED.deadline THEN EXCLUDED.reminded_at ELSE alert_match.reminded_at END`,
      [match.id, change.recordType, change.recordId, deadline, settings.reminderDays, alerting],
    );
    if (!alerting) continue;
    const [inserted] = (await manager.query(
      `INSERT INTO alert_event (saved_search_id, dedup_key, kind, record_type, record_id, network, title, summary, path, deadline, channel, status, destination, delivered_at)
       SELECT s.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, s.channel, ${START_STATUS},
              CASE s.channel WHEN 'WEBHOOK' THEN lower(substring(s.webhook_url FROM '^[a-zA-Z]+://([^/:?#]+)')) WHEN 'EMAIL' THEN lower(split_part(s.email, '@', 2)) END,
              ${START_DELIVERED_AT}
       FROM saved_search s WHERE s.id = $1
       ON CONFLICT (saved_search_id, dedup_key) DO NOTHING
       RETURNING id, status`,
      [
        match.id,
        `${change.schema}:${change.seq}`,
        match.matchedBefore ? "UPDATED" : "NEW",
        change.recordType,
        change.recordId,
        change.network,
        JSON.stringify(document.title),
        document.summary ? JSON.stringify(document.summary) : null,
        document.path,
        deadline,
      ],
    )) as Array<{ id: string; status: string }>;
    if (!inserted) continue;
    alerts += 1;
    if (inserted.status === "PENDING") await enqueueDelivery(boss, manager, inserted.id);
  }
  return alerts;
}

/** Queues an alert's delivery in the caller's transaction: the job id is the alert's, so it is queued once. */
export async function enqueueDelivery(boss: PgBoss, manager: EntityManager, eventId: string): Promise<void> {
  await boss.send(QUEUES.delivery, { eventId }, { id: eventId, db: inTransaction(manager) });
}

/**
 * Claims and matches every waiting change of the sources' feeds, a batch per transaction: several replicas share
 * the work (each claims rows the others do not hold) and a crash gives back what it had claimed, uncommitted.
 */
export async function sweepChangeFeeds(dataSource: DataSource, sources: readonly string[], settings: AlertsSettings, boss: PgBoss): Promise<FeedSweep> {
  const sweep: FeedSweep = { changes: 0, alerts: 0 };
  for (const schema of sources) {
    try {
      for (;;) {
        const claimed = await dataSource.transaction(async (manager) => {
          const changes = await claimRecordChanges(manager, schema, CHANGE_BATCH);
          for (const change of changes) sweep.alerts += await processChange(manager, change, settings, boss);
          return changes.length;
        });
        sweep.changes += claimed;
        if (claimed < CHANGE_BATCH) break;
      }
    } catch (error) {
      // One feed that cannot be read (its subgraph not migrated yet, a bad row) holds up neither the others nor the scheduler.
      logger.warn({ err: error, schema }, "alerts: could not read a change feed; retrying on the next sweep");
    }
  }
  return sweep;
}
