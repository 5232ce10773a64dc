import { isIP } from "node:net";
import { Webhook } from "standardwebhooks";
import { Agent, request } from "undici";
import { classifyAddress, describeAddressCategory, guardedLookup, isAddressAllowed } from "@agora-hub/runtime";

/** A webhook's answer, or why there was none. */
export type WebhookOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** Posts Standard Webhooks messages; one agent (and its connection pool) for every endpoint. */
export interface WebhookSender {
  post: (url: string, secret: string, id: string, payload: string) => Promise<WebhookOutcome>;
  close: () => Promise<void>;
}

/** Longest answer read from an endpoint (the rest is dropped): only the status matters. */
const MAX_ANSWER_BYTES = 4096;

/**
 * Sends signed webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`, from the `standardwebhooks`
 * library) with a timeout, never following redirects, and only to addresses the outbound policy allows
 * (checked when the host resolves, so a name later pointed inside the hub's network is refused).
 */
export function createWebhookSender(options: { timeoutMs: number; allowPrivate: boolean }): WebhookSender {
  const policy = { allowPrivate: options.allowPrivate };
  const agent = new Agent({
    connect: { timeout: options.timeoutMs, lookup: guardedLookup(policy) },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  return {
    post: async (url, secret, id, payload) => {
      const target = new URL(url);
      const literal = target.hostname.startsWith("[") ? target.hostname.slice(1, -1) : target.hostname;
      if (isIP(literal) && !isAddressAllowed(literal, policy)) {
        return { ok: false, status: null, error: `blocked address ${literal} (${describeAddressCategory(classifyAddress(literal))})` };
      }
      const headers = {
        "content-type": "application/json",
        "user-agent": "AgoraHub-Webhooks/1",
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
        "webhook-signature": "",
      };
      headers["webhook-signature"] = new Webhook(secret).sign(id, new Date(Number(headers["webhook-timestamp"]) * 1000), payload);
      try {
        const response = await request(target, { method: "POST", headers, body: payload, dispatcher: agent, signal: AbortSignal.timeout(options.timeoutMs) });
        let read = 0;
        for await (const chunk of response.body) {
          read += (chunk as Buffer).length;
          if (read > MAX_ANSWER_BYTES) break;
        }
        if (response.statusCode >= 200 && response.statusCode < 300) return { ok: true, status: response.statusCode };
        return { ok: false, status: response.statusCode, error: `answered HTTP ${response.statusCode}` };
      } catch (error) {
        const cause = (error as { cause?: { message?: string }; message?: string }).cause?.message ?? (error as Error).message;
        return { ok: false, status: null, error: String(cause).slice(0, 300) };
      }
    },
    close: () => agent.close(),
  };
}
