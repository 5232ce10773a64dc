import type { ChangeDocument } from "@agora-hub/subgraph-kit";

/*
 * Saved searches and records meet as terms, "dimension:value" strings ("countries:TN", "word:residency"). A record's
 * change carries its terms (the change feed's document, already expanded: a practice's domain, a language's base);
 * a saved search's criteria become clauses, each a set of terms of which the record must hold at least one
 * (values within one criterion are alternatives, criteria all hold, every word of the query must appear). The
 * search is filed under the terms of its most selective clause — its anchors — so a change finds its candidates by
 * looking up its own terms, whatever the number of saved searches.
 */

/** The record types a saved search may follow: the search's `SearchHitType`s and the GraphQL types they stand for. */
export const ALERT_RECORD_TYPES = {
  PERSON: "Person",
  ORGANISATION: "Organisation",
  OPPORTUNITY: "Opportunity",
  EVENT: "Event",
  RESOURCE: "Resource",
} as const;

export type AlertRecordTypeKey = keyof typeof ALERT_RECORD_TYPES;

/** The anchor of a search with no criterion but its types: every change of those types is a candidate. */
export const ANY_TERM = "*";

/** Most distinct words of a record's text that take part in matching. */
const MAX_RECORD_WORDS = 5000;

/** Words shorter than this are ignored on both sides (articles, particles). */
const MIN_WORD_LENGTH = 2;

/** A saved search's criteria as stored (the GraphQL input, normalised). */
export interface SavedSearchCriteriaData {
  types: AlertRecordTypeKey[];
  query?: string | null;
  disciplines?: string[] | null;
  countries?: string[] | null;
  languages?: string[] | null;
  networks?: string[] | null;
  opportunityTypes?: string[] | null;
  eligibleFor?: string | null;
  eventFormats?: string[] | null;
  organisationKinds?: string[] | null;
  resourceKinds?: string[] | null;
}

/** The list criteria that become one clause each, most selective first: the first present one anchors the search (after the words). */
const LIST_CRITERIA = [
  "countries",
  "disciplines",
  "opportunityTypes",
  "eventFormats",
  "organisationKinds",
  "resourceKinds",
  "languages",
  "networks",
] as const satisfies ReadonlyArray<keyof SavedSearchCriteriaData>;

/** The words of a text as matching sees them: lower case, accents dropped, split on anything not a letter or digit, at least two characters. */
export function normalisedWords(text: string): string[] {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= MIN_WORD_LENGTH);
  return [...new Set(words)];
}

const term = (dimension: string, value: string) => `${dimension}:${value}`;

/** The clauses of a saved search (each a non-empty set of terms) and the terms it is anchored under. */
export interface SearchClauses {
  clauses: string[][];
  anchors: string[];
}

/** Turns criteria into clauses and anchors: a word of the query (its longest) anchors first, then the first list criterion given, else `ANY_TERM`. */
export function searchClauses(criteria: SavedSearchCriteriaData): SearchClauses {
  const wordClauses = normalisedWords(criteria.query ?? "")
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((word) => [term("word", word)]);
  const listClauses: string[][] = [];
  for (const name of LIST_CRITERIA) {
    const values = criteria[name];
    if (values?.length) listClauses.push([...new Set(values)].map((value) => term(name, value)));
  }
  // Open to applicants from a country: the record lists it, or is open worldwide ("*").
  const eligibility = criteria.eligibleFor ? [[term("eligibleFor", criteria.eligibleFor), term("eligibleFor", ANY_TERM)]] : [];
  const clauses = [...wordClauses, ...listClauses, ...eligibility];
  return { clauses, anchors: clauses[0] ?? [ANY_TERM] };
}

/** The terms of a changed record: its document's terms, the words of its text, and `ANY_TERM`. */
export function documentTerms(document: ChangeDocument): string[] {
  const terms = new Set<string>([ANY_TERM]);
  for (const [dimension, values] of Object.entries(document.terms)) for (const value of values ?? []) terms.add(term(dimension, value));
  for (const word of normalisedWords(document.text).slice(0, MAX_RECORD_WORDS)) terms.add(term("word", word));
  return [...terms];
}
