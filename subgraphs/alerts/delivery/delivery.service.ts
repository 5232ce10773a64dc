import type PgBoss from "pg-boss";
import type { DataSource } from "typeorm";
import { Counter, type Registry } from "prom-client";
import { logger } from "@agora-hub/runtime";
import type { LocalizedTextData } from "@agora-hub/subgraph-kit";
import type { AlertsSettings } from "../alerts.config";
import { alertLinks } from "../saved-search/saved-search.service";
import { AlertChannel, AlertKind } from "../saved-search/saved-search.type";
import { alertsMessage, confirmationMessage } from "./alert-mail.messages";
import { type DeliveryJob, QUEUES, type SearchJob } from "./delivery.queue";
import type { Mailer } from "./mail.client";
import type { WebhookSender } from "./webhook.client";

/** Most alerts one digest lists; the rest are counted, and all are in the feed. */
const DIGEST_SIZE = 50;

/** What the delivery handlers work with. */
export interface DeliveryDeps {
  dataSource: DataSource;
  boss: PgBoss;
  settings: AlertsSettings;
  hubUrl: string;
  webhooks: WebhookSender;
  mailer: Mailer | null;
  metrics: DeliveryMetrics;
}

/** Prometheus counters of deliveries by channel and outcome. */
export interface DeliveryMetrics {
  deliveries: Counter<"channel" | "outcome">;
}

/** Registers `agora_alert_deliveries_total{channel,outcome}` (delivered, failed: refused after every retry, retried, deferred by a rate limit). */
export function createDeliveryMetrics(registry: Registry): DeliveryMetrics {
  return {
    deliveries: new Counter({
      name: "agora_alert_deliveries_total",
      help: "Alert deliveries by channel (webhook, email, digest, confirmation) and outcome (delivered, retried, failed, deferred, skipped).",
      labelNames: ["channel", "outcome"],
      registers: [registry],
    }),
  };
}

interface EventRow {
  id: string;
  kind: AlertKind;
  record_type: string;
  record_id: string;
  network: string;
  title: LocalizedTextData;
  path: string;
  deadline: Date | null;
  status: string;
  destination: string | null;
  created_at: Date;
  search_id: string;
  search_name: string;
  search_state: string;
  channel: AlertChannel;
  webhook_url: string | null;
  webhook_secret: string | null;
  email: string | null;
  language: string;
  unsubscribe_token: string;
  feed_token: string;
}

/** The Standard Webhooks `type` of an alert. */
const EVENT_TYPES: Record<AlertKind, string> = { NEW: "alert.new", UPDATED: "alert.updated", CLOSING_SOON: "alert.closing_soon" };

/** The JSON body of an alert's webhook: `{ type, timestamp, data }` as Standard Webhooks recommends; public facts only. */
export function webhookPayload(row: EventRow, hubUrl: string): string {
  return JSON.stringify({
    type: EVENT_TYPES[row.kind],
    timestamp: row.created_at.toISOString(),
    data: {
      alertId: row.id,
      savedSearch: { id: row.search_id, name: row.search_name },
      kind: row.kind,
      record: {
        type: row.record_type,
        id: row.record_id,
        network: row.network,
        title: row.title,
        url: `${hubUrl}${row.path}`,
        deadline: row.deadline ? row.deadline.toISOString() : null,
      },
    },
  });
}

async function loadEvent(dataSource: DataSource, id: string): Promise<EventRow | null> {
  const [row] = (await dataSource.query(
    `SELECT e.id, e.kind, e.record_type, e.record_id, e.network, e.title, e.path, e.deadline, e.status, e.destination, e.created_at,
            s.id AS search_id, s.name AS search_name, s.state AS search_state, s.channel, s.webhook_url, s.webhook_secret, s.email, s.language,
            s.unsubscribe_token, s.feed_token
     FROM alert_event e JOIN saved_search s ON s.id = e.saved_search_id WHERE e.id = $1`,
    [id],
  )) as EventRow[];
  return row ?? null;
}

/**
 * Claims an alert for sending (status SENDING), in a short transaction holding the saved search's and the
 * destination's advisory locks, so that replicas and workers sending at once still count each other: refused
 * when the subscriber's hourly or the destination's per-minute limit is reached (alerts being sent count), or
 * when another worker has it (a SENDING claim older than `staleSeconds` is taken over: its worker died).
 */
