import { canonicalLanguageTag, NETWORK_SLUG_PATTERN } from "@agora-hub/runtime";

/** The lists a partner can embed, by their collection path (the hub's list and detail pages use the same). */
export const EMBED_COLLECTIONS = ["people", "organisations", "opportunities", "events"] as const;
export type EmbedCollection = (typeof EMBED_COLLECTIONS)[number];

/** Each collection's search hit type, whose interface strings name it (`typeOPPORTUNITY`: "Open calls"). */
export const COLLECTION_HIT_TYPES = { people: "PERSON", organisations: "ORGANISATION", opportunities: "OPPORTUNITY", events: "EVENT" } as const;

/** The criteria of an embedded list; each one is a variable of the same name in the list's operation. */
export interface EmbedCriteria {
  network?: string;
  discipline?: string;
  country?: string;
  language?: string;
  /** The opportunity type, organisation kind or event format. */
  type?: string;
  /** Opportunities only: their status, OPEN by default. */
  status?: string;
  /** Events only: true (the default) for those not over yet, false for past ones. */
  upcoming?: boolean;
  limit: number;
}

/** The colours an iframe's address may set (hex), as the custom properties they fill. */
export const COLOUR_PARAMETERS = { accent: "--agora-accent", text: "--agora-text", background: "--agora-background" } as const;
export type ColourParameter = keyof typeof COLOUR_PARAMETERS;

/** One embed request, validated. */
export interface EmbedRequest {
  collection: EmbedCollection;
  criteria: EmbedCriteria;
  /** The interface language asked for (`lang`), if any; the visitor's Accept-Language otherwise. */
  lang?: string;
  /** `html`: a document for an iframe; `json`: the list for the web component. */
  format: "html" | "json";
  colours: Partial<Record<ColourParameter, string>>;
}

/** A bad query-string parameter; the message names it. */
export class EmbedParameterError extends Error {
  constructor(
    readonly parameter: string,
    problem: string,
  ) {
    super(`parameter ${parameter}: ${problem}`);
  }
}

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 20;
const MAX_VALUE_LENGTH = 100;
const HEX_COLOUR = /^#?([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
/** Vocabulary values (disciplines, countries, types, statuses) are SCREAMING_SNAKE; the graph says which exist. */
const VOCABULARY_VALUE = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The parameters only some collections take. */
const COLLECTION_PARAMETERS: Record<EmbedCollection, readonly string[]> = {
  people: [],
  organisations: ["type"],
  opportunities: ["type", "status"],
  events: ["type", "upcoming"],
};
const COMMON_PARAMETERS = ["network", "discipline", "country", "language", "limit", "lang", "format", ...Object.keys(COLOUR_PARAMETERS)];

/** Whether `value` names an embeddable collection. */
export function isEmbedCollection(value: string): value is EmbedCollection {
  return (EMBED_COLLECTIONS as readonly string[]).includes(value);
}

/**
 * Reads an embed's query string. Shapes are checked here (slugs, numbers, booleans, colours); whether a
 * discipline, country, language or type exists is the graph's to say (its refusal names the variable,
 * which is the parameter). Unknown parameters, repeated ones and ones the collection does not take are refused.
 */
