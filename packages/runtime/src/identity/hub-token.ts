import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, randomUUID } from "node:crypto";
import { SignJWT, type JWK } from "jose";
import { z } from "zod";
import { NETWORK_SLUG_PATTERN } from "../networks";
import type { Viewer } from "./viewer";

/**
 * The hub's token: the gateway (and a core subgraph calling a peer) sends every subgraph request with
 * `Authorization: Bearer <JWT>`, signed with the hub's private key (EdDSA/Ed25519 or ES256) and verifiable
 * with its public keys at `/.well-known/jwks.json`. Claims: `iss` (the hub), `aud` (the subgraph's name),
 * `role` (anonymous, network, operator) and `network` (a network viewer's slug) — nothing personal —, `bh`
 * (base64url SHA-256 of the exact request body), a unique `jti`, `iat` and `exp` (`HUB_TOKEN_TTL_S` later).
 * So a captured token is worthless for another subgraph, another body, a second time or after a few seconds.
 */

/** `iss` of the hub's tokens unless AGORA_TOKEN_ISSUER says otherwise. */
export const DEFAULT_HUB_TOKEN_ISSUER = "agora-hub";
/** Lifetime of a token: long enough for one subgraph call on a busy host, short enough that replays soon fail. */
export const HUB_TOKEN_TTL_S = 30;
/** The signature algorithms the hub signs and its subgraphs accept. */
export const HUB_TOKEN_ALGORITHMS = ["EdDSA", "ES256"] as const;
/** Keys published at once: the one signing now and, during a rotation, the previous one. */
export const MAX_HUB_KEYS = 2;

/** The claims of a hub token besides the registered ones (iss, aud, jti, iat, exp). */
export interface HubTokenViewerClaims {
  role: Viewer["kind"];
  /** A network viewer's slug. */
  network?: string;
  /** A network viewer: true when the operator trusts the network (its records publish without review). */
  trusted?: boolean;
  /** A moderator viewer's handle, as the registry knows it. */
  moderator?: string;
}

/** A public key as published in the hub's JWKS. */
export type PublicJwk = JWK & { kid: string; alg: (typeof HUB_TOKEN_ALGORITHMS)[number]; use: "sig" };

/** The hub's public key set, as served at `/.well-known/jwks.json`. */
export interface PublicJwks {
  keys: PublicJwk[];
}

/** `bh` of a body: base64url (no padding) of its SHA-256. */
export function bodyHash(body: string | Uint8Array): string {
  return createHash("sha256").update(body).digest("base64url");
}

/** The viewer as the token carries it: its role, and its network's slug for a network. */
export function viewerClaims(viewer: Viewer): HubTokenViewerClaims {
  if (viewer.kind === "network") return { role: "network", network: viewer.network, ...(viewer.trusted ? { trusted: true } : {}) };
  if (viewer.kind === "moderator") return { role: "moderator", moderator: viewer.moderator };
  return { role: viewer.kind };
}

/** The viewer a verified token names; null when its role and network are not exactly a viewer the hub produces. */
export function viewerFromClaims(claims: { role?: unknown; network?: unknown; trusted?: unknown; moderator?: unknown }): Viewer | null {
  const { role, network, trusted, moderator } = claims;
  if (role !== "network" && (network !== undefined || trusted !== undefined)) return null;
  if (role !== "moderator" && moderator !== undefined) return null;
  if (role === "anonymous" || role === "operator") return { kind: role };
  if (role === "network" && typeof network === "string" && NETWORK_SLUG_PATTERN.test(network) && (trusted === undefined || trusted === true)) {
    return trusted ? { kind: "network", network, trusted: true } : { kind: "network", network };
  }
  if (role === "moderator" && typeof moderator === "string" && NETWORK_SLUG_PATTERN.test(moderator)) return { kind: "moderator", moderator };
  return null;
}

/** Signs the hub's tokens and knows the public keys they verify with. */
export interface HubTokenSigner {
  /** `iss` of every token. */
  readonly issuer: string;
  /** kid of the key signing now. */
  readonly signingKid: string;
  /** Every key's public half (the signing one first), to publish or to verify with in the same process. */
  readonly jwks: PublicJwks;
  /**
   * A token for one request to the subgraph `audience`, made for `body` exactly as it will be sent; `client`
   * (claim `cl`) is the gateway's pseudonym of the client's address, for limits per client such as on reports.
   */
  sign: (request: { audience: string; viewer: Viewer; body: string | Uint8Array; client?: string; now?: number }) => Promise<string>;
}

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, "must be base64url");
const jwkShape = z
  .object({
    kid: z.string().min(1, "must not be empty").max(128, "must be at most 128 characters"),
    kty: z.enum(["OKP", "EC"], { message: "must be OKP (Ed25519) or EC (P-256)" }),
    crv: z.string(),
    alg: z.enum(HUB_TOKEN_ALGORITHMS, { message: `must be ${HUB_TOKEN_ALGORITHMS.join(" or ")}` }).optional(),
    x: base64url,
    y: base64url.optional(),
    d: base64url.optional(),
  })
  .passthrough()
  .superRefine((jwk, context) => {
    const expected = jwk.kty === "OKP" ? { crv: "Ed25519", alg: "EdDSA" } : { crv: "P-256", alg: "ES256" };
    if (jwk.crv !== expected.crv) context.addIssue({ code: "custom", path: ["crv"], message: `must be ${expected.crv} for kty ${jwk.kty}` });
    if (jwk.alg && jwk.alg !== expected.alg) context.addIssue({ code: "custom", path: ["alg"], message: `must be ${expected.alg} for kty ${jwk.kty}` });
    if (jwk.kty === "EC" && !jwk.y) context.addIssue({ code: "custom", path: ["y"], message: "is required for an EC key" });
  });
