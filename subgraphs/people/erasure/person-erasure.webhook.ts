import { createHmac } from "node:crypto";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { type BackgroundTask, logger, readEnv, startPoller } from "@agora-hub/runtime";
import type { BackgroundContext } from "@agora-hub/subgraph-kit";
import { erasureFeedEnvShape } from "../../../domain/person-erasure/erasure-follower";

/**
 * Partner networks learn of erasures (GDPR Art. 17(2), 19) from the feed `personErasures`, and optionally by
 * webhook: the people subgraph POSTs each erasure, oldest first, to every URL of AGORA_ERASURE_WEBHOOK_URLS,
 * as JSON `{ erasureId, personId, erasedAt }`, signed (see `signWebhook`). A URL that fails (non-2xx, redirect,
 * timeout) is retried from the same erasure on the next poll, so delivery is at least once and in order;
 * receivers deduplicate by `erasureId`. Progress per URL is kept in `person_erasure_webhook`.
 */

export const WEBHOOK_HEADERS = { timestamp: "x-agora-webhook-timestamp", signature: "x-agora-webhook-signature" } as const;

/** Erasures sent to one URL per poll at most. */
const BATCH = 100;

const urlList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((url) => url.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/, error: "each URL must be http(s)" })).max(20));

/** The webhook settings, read and validated once. */
export const erasureWebhookEnvShape = {
  ...erasureFeedEnvShape,
  AGORA_ERASURE_WEBHOOK_URLS: urlList,
  /** Key of the HMAC receivers verify; required when there are URLs. */
  AGORA_WEBHOOK_SECRET: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(32, "must be at least 32 characters").optional()),
  AGORA_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
};

export interface ErasureWebhookConfig {
  urls: string[];
  secret: string;
  timeoutMs: number;
}

/** The webhook settings from `env`; null when no URL is configured. */
export function readErasureWebhookConfig(env: NodeJS.ProcessEnv): (ErasureWebhookConfig & { pollMs: number }) | null {
  const parsed = readEnv(erasureWebhookEnvShape, env);
  if (parsed.AGORA_ERASURE_WEBHOOK_URLS.length === 0) return null;
  if (!parsed.AGORA_WEBHOOK_SECRET) throw new Error("Invalid configuration:\n  AGORA_WEBHOOK_SECRET: is required when AGORA_ERASURE_WEBHOOK_URLS is set");
  return {
    urls: parsed.AGORA_ERASURE_WEBHOOK_URLS,
    secret: parsed.AGORA_WEBHOOK_SECRET,
    timeoutMs: parsed.AGORA_WEBHOOK_TIMEOUT_MS,
    pollMs: parsed.AGORA_ERASURE_POLL_MS,
  };
}

/**
 * The signature headers of one webhook body: `v1=` + hex HMAC-SHA256 keyed with AGORA_WEBHOOK_SECRET over
 * `<timestamp>.<body>` (timestamp in milliseconds). Receivers recompute it and reject old timestamps.
 */
export function signWebhook(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return {
    [WEBHOOK_HEADERS.timestamp]: timestamp,
    [WEBHOOK_HEADERS.signature]: `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`,
  };
}

async function post(url: string, body: string, config: ErasureWebhookConfig): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...signWebhook(config.secret, body) },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(config.timeoutMs),
  });
  await response.body?.cancel();
  if (response.status < 200 || response.status > 299) throw new Error(`answered HTTP ${response.status}`);
}

/** Sends every erasure each URL has not acknowledged yet (up to `BATCH` per URL), oldest first. */
export async function deliverErasureWebhooks(dataSource: DataSource, config: ErasureWebhookConfig): Promise<void> {
  for (const url of config.urls) {
    await dataSource.query("INSERT INTO person_erasure_webhook (url) VALUES ($1) ON CONFLICT (url) DO NOTHING", [url]);
    const [{ delivered_seq: delivered }] = (await dataSource.query("SELECT delivered_seq FROM person_erasure_webhook WHERE url = $1", [url])) as Array<{
      delivered_seq: string;
    }>;
    const erasures = (await dataSource.query("SELECT id, seq, person_id, erased_at FROM person_erasure WHERE seq > $1 ORDER BY seq LIMIT $2", [
      delivered,
      BATCH,
    ])) as Array<{ id: string; seq: string; person_id: string; erased_at: Date }>;
    for (const erasure of erasures) {
      const body = JSON.stringify({ erasureId: erasure.id, personId: erasure.person_id, erasedAt: erasure.erased_at.toISOString() });
      try {
        await post(url, body, config);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn({ url, erasureId: erasure.id, reason }, "erasure webhook failed; retrying on the next poll");
        await dataSource.query("UPDATE person_erasure_webhook SET last_error = $2, updated_at = now() WHERE url = $1", [url, reason.slice(0, 500)]);
        break;
      }
      await dataSource.query("UPDATE person_erasure_webhook SET delivered_seq = $2, last_error = NULL, updated_at = now() WHERE url = $1", [url, erasure.seq]);
    }
  }
}

/** Starts delivering erasure webhooks when AGORA_ERASURE_WEBHOOK_URLS is set (the people subgraph's background task). */
export function startErasureWebhooks({ dataSource, env }: BackgroundContext): BackgroundTask | undefined {
  const config = readErasureWebhookConfig(env);
  if (!config) return undefined;
  return startPoller("erasure-webhooks", config.pollMs, () => deliverErasureWebhooks(dataSource, config));
}