export function parseEmbedRequest(collection: EmbedCollection, query: Record<string, unknown>): EmbedRequest {
  const allowed = new Set([...COMMON_PARAMETERS, ...COLLECTION_PARAMETERS[collection]]);
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.has(name)) {
      const elsewhere = Object.values(COLLECTION_PARAMETERS).some((names) => names.includes(name));
      throw new EmbedParameterError(name.slice(0, 40), elsewhere ? `does not apply to ${collection}` : "unknown parameter");
    }
    if (typeof value !== "string") throw new EmbedParameterError(name, "give it once, as one value");
    if (value.length > MAX_VALUE_LENGTH) throw new EmbedParameterError(name, `longer than ${MAX_VALUE_LENGTH} characters`);
    // An empty value (a form's blank field) means "not given".
    if (value.trim() !== "") values.set(name, value.trim());
  }
  const vocabulary = (name: string) => {
    const value = values.get(name);
    if (value === undefined) return undefined;
    if (!VOCABULARY_VALUE.test(value)) throw new EmbedParameterError(name, `${JSON.stringify(value)} is not a vocabulary value such as FINE_ARTS`);
    return value.toUpperCase();
  };

  const criteria: EmbedCriteria = { limit: DEFAULT_LIMIT };
  const network = values.get("network");
  if (network !== undefined) {
    if (!NETWORK_SLUG_PATTERN.test(network)) throw new EmbedParameterError("network", `${JSON.stringify(network)} is not a network slug such as culture-agora`);
    criteria.network = network;
  }
  criteria.discipline = vocabulary("discipline");
  criteria.country = vocabulary("country");
  criteria.type = vocabulary("type");
  const language = values.get("language");
  if (language !== undefined) {
    criteria.language = canonicalLanguageTag(language) ?? undefined;
    if (!criteria.language) throw new EmbedParameterError("language", `${JSON.stringify(language)} is not a known language tag such as fr or pt-BR`);
  }
  if (collection === "opportunities") criteria.status = vocabulary("status") ?? "OPEN";
  if (collection === "events") {
    const upcoming = values.get("upcoming") ?? "true";
    if (upcoming !== "true" && upcoming !== "false") throw new EmbedParameterError("upcoming", "must be true or false");
    criteria.upcoming = upcoming === "true";
  }
  const limit = values.get("limit");
  if (limit !== undefined) {
    criteria.limit = /^\d{1,2}$/.test(limit) ? Number(limit) : Number.NaN;
    if (!(criteria.limit >= 1 && criteria.limit <= MAX_LIMIT)) throw new EmbedParameterError("limit", `must be a whole number from 1 to ${MAX_LIMIT}`);
  }

  const lang = values.get("lang");
  if (lang !== undefined && !canonicalLanguageTag(lang)) throw new EmbedParameterError("lang", `${JSON.stringify(lang)} is not a language tag such as fr`);
  const format = values.get("format") ?? "html";
  if (format !== "html" && format !== "json") throw new EmbedParameterError("format", "must be html or json");
  const colours: EmbedRequest["colours"] = {};
  for (const name of Object.keys(COLOUR_PARAMETERS) as ColourParameter[]) {
    const value = values.get(name);
    if (value === undefined) continue;
    if (!HEX_COLOUR.test(value)) throw new EmbedParameterError(name, "must be a hex colour such as #b00000 (write # as %23, or leave it out)");
    colours[name] = `#${value.replace(/^#/, "").toLowerCase()}`;
  }
  return { collection, criteria, lang, format, colours };
}

/** The list's own parameters for `request` (defaults left out, `lang` set): an iframe's query, the web component's attributes. */
export function embedParameters({ collection, criteria }: Pick<EmbedRequest, "collection" | "criteria">, lang: string): Array<[string, string]> {
  const parameters: Array<[string, string]> = [];
  for (const name of ["network", "discipline", "country", "language", "type"] as const) {
    const value = criteria[name];
    if (value !== undefined) parameters.push([name, value]);
  }
  if (collection === "opportunities" && criteria.status !== "OPEN") parameters.push(["status", String(criteria.status)]);
  if (collection === "events" && criteria.upcoming === false) parameters.push(["upcoming", "false"]);
  parameters.push(["limit", String(criteria.limit)], ["lang", lang]);
  return parameters;
}

/**
 * The hub's list page for the same criteria (`/opportunities?network=…&discipline=…`), in `lang`: the
 * embed's "see all" link and the web component's light-DOM fallback.
 */
export function hubListUrl(hubUrl: string, collection: EmbedCollection, criteria: EmbedCriteria, lang: string): string {
  const url = new URL(`/${collection}`, hubUrl);
  for (const name of ["network", "discipline", "country", "language", "type", "status"] as const) {
    const value = criteria[name];
    if (value !== undefined) url.searchParams.set(name, value);
  }
  url.searchParams.set("lang", lang);
  return url.toString();
}