const keySetShape = z.object({
  keys: z
    .array(jwkShape)
    .min(1, "must hold at least the signing key")
    .max(MAX_HUB_KEYS, `must hold at most ${MAX_HUB_KEYS} keys: the signing key and, during a rotation, the previous one`)
    .refine((keys) => Boolean(keys[0]?.d), { message: "the first key signs, so it must be a private key (with d)", path: [0, "d"] })
    .refine((keys) => new Set(keys.map((key) => key.kid)).size === keys.length, { message: "every kid must be unique" }),
});

/** A private key set: what AGORA_SIGNING_KEYS holds (a JWKS; the first key signs, a previous one may be public only). */
export type SigningKeySet = z.input<typeof keySetShape>;

function invalid(variable: string, problems: string[]): Error {
  return new Error(`Invalid configuration:\n${problems.map((problem) => `  ${variable}${problem}`).join("\n")}`);
}

/**
 * The signer of a key set given as AGORA_SIGNING_KEYS (JSON) or as an object; a bad set stops the process
 * with a message naming the variable and each problem.
 */
export function createHubTokenSigner(options: { keys: string | SigningKeySet; issuer?: string; variable?: string }): HubTokenSigner {
  const variable = options.variable ?? "AGORA_SIGNING_KEYS";
  let raw: unknown = options.keys;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw invalid(variable, [': must be a JSON Web Key Set, {"keys": [...]} (see README, "Keys and rotation")']);
    }
  }
  const parsed = keySetShape.safeParse(raw);
  if (!parsed.success)
    throw invalid(
      variable,
      parsed.error.issues.map(
        (issue) => `${issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("")}: ${issue.message}`,
      ),
    );
  const keys = parsed.data.keys.map((jwk, index) => {
    const alg = jwk.kty === "OKP" ? "EdDSA" : "ES256";
    const material = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, ...(jwk.y ? { y: jwk.y } : {}) };
    let privateKey: KeyObject | undefined;
    let publicKey: KeyObject;
    try {
      privateKey = jwk.d ? createPrivateKey({ key: { ...material, d: jwk.d }, format: "jwk" }) : undefined;
      publicKey = createPublicKey(privateKey ?? { key: material, format: "jwk" });
    } catch (error) {
      throw invalid(variable, [`.keys[${index}] (kid ${jwk.kid}): not a usable key: ${error instanceof Error ? error.message : String(error)}`]);
    }
    // The published half is rebuilt from the key itself, so a private part can never leak into the JWKS.
    const exported = publicKey.export({ format: "jwk" }) as JWK;
    if (privateKey && (exported.x !== jwk.x || exported.y !== jwk.y)) throw invalid(variable, [`.keys[${index}] (kid ${jwk.kid}): x/y do not match d`]);
    const published: PublicJwk = { ...exported, kid: jwk.kid, alg, use: "sig" };
    return { kid: jwk.kid, alg, privateKey, published };
  });
  const signing = keys[0];
  const signingKey = signing.privateKey as KeyObject;
  const issuer = options.issuer ?? DEFAULT_HUB_TOKEN_ISSUER;
  return {
    issuer,
    signingKid: signing.kid,
    jwks: { keys: keys.map((key) => key.published) },
    sign: ({ audience, viewer, body, client, now }) => {
      const issuedAt = Math.floor((now ?? Date.now()) / 1000);
      return new SignJWT({ ...viewerClaims(viewer), ...(client ? { cl: client } : {}), bh: bodyHash(body) })
        .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: "JWT" })
        .setIssuer(issuer)
        .setAudience(audience)
        .setJti(randomUUID())
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + HUB_TOKEN_TTL_S)
        .sign(signingKey);
    },
  };
}

/** A new Ed25519 private key as a JWK; its kid tells when it was made, which helps during rotations. */
export function generateSigningKey(now: Date = new Date()): SigningKeySet["keys"][number] {
  const { privateKey } = generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" }) as { kty: "OKP"; crv: string; x: string; d: string };
  return { ...jwk, kid: `${now.toISOString().slice(0, 10)}-${randomBytes(6).toString("base64url")}`, alg: "EdDSA", use: "sig" };
}

/**
 * A key set for a rotation: a new signing key first, then the current signing key's public half, which keeps
 * verifying tokens already sent and caches not yet refreshed (any older key is dropped). Without `current`, a first set.
 */
export function rotateSigningKeys(current?: SigningKeySet): SigningKeySet {
  const previous = current?.keys.slice(0, MAX_HUB_KEYS - 1).map(({ d: _private, ...publicHalf }) => publicHalf) ?? [];
  return { keys: [generateSigningKey(), ...previous] };
}
