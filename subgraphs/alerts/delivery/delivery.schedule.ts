import type PgBoss from "pg-boss";
import type { DataSource } from "typeorm";
import type { AlertsSettings } from "../alerts.config";
import { enqueueDelivery, START_DELIVERED_AT, START_STATUS } from "../change-feed/change-feed.worker";
import { inTransaction, QUEUES } from "./delivery.queue";

/** At most this many reminders, confirmations or digests are queued per run; the next run takes the rest. */
const BATCH = 500;

/** What one scheduler run queued. */
export interface ScheduleRun {
  confirmations: number;
  reminders: number;
  digests: number;
  expired: number;
}

/**
 * The scheduler's periodic work, every part state-based and idempotent (a late or repeated run queues nothing
 * twice; replicas skip rows another holds): confirmation messages not sent yet, "closes in N days" reminders
 * for opportunities a search matched, digests that are due, and unconfirmed subscriptions past their link's expiry.
 */
export async function runSchedule(dataSource: DataSource, boss: PgBoss, settings: AlertsSettings): Promise<ScheduleRun> {
  const run: ScheduleRun = { confirmations: 0, reminders: 0, digests: 0, expired: 0 };
  await dataSource.transaction(async (manager) => {
    const due = (await manager.query(
      `UPDATE saved_search SET confirmation_sent_at = now()
       WHERE id IN (SELECT id FROM saved_search WHERE state = 'PENDING_CONFIRMATION' AND confirmation_sent_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [BATCH],
    )) as [Array<{ id: string }>, number];
    for (const { id } of due[0]) await boss.send(QUEUES.confirmation, { savedSearchId: id }, { singletonKey: id, db: inTransaction(manager) });
    run.confirmations = due[0].length;
  });
  await dataSource.transaction(async (manager) => {
    // Each due match once: its reminder copies the record's title and link from the search's last alert about it.
    const reminded = (await manager.query(
      `WITH due AS (
         SELECT m.saved_search_id, m.record_type, m.record_id, m.deadline FROM alert_match m JOIN saved_search s ON s.id = m.saved_search_id
         WHERE m.reminded_at IS NULL AND m.deadline > now() AND m.deadline <= now() + make_interval(days => $1) AND s.state = 'ACTIVE'
         ORDER BY m.deadline LIMIT $2 FOR UPDATE OF m SKIP LOCKED
       ), marked AS (
         UPDATE alert_match m SET reminded_at = now() FROM due
         WHERE m.saved_search_id = due.saved_search_id AND m.record_type = due.record_type AND m.record_id = due.record_id
         RETURNING m.saved_search_id, m.record_type, m.record_id, m.deadline
       )
       INSERT INTO alert_event (saved_search_id, dedup_key, kind, record_type, record_id, network, title, summary, path, deadline, channel, status, destination, delivered_at)
       SELECT marked.saved_search_id, 'closing:' || marked.record_id || ':' || extract(epoch FROM marked.deadline)::bigint, 'CLOSING_SOON',
              marked.record_type, marked.record_id, last.network, last.title, last.summary, last.path, marked.deadline, s.channel,
              ${START_STATUS}, last.destination, ${START_DELIVERED_AT}
       FROM marked
       JOIN saved_search s ON s.id = marked.saved_search_id
       CROSS JOIN LATERAL (
         SELECT e.network, e.title, e.summary, e.path, e.destination FROM alert_event e
         WHERE e.saved_search_id = marked.saved_search_id AND e.record_type = marked.record_type AND e.record_id = marked.record_id
         ORDER BY e.created_at DESC LIMIT 1
       ) AS last
       ON CONFLICT (saved_search_id, dedup_key) DO NOTHING
       RETURNING id, status`,
      [settings.reminderDays, BATCH],
    )) as Array<{ id: string; status: string }>;
    for (const event of reminded) if (event.status === "PENDING") await enqueueDelivery(boss, manager, event.id);
    run.reminders = reminded.length;
  });
  await dataSource.transaction(async (manager) => {
    // Digests due by their frequency, and an immediate subscriber's alerts held back by the hourly limit, an hour on.
    const due = (await manager.query(
      `SELECT s.id FROM saved_search s
       WHERE s.channel = 'EMAIL' AND s.state = 'ACTIVE'
         AND EXISTS (SELECT 1 FROM alert_event e WHERE e.saved_search_id = s.id AND e.status = 'DIGEST')
         AND coalesce(s.last_digest_at, s.created_at) <= now() - CASE s.frequency WHEN 'DAILY' THEN interval '1 day' WHEN 'WEEKLY' THEN interval '7 days' ELSE interval '1 hour' END
       LIMIT $1`,
      [BATCH],
    )) as Array<{ id: string }>;
    for (const { id } of due) await boss.send(QUEUES.digest, { savedSearchId: id }, { singletonKey: id, db: inTransaction(manager) });
    run.digests = due.length;
  });
  const expired = (await dataSource.query("DELETE FROM saved_search WHERE state = 'PENDING_CONFIRMATION' AND confirm_expires_at < now()")) as [unknown, number];
  run.expired = expired[1] ?? 0;
  return run;
}
