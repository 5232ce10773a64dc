import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTHeaderParameters, type JWTVerifyGetKey } from "jose";
import { KeyObject, verify as verifySignature } from "node:crypto";
import { bodyHash, DEFAULT_HUB_TOKEN_ISSUER, HUB_TOKEN_ALGORITHMS, HUB_TOKEN_TTL_S, type Viewer, viewerFromClaims } from "@agora-hub/runtime";
import { createReplayGuard, type ReplayGuard } from "./replay-guard";

const ALGORITHMS: ReadonlySet<string> = new Set(HUB_TOKEN_ALGORITHMS);

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
/** A verified token's viewer and, when the gateway sent one, its pseudonym of the client (`cl`, for limits per client). */
export type TokenCheck = { ok: true; viewer: Viewer; client?: string } | { ok: false; reason: TokenRefusal };

/** What a client pseudonym (`cl`) looks like: base64url, 16 to 64 characters. */
const CLIENT_PSEUDONYM = /^[A-Za-z0-9_-]{16,64}$/;

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

/** A refusal carried as an exception through the checks below, which follow jose's `jwtVerify` in order. */
class Refused extends Error {
  constructor(readonly reason: TokenRefusal) {
    super(reason);
  }
}

/** A base64url segment's JSON, when it is a plain object (as jose requires of a JWS header and a JWT claims set). */
function jsonObjectOf(segment: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

/** The signature check of jose's node runtime for the hub's algorithms, with the key type each needs. */
function signatureIsValid(alg: string, key: unknown, data: Buffer, signature: Buffer): boolean {
  if (!(key instanceof KeyObject) || key.type !== "public") throw new Refused("unknown-key");
  if (alg === "EdDSA") {
    if (key.asymmetricKeyType !== "ed25519" && key.asymmetricKeyType !== "ed448") throw new Refused("unknown-key");
    return verifySignature(undefined, data, key, signature);
  }
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") throw new Refused("unknown-key");
  return verifySignature("sha256", data, { key, dsaEncoding: "ieee-p1363" }, signature);
}

/** Claims jose's `jwtVerify` checks for presence, in its order (required claims reversed, then those its options imply). */
const REQUIRED_CLAIMS = [...new Set([...["iss", "aud", "exp", "iat", "jti", "bh", "role"], "iat", "aud", "iss"].reverse())];

/** What a missing or failed registered claim is refused as (refusalOf's mapping of jose's errors). */
function claimRefusal(claim: string): TokenRefusal {
  if (claim === "aud") return "wrong-audience";
  if (claim === "iss") return "wrong-issuer";
  if (claim === "iat" || claim === "nbf") return "expired";
  return "malformed";
}

/**
 * The claims of a hub token whose signature is valid, checked as `jwtVerify` checks them with the hub's options
 * (issuer, audience, clock tolerance, maxTokenAge = lifetime, required claims), or the refusal.
 */
function checkClaims(payload: Record<string, unknown>, issuer: string, audience: string, nowMs: number): void {
  for (const claim of REQUIRED_CLAIMS) if (!(claim in payload)) throw new Refused(claimRefusal(claim));
  if (payload.iss !== issuer) throw new Refused("wrong-issuer");
  const aud = payload.aud;
  if (!(typeof aud === "string" ? aud === audience : Array.isArray(aud) && aud.includes(audience))) throw new Refused("wrong-audience");
  const now = Math.floor(nowMs / 1000);
  const tolerance = HUB_TOKEN_CLOCK_TOLERANCE_S;
  if (typeof payload.iat !== "number") throw new Refused("expired");
  if (payload.nbf !== undefined && (typeof payload.nbf !== "number" || payload.nbf > now + tolerance)) throw new Refused("expired");
  if (payload.exp !== undefined) {
    if (typeof payload.exp !== "number") throw new Refused("malformed");
    if (payload.exp <= now - tolerance) throw new Refused("expired");
  }
  const age = now - payload.iat;
  if (age - tolerance > HUB_TOKEN_TTL_S || age < -tolerance) throw new Refused("expired");
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
      // jose's `jwtVerify`, step by step, with jose's key sets but a synchronous signature check: its
      // promisified one goes through the thread pool, which costs a subgraph more CPU than the check itself.
      const [encodedHeader, encodedPayload, encodedSignature] = token.split(".");
      let payload: Record<string, unknown>;
      try {
        const header = jsonObjectOf(encodedHeader);
        // No `crit` extension (such as an unencoded payload) is understood, so none is accepted.
        if (!header || header.crit !== undefined || typeof header.alg !== "string" || !ALGORITHMS.has(header.alg)) return { ok: false, reason: "malformed" };
        let key: unknown;
        try {
          key = await keys(header as unknown as JWTHeaderParameters, { payload: encodedPayload, signature: encodedSignature });
        } catch (error) {
          return { ok: false, reason: refusalOf(error) };
        }
        const data = Buffer.from(`${encodedHeader}.${encodedPayload}`);
        let valid: boolean;
        try {
          valid = signatureIsValid(header.alg, key, data, Buffer.from(encodedSignature, "base64url"));
        } catch (error) {
          if (error instanceof Refused) throw error;
          valid = false;
        }
        if (!valid) return { ok: false, reason: "bad-signature" };
        const claims = jsonObjectOf(encodedPayload);
        if (!claims) return { ok: false, reason: "malformed" };
        checkClaims(claims, issuer, options.audience, now);
        payload = claims;
      } catch (error) {
        if (error instanceof Refused) return { ok: false, reason: error.reason };
        throw error;
      }
      if (payload.bh !== bodyHash(body)) return { ok: false, reason: "body-mismatch" };
      const viewer = viewerFromClaims(payload);
      if (!viewer || typeof payload.jti !== "string" || payload.jti.length > 128) return { ok: false, reason: "malformed" };
      const client = payload.cl;
      if (client !== undefined && (typeof client !== "string" || !CLIENT_PSEUDONYM.test(client))) return { ok: false, reason: "malformed" };
      const fresh = replays.accept(payload.jti, ((payload.exp as number) + HUB_TOKEN_CLOCK_TOLERANCE_S) * 1000, now);
      if (fresh === "accepted") return { ok: true, viewer, ...(client ? { client } : {}) };
      return { ok: false, reason: fresh === "replayed" ? "replayed" : "too-many" };
    },
  };
}
