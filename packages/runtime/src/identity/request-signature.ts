import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { NETWORK_SLUG_PATTERN } from "../networks";
import type { Viewer } from "./viewer";

/**
 * Headers by which the gateway tells a core subgraph who is asking. The signature is an HMAC-SHA256, keyed
 * with AGORA_SUBGRAPH_SECRET, over the timestamp, a one-time nonce, the viewer, the request id and a hash of
 * the exact body, so a captured signature is worthless for another query, another viewer, a second time
 * (the subgraph remembers the nonces it saw), or after `MAX_SIGNATURE_AGE_MS`.
 */
export const SIGNATURE_HEADERS = {
  viewer: "x-agora-viewer",
  timestamp: "x-agora-timestamp",
  nonce: "x-agora-nonce",
  signature: "x-agora-signature",
  /** Always sent by the gateway: a subgraph gives a request without one a fresh id, which then fails the check. */
  requestId: "x-request-id",
} as const;

/** How old a signature may be by the subgraph's clock; its nonce is remembered that long. */
export const MAX_SIGNATURE_AGE_MS = 30_000;
/** How far in the future a signature's timestamp may lie (clock skew between hosts). */
export const MAX_CLOCK_SKEW_MS = 5_000;
/**
 * Most nonces a subgraph remembers at once; past it, signed requests are refused until old ones expire
 * (forgetting one early would let it be replayed). Far above what the gateway sends in one window.
 */
const MAX_REMEMBERED_NONCES = 1_000_000;

const SIGNATURE = /^v2=([0-9a-f]{64})$/;
const NONCE = /^[A-Za-z0-9_-]{22,64}$/;

/** The viewer as it travels in `x-agora-viewer`: compact JSON, `{kind}` or `{kind, network}`. */
export function encodeViewer(viewer: Viewer): string {
  return JSON.stringify(viewer.kind === "network" ? { kind: "network", network: viewer.network } : { kind: viewer.kind });
}

/** Parses `x-agora-viewer`; null when it is not exactly a viewer the hub produces. */
export function decodeViewer(value: string): Viewer | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const { kind, network, ...rest } = parsed as { kind?: unknown; network?: unknown };
  if (Object.keys(rest).length > 0) return null;
  if ((kind === "anonymous" || kind === "operator") && network === undefined) return { kind };
  if (kind === "network" && typeof network === "string" && NETWORK_SLUG_PATTERN.test(network)) return { kind, network };
  return null;
}

function signaturePayload(timestamp: string, nonce: string, viewer: string, requestId: string, body: string | Uint8Array): string {
  const bodyHash = createHash("sha256").update(body).digest("hex");
  return `v2\n${timestamp}\n${nonce}\n${viewer}\n${requestId}\n${bodyHash}`;
}

function hmac(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("hex");
}

/**
 * The signature headers (timestamp, a fresh nonce, signature) for one request to a core subgraph. `viewer` is
 * the encoded viewer and `body` the exact bytes that will be sent (query, variables and operation name, as JSON).
 * Sign each request anew: a subgraph accepts a signature once.
 */
export function signRequest(options: { secret: string; viewer: string; requestId: string; body: string | Uint8Array; now?: number }): Record<string, string> {
  const timestamp = String(options.now ?? Date.now());
  const nonce = randomBytes(16).toString("base64url");
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: `v2=${hmac(options.secret, signaturePayload(timestamp, nonce, options.viewer, options.requestId, options.body))}`,
  };
}

/** Why a request's signature was refused (for the subgraph's log; the client only hears "come through the gateway"). */
export type SignatureFailure = "missing" | "malformed" | "expired" | "invalid" | "replayed" | "too many";

/** The nonces one subgraph has accepted, each remembered until its signature expires. */
export interface ReplayGuard {
  /** Records `nonce` (valid until `expiresAt`), unless it was seen before or the guard is full. */
  accept: (nonce: string, expiresAt: number, now: number) => "accepted" | "replayed" | "too many";
  /** Nonces remembered now. */
  readonly size: number;
}

/** A replay guard whose memory is bounded by the signature window: expired nonces are dropped as new ones arrive. */
export function createReplayGuard(options: { maxEntries?: number } = {}): ReplayGuard {
  const maxEntries = options.maxEntries ?? MAX_REMEMBERED_NONCES;
  // Insertion order is nearly expiry order (timestamps differ by clock skew at most), so pruning from the front suffices.
  const seen = new Map<string, number>();
  const prune = (now: number) => {
    for (const [nonce, expiresAt] of seen) {
      if (expiresAt > now) break;
      seen.delete(nonce);
    }
  };
  return {
    accept: (nonce, expiresAt, now) => {
      prune(now);
      const known = seen.get(nonce);
      if (known !== undefined && known > now) return "replayed";
      if (seen.size >= maxEntries) {
        // A full sweep before refusing, in case skewed entries at the front hid expired ones behind them.
        for (const [key, at] of seen) if (at <= now) seen.delete(key);
        if (seen.size >= maxEntries) return "too many";
      }
      seen.set(nonce, expiresAt);
      return "accepted";
    },
    get size() {
      return seen.size;
    },
  };
}

/**
 * Checks the signature headers of a request against its raw body and, last, that its nonce is new to
 * `replays`; the verified viewer, or why not. `header` reads one request header (undefined when absent).
 */
export function verifyRequest(options: {
  secret: string;
  header: (name: string) => string | undefined;
  body: string | Uint8Array;
  replays: ReplayGuard;
  now?: number;
}): { ok: true; viewer: Viewer } | { ok: false; reason: SignatureFailure } {
  const { header } = options;
  const now = options.now ?? Date.now();
  const viewerHeader = header(SIGNATURE_HEADERS.viewer);
  const timestamp = header(SIGNATURE_HEADERS.timestamp);
  const nonce = header(SIGNATURE_HEADERS.nonce);
  const signature = header(SIGNATURE_HEADERS.signature);
  if (viewerHeader === undefined || timestamp === undefined || nonce === undefined || signature === undefined) return { ok: false, reason: "missing" };
  const presented = SIGNATURE.exec(signature)?.[1];
  if (!presented || !/^\d{1,15}$/.test(timestamp) || !NONCE.test(nonce)) return { ok: false, reason: "malformed" };
  const signedAt = Number(timestamp);
  if (now - signedAt > MAX_SIGNATURE_AGE_MS || signedAt - now > MAX_CLOCK_SKEW_MS) return { ok: false, reason: "expired" };
  const expected = hmac(options.secret, signaturePayload(timestamp, nonce, viewerHeader, header(SIGNATURE_HEADERS.requestId) ?? "", options.body));
  if (!timingSafeEqual(Buffer.from(presented, "hex"), Buffer.from(expected, "hex"))) return { ok: false, reason: "invalid" };
  const viewer = decodeViewer(viewerHeader);
  if (!viewer) return { ok: false, reason: "malformed" };
  // Only a genuine signature is remembered, so forged requests cannot fill the guard.
  const fresh = options.replays.accept(nonce, signedAt + MAX_SIGNATURE_AGE_MS, now);
  return fresh === "accepted" ? { ok: true, viewer } : { ok: false, reason: fresh };
}