async function claimForSending(deps: DeliveryDeps, row: EventRow, staleSeconds: number): Promise<"claimed" | "subscriber" | "destination" | "taken"> {
  return deps.dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`agora-alerts-subscriber:${row.search_id}`]);
    if (row.destination) await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`agora-alerts-destination:${row.destination}`]);
    const [counts] = (await manager.query(
      `SELECT (SELECT count(*)::int FROM alert_event WHERE saved_search_id = $1 AND delivered_at > now() - interval '1 hour' AND channel <> 'FEED')
            + (SELECT count(*)::int FROM alert_event WHERE saved_search_id = $1 AND status = 'SENDING' AND id <> $3) AS subscriber,
              (SELECT count(*)::int FROM alert_event WHERE destination = $2 AND delivered_at > now() - interval '1 minute')
            + (SELECT count(*)::int FROM alert_event WHERE destination = $2 AND status = 'SENDING' AND id <> $3) AS destination`,
      [row.search_id, row.destination, row.id],
    )) as Array<{ subscriber: number; destination: number }>;
    if (counts.subscriber >= deps.settings.perSubscriberPerHour) return "subscriber";
    if (row.destination && counts.destination >= deps.settings.perDestinationPerMinute) return "destination";
    const claimed = (await manager.query(
      `UPDATE alert_event SET status = 'SENDING', sending_since = now()
       WHERE id = $1 AND (status = 'PENDING' OR (status = 'SENDING' AND sending_since < now() - make_interval(secs => $2))) RETURNING id`,
      [row.id, staleSeconds],
    )) as [unknown[], number];
    return claimed[0].length > 0 ? "claimed" : "taken";
  });
}

async function markDelivered(dataSource: DataSource, ids: string[], status: number | null): Promise<void> {
  await dataSource.query(
    `UPDATE alert_event SET status = 'DELIVERED', delivered_at = now(), attempts = attempts + 1, response_status = $2, last_error = NULL, sending_since = NULL
     WHERE id = ANY($1::uuid[])`,
    [ids, status],
  );
}

async function markHealthy(dataSource: DataSource, searchId: string): Promise<void> {
  await dataSource.query("UPDATE saved_search SET health = 'HEALTHY', failing_since = NULL WHERE id = $1 AND health = 'FAILING'", [searchId]);
}

/**
 * Delivers one alert (a job of QUEUES.delivery): nothing when it was delivered, skipped or deleted meanwhile, or
 * its search was paused; held back (requeued, or folded into the next digest for e-mail) over a rate limit;
 * otherwise sent, and on failure retried by pg-boss with backoff until the last attempt marks the alert FAILED and
 * its saved search FAILING.
 */
export async function deliverAlert(deps: DeliveryDeps, job: PgBoss.JobWithMetadata<DeliveryJob>): Promise<void> {
  const row = await loadEvent(deps.dataSource, job.data.eventId);
  if (!row || !(row.status === "PENDING" || row.status === "SENDING")) return;
  const channel = row.channel === AlertChannel.WEBHOOK ? "webhook" : "email";
  if (row.search_state !== "ACTIVE") {
    await deps.dataSource.query("UPDATE alert_event SET status = 'SKIPPED' WHERE id = $1 AND status = 'PENDING'", [row.id]);
    deps.metrics.deliveries.inc({ channel, outcome: "skipped" });
    return;
  }
  const claim = await claimForSending(deps, row, Math.ceil((2 * deps.settings.webhookTimeoutMs) / 1000) + 60);
  if (claim === "taken") return;
  if (claim !== "claimed") {
    deps.metrics.deliveries.inc({ channel, outcome: "deferred" });
    if (claim === "subscriber" && row.channel === AlertChannel.EMAIL) {
      await deps.dataSource.query("UPDATE alert_event SET status = 'DIGEST' WHERE id = $1 AND status = 'PENDING'", [row.id]);
      return;
    }
    await deps.boss.send(QUEUES.delivery, { eventId: row.id }, { startAfter: claim === "subscriber" ? 300 : 15 });
    return;
  }
  const links = alertLinks(deps.hubUrl, { feedToken: row.feed_token, unsubscribeToken: row.unsubscribe_token, confirmToken: null });
  let outcome: { ok: boolean; status: number | null; error?: string };
  if (row.channel === AlertChannel.WEBHOOK) {
    outcome = await deps.webhooks.post(row.webhook_url!, row.webhook_secret!, row.id, webhookPayload(row, deps.hubUrl));
  } else {
    if (!deps.mailer) throw new Error("SMTP_URL is unset: e-mail alerts cannot be sent");
    const message = alertsMessage(
      row.language,
      row.search_name,
      [{ kind: row.kind, title: row.title, url: `${deps.hubUrl}${row.path}`, deadline: row.deadline }],
      links,
      {
        digest: false,
      },
    );
    outcome = await deps.mailer.send(row.email!, message, links.unsubscribeUrl).then(
      () => ({ ok: true, status: null }),
      (error: unknown) => ({ ok: false, status: null, error: String((error as Error).message ?? error).slice(0, 300) }),
    );
  }
  if (outcome.ok) {
    await markDelivered(deps.dataSource, [row.id], outcome.status);
    await markHealthy(deps.dataSource, row.search_id);
    deps.metrics.deliveries.inc({ channel, outcome: "delivered" });
    return;
  }
  const final = job.retryCount >= job.retryLimit;
  await deps.dataSource.query(
    `UPDATE alert_event SET attempts = attempts + 1, response_status = $2, last_error = $3, status = CASE WHEN $4 THEN 'FAILED' ELSE 'PENDING' END, sending_since = NULL
     WHERE id = $1`,
    [row.id, outcome.status, outcome.error ?? null, final],
  );
  if (final) {
    await deps.dataSource.query("UPDATE saved_search SET health = 'FAILING', failing_since = coalesce(failing_since, now()) WHERE id = $1", [row.search_id]);
    deps.metrics.deliveries.inc({ channel, outcome: "failed" });
    logger.warn(
      { savedSearchId: row.search_id, alertId: row.id, attempts: job.retryCount + 1, reason: outcome.error },
      "alerts: delivery failed after every retry",
    );
    return;
  }
  deps.metrics.deliveries.inc({ channel, outcome: "retried" });
  throw new Error(`delivery of alert ${row.id} failed (${outcome.error}); retrying`);
}

