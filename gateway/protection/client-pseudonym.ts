import { createHmac } from "node:crypto";

/** Length of a pseudonym: 22 base64url characters (132 bits), within the 16–64 the subgraphs accept in `cl`. */
const PSEUDONYM_LENGTH = 22;

/** The client's pseudonym for a request: its address keyed with the hub's secret and the day, or undefined without an address. */
export type ClientPseudonyms = (address: string | undefined, now?: number) => string | undefined;

/**
 * Pseudonyms of clients' addresses for limits per client in core subgraphs (reports): a keyed HMAC of the UTC day
 * and the address, so subgraphs can count one client's requests without ever holding its address, and a
 * pseudonym links a client's requests for one day only. The key is derived from `secret` (the hub's signing key
 * set), which every replica shares, so replicas give one client the same pseudonym.
 */
export function createClientPseudonyms(secret: string): ClientPseudonyms {
  const key = createHmac("sha256", "agora-hub client pseudonym v1").update(secret).digest();
  return (address, now = Date.now()) => {
    if (!address) return undefined;
    const day = new Date(now).toISOString().slice(0, 10);
    return createHmac("sha256", key).update(`${day}\n${address}`).digest("base64url").slice(0, PSEUDONYM_LENGTH);
  };
}
