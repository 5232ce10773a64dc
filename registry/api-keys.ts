import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const KEY_PATTERN = /^agora_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** A freshly generated key: the full key (shown once) and what is stored. */
export interface GeneratedKey {
  key: string;
  keyId: string;
  secretHash: string;
}

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * Generates a network API key `agora_<keyId>_<secret>` with 256 random bits of secret. A plain
 * SHA-256 of the secret is enough to store: the secret is random, so there is nothing to brute-force.
 */
export function generateApiKey(): GeneratedKey {
  const keyId = randomBytes(9)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")
    .slice(0, 12);
  const secret = randomBytes(32).toString("base64url");
  return { key: `agora_${keyId}_${secret}`, keyId, secretHash: hashSecret(secret) };
}

/** Splits a presented key into its id and secret, or null when it is not shaped like a hub key. */
export function parseApiKey(key: string): { keyId: string; secret: string } | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { keyId: match[1], secret: match[2] } : null;
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, secretHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(secretHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Compares two tokens in constant time (for the operator's admin token). */
export function tokensMatch(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
