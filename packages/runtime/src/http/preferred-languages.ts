import { canonicalLanguageTag } from "../vocabularies";

/** Header the gateway sends core subgraphs: the client's preferred languages, best first, comma-separated. */
export const LANGUAGES_HEADER = "x-agora-languages";

/** At most this many preferred languages are kept; more add nothing but cost. */
export const MAX_PREFERRED_LANGUAGES = 10;

/** Longest header value read; anything past it is ignored rather than parsed. */
const MAX_HEADER_LENGTH = 1000;

/**
 * Canonical, de-duplicated language tags in the given order: tags that are malformed or outside the hub's
 * vocabulary (and the `*` wildcard) are dropped, and the list is cut at `MAX_PREFERRED_LANGUAGES`.
 */
export function preferredLanguages(tags: Iterable<string>): string[] {
  const kept: string[] = [];
  for (const tag of tags) {
    const canonical = tag === "*" ? null : canonicalLanguageTag(tag.trim());
    if (canonical !== null && !kept.includes(canonical)) kept.push(canonical);
    if (kept.length === MAX_PREFERRED_LANGUAGES) break;
  }
  return kept;
}

/** Reads the `x-agora-languages` header sent by the gateway; a missing or garbled header means no preference. */
export function readLanguagesHeader(value: string | undefined): string[] {
  if (!value) return [];
  return preferredLanguages(
    value
      .slice(0, MAX_HEADER_LENGTH)
      .split(",")
      .slice(0, MAX_PREFERRED_LANGUAGES * 2),
  );
}
