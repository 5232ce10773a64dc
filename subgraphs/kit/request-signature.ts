import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { NETWORK_SLUG_PATTERN } from "./network-record";
import type { Viewer } from "./subgraph";

/**
 * Headers by which the gateway tells a core subgraph who is asking. The signature is an HMAC-SHA256, keyed
 * with AGORA_SUBGRAPH_SECRET, over the timestamp, the viewer, the request id and a hash of the exact body,
 * so a captured signature is worthless for another query, another viewer, or after `MAX_SIGNATURE_AGE_MS`.
 */
export const SIGNATURE_HEADERS = {
  viewer: "x-agora-viewer",
  timestamp: "x-agora-timestamp",
  signature: "x-agora-signature",
  /** Always sent by the gateway: a subgraph gives a request without one a fresh id, which then fails the check. */
  requestId: "x-request-id",
} as const;

/** How far a signature's timestamp may lie from the subgraph's clock, either way. */
export const MAX_SIGNATURE_AGE_MS = 60_000;

const SIGNATURE = /^v1=([0-9a-f]{64})$/;

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

function signaturePayload(timestamp: string, viewer: string, requestId: string, body: string | Uint8Array): string {
  const bodyHash = createHash("sha256").update(body).digest("hex");
  return `v1\n${timestamp}\n${viewer}\n${requestId}\n${bodyHash}`;
}

function hmac(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("hex");
}

/**
 * The signature headers for one request to a core subgraph. `viewer` is the encoded viewer and `body` the
 * exact bytes that will be sent (query, variables and operation name, as JSON).
 */
export function signRequest(options: { secret: string; viewer: string; requestId: string; body: string | Uint8Array; now?: number }): Record<string, string> {
  const timestamp = String(options.now ?? Date.now());
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.signature]: `v1=${hmac(options.secret, signaturePayload(timestamp, options.viewer, options.requestId, options.body))}`,
  };
}

/** Why a request's signature was refused (for the subgraph's log; the client only hears "come through the gateway"). */
export type SignatureFailure = "missing" | "malformed" | "expired" | "invalid";

/**
 * Checks the signature headers of a request against its raw body; the verified viewer, or why not.
 * `header` reads one request header (undefined when absent).
 */
export function verifyRequest(options: {
  secret: string;
  header: (name: string) => string | undefined;
  body: string | Uint8Array;
  now?: number;
}): { ok: true; viewer: Viewer } | { ok: false; reason: SignatureFailure } {
  const { header } = options;
  const viewerHeader = header(SIGNATURE_HEADERS.viewer);
  const timestamp = header(SIGNATURE_HEADERS.timestamp);
  const signature = header(SIGNATURE_HEADERS.signature);
  if (viewerHeader === undefined || timestamp === undefined || signature === undefined) return { ok: false, reason: "missing" };
  const presented = SIGNATURE.exec(signature)?.[1];
  if (!presented || !/^\d{1,15}$/.test(timestamp)) return { ok: false, reason: "malformed" };
  if (Math.abs((options.now ?? Date.now()) - Number(timestamp)) > MAX_SIGNATURE_AGE_MS) return { ok: false, reason: "expired" };
  const expected = hmac(options.secret, signaturePayload(timestamp, viewerHeader, header(SIGNATURE_HEADERS.requestId) ?? "", options.body));
  if (!timingSafeEqual(Buffer.from(presented, "hex"), Buffer.from(expected, "hex"))) return { ok: false, reason: "invalid" };
  const viewer = decodeViewer(viewerHeader);
  return viewer ? { ok: true, viewer } : { ok: false, reason: "malformed" };
}
