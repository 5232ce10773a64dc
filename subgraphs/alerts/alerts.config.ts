import { z } from "zod";
import { emptyAsUnset, readEnv } from "@agora-hub/runtime";

/** The core subgraphs whose change feeds the alerts follow (each one's PostgreSQL schema holds its `record_change`). */
export const ALERT_SOURCES = ["people", "organisations", "opportunities", "events", "resources"] as const;

/** The alerts subgraph's own settings, read once at start. */
export interface AlertsSettings {
  /** The change feeds it follows (ALERT_SOURCES: a comma-separated subset of ALERT_SOURCES, or "none"; all by default). */
  sources: string[];
  /** SMTP server for e-mail (nodemailer URL, e.g. smtp://user:pass@mail.example:587); null: e-mail is not sent and e-mail subscriptions are refused. */
  smtpUrl: string | null;
  /** The From of every message. */
  mailFrom: string;
  /** Webhook attempts after the first, and the first retry's delay in seconds (doubling each time). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Most messages one saved search receives an hour; beyond, e-mail folds into the next digest and webhooks wait. */
  perSubscriberPerHour: number;
  /** Most deliveries to one destination (a webhook's host, an e-mail domain) a minute; beyond, they wait. */
  perDestinationPerMinute: number;
  /** Milliseconds between sweeps of the change feeds when no NOTIFY arrives, and between scheduler runs (digests, reminders). */
  pollMs: number;
  /** How often the delivery queue is polled, in seconds (pg-boss). */
  queuePollSeconds: number;
  /** Days before an opportunity's deadline its reminder goes out. */
  reminderDays: number;
  /** Webhook request timeout. */
  webhookTimeoutMs: number;
  /** Whether webhooks may go to loopback and private addresses (AGORA_ALLOW_PRIVATE_SUBGRAPHS=1, development and tests). */
  allowPrivateWebhooks: boolean;
  /** Days a confirmation link stays valid. */
  confirmationDays: number;
  /** Most saved searches one network holds. */
  maxPerNetwork: number;
  /** Most unconfirmed e-mail subscriptions a client may ask for in an hour. */
  subscriptionsPerClientPerHour: number;
}

const int = (min: number, max: number, fallback: number) => z.preprocess(emptyAsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

/**
 * Reads SMTP_URL, ALERT_MAIL_FROM, ALERT_RETRY_LIMIT (8), ALERT_RETRY_DELAY_SECONDS (30), ALERT_MAX_PER_SUBSCRIBER_HOUR (60),
 * ALERT_MAX_PER_DESTINATION_MINUTE (120), ALERT_POLL_MS (5000), ALERT_QUEUE_POLL_SECONDS (2), ALERT_REMINDER_DAYS (7),
 * ALERT_WEBHOOK_TIMEOUT_MS (10000), ALERT_CONFIRMATION_DAYS (7), ALERT_MAX_PER_NETWORK (10000),
 * ALERT_SUBSCRIPTIONS_PER_CLIENT_HOUR (10), ALERT_SOURCES (every record subgraph) and AGORA_ALLOW_PRIVATE_SUBGRAPHS; a bad value stops the start, naming its variable.
 */
export function readAlertsSettings(env: NodeJS.ProcessEnv): AlertsSettings {
  const values = readEnv(
    {
      SMTP_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional()),
      ALERT_MAIL_FROM: z.preprocess(emptyAsUnset, z.string().min(3).max(200).default("Agora Hub <alerts@agora-hub.localhost>")),
      ALERT_RETRY_LIMIT: int(0, 20, 8),
      ALERT_RETRY_DELAY_SECONDS: int(1, 3600, 30),
      ALERT_MAX_PER_SUBSCRIBER_HOUR: int(1, 100_000, 60),
      ALERT_MAX_PER_DESTINATION_MINUTE: int(1, 1_000_000, 120),
      ALERT_POLL_MS: int(50, 600_000, 5000),
      ALERT_QUEUE_POLL_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().min(0.5).max(60).default(2)),
      ALERT_REMINDER_DAYS: int(1, 60, 7),
      ALERT_WEBHOOK_TIMEOUT_MS: int(100, 60_000, 10_000),
      ALERT_CONFIRMATION_DAYS: int(1, 60, 7),
      ALERT_MAX_PER_NETWORK: int(1, 1_000_000, 10_000),
      ALERT_SUBSCRIPTIONS_PER_CLIENT_HOUR: int(1, 10_000, 10),
      AGORA_ALLOW_PRIVATE_SUBGRAPHS: z.preprocess(emptyAsUnset, z.enum(["0", "1"]).default("0")),
      ALERT_SOURCES: z.preprocess(
        emptyAsUnset,
        z
          .string()
          .default(ALERT_SOURCES.join(","))
          .transform((value) => (value.trim() === "none" ? [] : value.split(",").map((name) => name.trim())))
          .pipe(z.array(z.enum(ALERT_SOURCES, { error: `each must be one of ${ALERT_SOURCES.join(", ")} (or the whole value "none")` }))),
      ),
    },
    env,
  );
  return {
    sources: [...new Set(values.ALERT_SOURCES)],
    smtpUrl: values.SMTP_URL ?? null,
    mailFrom: values.ALERT_MAIL_FROM,
    retryLimit: values.ALERT_RETRY_LIMIT,
    retryDelaySeconds: values.ALERT_RETRY_DELAY_SECONDS,
    perSubscriberPerHour: values.ALERT_MAX_PER_SUBSCRIBER_HOUR,
    perDestinationPerMinute: values.ALERT_MAX_PER_DESTINATION_MINUTE,
    pollMs: values.ALERT_POLL_MS,
    queuePollSeconds: values.ALERT_QUEUE_POLL_SECONDS,
    reminderDays: values.ALERT_REMINDER_DAYS,
    webhookTimeoutMs: values.ALERT_WEBHOOK_TIMEOUT_MS,
    allowPrivateWebhooks: values.AGORA_ALLOW_PRIVATE_SUBGRAPHS === "1",
    confirmationDays: values.ALERT_CONFIRMATION_DAYS,
    maxPerNetwork: values.ALERT_MAX_PER_NETWORK,
    subscriptionsPerClientPerHour: values.ALERT_SUBSCRIPTIONS_PER_CLIENT_HOUR,
  };
}
