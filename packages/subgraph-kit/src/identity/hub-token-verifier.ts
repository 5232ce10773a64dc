import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, jwtVerify, type JWTVerifyGetKey } from "jose";
import { bodyHash, DEFAULT_HUB_TOKEN_ISSUER, HUB_TOKEN_ALGORITHMS, HUB_TOKEN_TTL_S, type Viewer, viewerFromClaims } from "@agora-hub/runtime";
import { createReplayGuard, type ReplayGuard } from "./replay-guard";

/** How far the hub's clock and a subgraph's may disagree before a token counts as stale or not yet valid. */
export const HUB_TOKEN_CLOCK_TOLERANCE_S = 5;

/** Where a subgraph finds the hub's public keys: its JWKS URL (AGORA_JWKS_URL), or the key set itself (one process). */
export type HubKeySource = { jwksUrl: string } | { jwks: JSONWebKeySet };

/** Why a request's token was refused; sent to the caller as `extensions.reason` beside UNAUTHENTICATED. */
export type TokenRefusal =
  | "missing"
  | "malformed"
  | "unknown-key"
  | "bad-signature"
  | "wrong-issuer"
  | "wrong-audience"
  | "expired"
  | "body-mismatch"
  | "replayed"
  | "too-many"
  /** The JWKS could not be fetched: not the caller's fault (answered 503). */
  | "keys-unavailable";

/** What checking one request's token found. */
export type TokenCheck = { ok: true; viewer: Viewer } | { ok: false; reason: TokenRefusal };

/** Checks the hub's tokens for one subgraph. */
export interface HubTokenVerifier {
  /** Checks `Authorization` (the whole header) against the request's raw body, and that the token is new. */
  verify: (authorization: string | undefined, body: string | Uint8Array, now?: number) => Promise<TokenCheck>;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/** jose's error codes, by what they mean for the caller. */
function refusalOf(error: unknown): TokenRefusal {
  const { code, claim } = (error ?? {}) as { code?: string; claim?: string };
  switch (code) {
    case "ERR_JWT_EXPIRED":
      return "expired";
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      if (claim === "aud") return "wrong-audience";
      if (claim === "iss") return "wrong-issuer";
      // iat too old (maxTokenAge) or in the future, nbf not yet reached.
      if (claim === "iat" || claim === "nbf") return "expired";
      return "malformed";
    case "ERR_JWKS_NO_MATCHING_KEY":
      return "unknown-key";
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return "bad-signature";
    case "ERR_JWKS_TIMEOUT":
    case "ERR_JWKS_INVALID":
      return "keys-unavailable";
    case undefined:
      // A fetch of the remote JWKS that failed (connection refused, DNS) carries no jose code.
      return "keys-unavailable";
    default:
      return "malformed";
  }
}

/**
 * A verifier of the hub's tokens for the subgraph the hub calls `audience`: signature by a key of `keys`
 * (EdDSA or ES256 only), issuer, audience, `exp` and an age of at most the token lifetime (with a few
 * seconds of clock tolerance), `bh` equal to the body's hash, a viewer the hub produces, and last a `jti`
 * not seen before (only a genuine token is remembered, so forged ones cannot fill the replay guard).
 */
export function createHubTokenVerifier(options: { keys: HubKeySource; audience: string; issuer?: string; replays?: ReplayGuard }): HubTokenVerifier {
  const keys: JWTVerifyGetKey =
    "jwksUrl" in options.keys
      ? // A new kid (rotation, or a development hub restarted with a fresh key) is fetched at most every 5 s.
        createRemoteJWKSet(new URL(options.keys.jwksUrl), { cooldownDuration: 5_000 })
      : createLocalJWKSet(options.keys.jwks);
  const issuer = options.issuer ?? DEFAULT_HUB_TOKEN_ISSUER;
  const replays = options.replays ?? createReplayGuard();
  return {
    verify: async (authorization, body, now = Date.now()) => {
      if (!authorization) return { ok: false, reason: "missing" };
      const token = BEARER.exec(authorization)?.[1];
      if (!token) return { ok: false, reason: "malformed" };
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: [...HUB_TOKEN_ALGORITHMS],
          issuer,
          audience: options.audience,
          clockTolerance: HUB_TOKEN_CLOCK_TOLERANCE_S,
          maxTokenAge: HUB_TOKEN_TTL_S,
          requiredClaims: ["iss", "aud", "exp", "iat", "jti", "bh", "role"],
          currentDate: new Date(now),
        }));
      } catch (error) {
        return { ok: false, reason: refusalOf(error) };
      }
      if (payload.bh !== bodyHash(body)) return { ok: false, reason: "body-mismatch" };
      const viewer = viewerFromClaims(payload);
      if (!viewer || typeof payload.jti !== "string" || payload.jti.length > 128) return { ok: false, reason: "malformed" };
      const fresh = replays.accept(payload.jti, ((payload.exp as number) + HUB_TOKEN_CLOCK_TOLERANCE_S) * 1000, now);
      if (fresh === "accepted") return { ok: true, viewer };
      return { ok: false, reason: fresh === "replayed" ? "replayed" : "too-many" };
    },
  };
}
