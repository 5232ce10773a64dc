import type { Request } from "express";

/** The parts of a GraphQL HTTP request the protections look at, from a POST body or a GET query string. */
export interface RequestParts {
  query?: string;
  /** `extensions.persistedQuery.sha256Hash`, when the client sent one. */
  hash?: string;
}

function persistedHash(extensions: unknown): string | undefined {
  let value = extensions;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined; // Apollo Server answers the malformed parameter itself
    }
  }
  const hash = (value as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === "string" ? hash : undefined;
}

/** Reads the operation of a single (non-batched) request; null for anything else, which Apollo Server refuses. */
export function requestParts(req: Request): RequestParts | null {
  const source: unknown = req.method === "GET" ? req.query : req.body;
  if (!source || typeof source !== "object" || Array.isArray(source)) return null;
  const { query, extensions } = source as { query?: unknown; extensions?: unknown };
  return { query: typeof query === "string" ? query : undefined, hash: persistedHash(extensions) };
}
