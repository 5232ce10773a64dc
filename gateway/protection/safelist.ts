import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { sendRefusal } from "./protection-errors";
import { requestParts } from "./request-parts";

/** The registered operations of safelist mode, by the SHA-256 of their document (the APQ hash). */
export type Safelist = ReadonlyMap<string, string>;

/** The APQ hash of a document: hex SHA-256 of its exact text. */
export function documentHash(query: string): string {
  return createHash("sha256").update(query).digest("hex");
}

/**
 * Reads a safelist file: a JSON object `{ "<sha256>": "<document>" }` (as persisted-query manifests
 * have it) or an array of documents. A hash that does not match its document stops the gateway.
 */
export function loadSafelist(file: string): Safelist {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`AGORA_SAFELIST_FILE ${file}: cannot be read as JSON (${(error as Error).message})`, { cause: error });
  }
  const entries: Array<[string | null, unknown]> = Array.isArray(parsed)
    ? parsed.map((query) => [null, query])
    : parsed && typeof parsed === "object"
      ? Object.entries(parsed)
      : [];
  if (entries.length === 0) throw new Error(`AGORA_SAFELIST_FILE ${file}: must be a non-empty object of sha256 → document or array of documents`);
  const safelist = new Map<string, string>();
  for (const [hash, query] of entries) {
    if (typeof query !== "string" || !query.trim()) throw new Error(`AGORA_SAFELIST_FILE ${file}: every operation must be a non-empty string`);
    const actual = documentHash(query);
    if (hash !== null && hash.toLowerCase() !== actual) throw new Error(`AGORA_SAFELIST_FILE ${file}: ${hash} is not the sha256 of its document (${actual})`);
    safelist.set(actual, query);
  }
  return safelist;
}

/** Safelist mode: lets through only registered operations, by persisted-query hash or by exact document. */
export function safelistGuard(safelist: Safelist): RequestHandler {
  return (req, res, next) => {
    const parts = requestParts(req);
    // No operation at all (the landing page, malformed requests): Apollo Server answers those itself.
    if (!parts || (!parts.query && !parts.hash)) {
      next();
      return;
    }
    const hash = parts.hash?.toLowerCase() ?? documentHash(parts.query ?? "");
    if (!safelist.has(hash) || (parts.query !== undefined && parts.query !== safelist.get(hash))) {
      sendRefusal(res, 400, "OPERATION_NOT_IN_SAFELIST", "This gateway runs registered operations only, and this one is not registered.");
      return;
    }
    next();
  };
}

/** Fills in the document of a hash-only request from the safelist, so registered operations need no APQ round trip. */
export function safelistPlugin(safelist: Safelist): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const hash = request.extensions?.persistedQuery?.sha256Hash;
      if (request.query === undefined && typeof hash === "string") request.query = safelist.get(hash.toLowerCase());
    },
  };
}