/** Sends one saved search's digest (a job of QUEUES.digest): every alert waiting for it, in one message, then marks them delivered. */
export async function sendDigest(deps: DeliveryDeps, job: PgBoss.Job<SearchJob>): Promise<void> {
  const [search] = (await deps.dataSource.query(
    "SELECT id, name, email, language, state, unsubscribe_token, feed_token FROM saved_search WHERE id = $1 AND channel = 'EMAIL'",
    [job.data.savedSearchId],
  )) as Array<{ id: string; name: string; email: string; language: string; state: string; unsubscribe_token: string; feed_token: string }>;
  if (!search || search.state !== "ACTIVE" || !deps.mailer) return;
  const events = (await deps.dataSource.query(
    "SELECT id, kind, title, path, deadline FROM alert_event WHERE saved_search_id = $1 AND status = 'DIGEST' ORDER BY created_at, id",
    [search.id],
  )) as Array<{ id: string; kind: AlertKind; title: LocalizedTextData; path: string; deadline: Date | null }>;
  if (events.length === 0) return;
  const links = alertLinks(deps.hubUrl, { feedToken: search.feed_token, unsubscribeToken: search.unsubscribe_token, confirmToken: null });
  const shown = events
    .slice(0, DIGEST_SIZE)
    .map((event) => ({ kind: event.kind, title: event.title, url: `${deps.hubUrl}${event.path}`, deadline: event.deadline }));
  const message = alertsMessage(search.language, search.name, shown, links, { digest: true, more: events.length - shown.length });
  await deps.mailer.send(search.email, message, links.unsubscribeUrl);
  await markDelivered(
    deps.dataSource,
    events.map((event) => event.id),
    null,
  );
  await deps.dataSource.query("UPDATE saved_search SET last_digest_at = now() WHERE id = $1", [search.id]);
  deps.metrics.deliveries.inc({ channel: "digest", outcome: "delivered" });
}

/** Sends a subscription's confirmation message (a job of QUEUES.confirmation), while it still waits for it. */
export async function sendConfirmation(deps: DeliveryDeps, job: PgBoss.Job<SearchJob>): Promise<void> {
  const [search] = (await deps.dataSource.query(
    "SELECT name, email, language, confirm_token, feed_token, unsubscribe_token FROM saved_search WHERE id = $1 AND state = 'PENDING_CONFIRMATION' AND confirm_expires_at > now()",
    [job.data.savedSearchId],
  )) as Array<{ name: string; email: string; language: string; confirm_token: string; feed_token: string; unsubscribe_token: string }>;
  if (!search || !deps.mailer) return;
  const links = alertLinks(deps.hubUrl, { feedToken: search.feed_token, unsubscribeToken: search.unsubscribe_token, confirmToken: search.confirm_token });
  await deps.mailer.send(search.email, confirmationMessage(search.language, search.name, links.confirmUrl!));
  deps.metrics.deliveries.inc({ channel: "confirmation", outcome: "delivered" });
}
