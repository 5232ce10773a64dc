import { Client } from "pg";
import type PgBoss from "pg-boss";
import { DataSource } from "typeorm";
import type { PostgresConnectionOptions } from "typeorm/driver/postgres/PostgresConnectionOptions";
import { type BackgroundTask, logger, startPoller } from "@agora-hub/runtime";
import { type BackgroundContext, RECORD_CHANGE_CHANNEL } from "@agora-hub/subgraph-kit";
import type { AlertsSettings } from "./alerts.config";
import { sweepChangeFeeds } from "./change-feed/change-feed.worker";
import { ALERTS_WAKE_PAYLOAD } from "./saved-search/saved-search.service";
import { QUEUES, startQueue, type DeliveryJob, type SearchJob } from "./delivery/delivery.queue";
import { runSchedule } from "./delivery/delivery.schedule";
import { createDeliveryMetrics, deliverAlert, type DeliveryDeps, sendConfirmation, sendDigest } from "./delivery/delivery.service";
import { createMailer } from "./delivery/mail.client";
import { createWebhookSender } from "./delivery/webhook.client";

/** How many delivery jobs one replica works at once. */
const DELIVERY_WORKERS = 4;

/** Connections of the background's own pool: deliveries and sweeps never take the ones requests need. */
const BACKGROUND_POOL_SIZE = 4;

/** A data source like the subgraph's (same database, schema, entities), with a small pool of its own and no statement logger. */
async function openBackgroundDataSource(requests: DataSource): Promise<DataSource> {
  const options = requests.options as PostgresConnectionOptions;
  const background = new DataSource({
    ...options,
    logger: undefined,
    logging: false,
    applicationName: "agora-alerts-background",
    extra: { ...(options.extra as object), max: BACKGROUND_POOL_SIZE },
  });
  return background.initialize();
}

/** A dedicated connection that LISTENs for the change feeds' NOTIFY and calls `wake` with its payload (a schema, or ALERTS_WAKE_PAYLOAD); reconnects after a loss. */
function listen(dataSource: DataSource, wake: (payload: string | null) => void): { stop: () => Promise<void> } {
  const url = (dataSource.options as { url?: string }).url;
  let client: Client | null = null;
  let stopped = false;
  const connect = async () => {
    if (stopped) return;
    const next = new Client({ connectionString: url, application_name: "agora-alerts-listener" });
    next.on("notification", (message) => wake(message.payload ?? null));
    next.on("error", (error) => {
      logger.warn({ err: error }, "alerts: the change feed listener lost its connection; reconnecting");
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000).unref();
    });
    await next.connect();
    await next.query(`LISTEN ${RECORD_CHANGE_CHANNEL}`);
    client = next;
    // Whatever was announced while it was away.
    wake(null);
  };
  void connect().catch((error: unknown) => {
    logger.warn({ err: error }, "alerts: could not LISTEN to the change feeds; sweeping on the poll only");
  });
  return {
    stop: async () => {
      stopped = true;
      await client?.end().catch(() => undefined);
    },
  };
}

/**
 * Runs `task` with what is due each time `trigger` is called, never two at once: a call while it runs adds to what
 * the next run does. A trigger names one change feed (its schema, from a NOTIFY), or null for everything (the poll).
 */
function serialised(name: string, task: (due: { schemas: Set<string>; everything: boolean }) => Promise<unknown>) {
  let running: Promise<void> | null = null;
  let due = { schemas: new Set<string>(), everything: false };
  const trigger = (what: string | null) => {
    if (what === null) due.everything = true;
    else due.schemas.add(what);
    if (running) return;
    running = (async () => {
      while (due.everything || due.schemas.size > 0) {
        const now = due;
        due = { schemas: new Set<string>(), everything: false };
        try {
          await task(now);
        } catch (error) {
          logger.warn({ err: error, task: name }, "alerts: background work failed; retrying on the next wake-up");
        }
      }
    })().finally(() => {
      running = null;
    });
  };
  return { trigger, idle: async () => void (await running) };
}

/**
 * The alerts subgraph's background work: the job queue (pg-boss) and its workers (deliveries, digests,
 * confirmations), the change feeds' listener and sweeps (at every NOTIFY, and every ALERT_POLL_MS in case one was
 * missed), and the scheduler (confirmations, reminders, digests, expired subscriptions).
 */
export function startAlertsBackground(context: BackgroundContext<AlertsSettings>): BackgroundTask {
  const { settings } = context;
  let dataSource: DataSource | null = null;
  const webhooks = createWebhookSender({ timeoutMs: settings.webhookTimeoutMs, allowPrivate: settings.allowPrivateWebhooks });
  const mailer = settings.smtpUrl ? createMailer(settings.smtpUrl, settings.mailFrom, settings.webhookTimeoutMs) : null;
  let boss: PgBoss | null = null;
  let listener: { stop: () => Promise<void> } | null = null;
  let poller: BackgroundTask | null = null;
  // A NOTIFY sweeps its own feed (the alerts' own wake-up runs the scheduler, which sends confirmations); the poll does everything.
  const sweep = serialised("alerts-sweep", async (due) => {
    if (!boss || !dataSource) return;
    const sources = due.everything ? settings.sources : settings.sources.filter((source) => due.schemas.has(source));
    const feeds = await sweepChangeFeeds(dataSource, sources, settings, boss);
    const scheduled = due.everything || due.schemas.has(ALERTS_WAKE_PAYLOAD) ? await runSchedule(dataSource, boss, settings) : null;
    const queued = feeds.alerts + (scheduled ? scheduled.reminders + scheduled.digests + scheduled.confirmations : 0);
    if (queued > 0) logger.debug({ feeds, scheduled }, "alerts: sweep");
    // Delivery workers poll; tell this replica's at once that there is work.
    if (queued > 0) for (const id of deliveryWorkerIds) boss.notifyWorker(id);
  });
  const deliveryWorkerIds: string[] = [];
  const started = (async () => {
    dataSource = await openBackgroundDataSource(context.dataSource);
    boss = await startQueue(dataSource, { retryLimit: settings.retryLimit, retryDelay: settings.retryDelaySeconds });
    const deps: DeliveryDeps = { dataSource, boss, settings, hubUrl: context.hubUrl, webhooks, mailer, metrics: createDeliveryMetrics(context.metrics) };
    const work = { pollingIntervalSeconds: settings.queuePollSeconds, batchSize: 1, includeMetadata: true } as const;
    for (let index = 0; index < DELIVERY_WORKERS; index++) {
      deliveryWorkerIds.push(await boss.work<DeliveryJob>(QUEUES.delivery, work, async ([job]) => deliverAlert(deps, job)));
    }
    await boss.work<SearchJob>(QUEUES.digest, { pollingIntervalSeconds: settings.queuePollSeconds }, async ([job]) => sendDigest(deps, job));
    await boss.work<SearchJob>(QUEUES.confirmation, { pollingIntervalSeconds: settings.queuePollSeconds }, async ([job]) => sendConfirmation(deps, job));
    listener = listen(dataSource, sweep.trigger);
    poller = startPoller("alerts-poll", settings.pollMs, async () => sweep.trigger(null));
  })().catch((error: unknown) => {
    logger.error({ err: error }, "alerts: the job queue failed to start; no alert is delivered");
  });
  return {
    stop: async () => {
      await started;
      await poller?.stop();
      await listener?.stop();
      await sweep.idle();
      await boss?.stop({ graceful: true, timeout: 5000, wait: true });
      await webhooks.close();
      mailer?.close();
      await dataSource?.destroy();
    },
  };
}
