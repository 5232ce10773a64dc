import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { registerEnumType } from "type-graphql";
import { COUNTRIES, CURRENCIES, DISCIPLINES, canonicalLanguageTag } from "@agora-hub/runtime";

/** Builds a string enum object (`{ FR: "FR" }`) from a vocabulary's keys, as type-graphql expects. */
function enumOf<K extends string>(vocabulary: Record<K, unknown>): { [P in K]: P } {
  return Object.fromEntries(Object.keys(vocabulary).map((key) => [key, key])) as { [P in K]: P };
}

export const Discipline = enumOf(DISCIPLINES);
export type Discipline = keyof typeof Discipline;
registerEnumType(Discipline, {
  name: "Discipline",
  description: "Cultural and creative discipline: a UNESCO FCS domain or a practice within it. Filtering by a domain also matches its practices.",
  valuesConfig: Object.fromEntries(
    Object.entries(DISCIPLINES).map(([code, concept]) => [code, { description: concept.domain ? `${concept.label} (in ${concept.domain})` : concept.label }]),
  ),
});

export const CountryCode = enumOf(COUNTRIES);
export type CountryCode = keyof typeof CountryCode;
registerEnumType(CountryCode, {
  name: "CountryCode",
  description: "ISO 3166-1 alpha-2 country code.",
  valuesConfig: Object.fromEntries(Object.entries(COUNTRIES).map(([code, name]) => [code, { description: name }])),
});

export const CurrencyCode = enumOf(CURRENCIES);
export type CurrencyCode = keyof typeof CurrencyCode;
registerEnumType(CurrencyCode, {
  name: "CurrencyCode",
  description: "ISO 4217 currency code.",
  valuesConfig: Object.fromEntries(Object.entries(CURRENCIES).map(([code, name]) => [code, { description: name }])),
});

function parseLanguageTag(value: unknown): string {
  const canonical = typeof value === "string" ? canonicalLanguageTag(value) : null;
  if (canonical === null) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a supported BCP 47 language tag (e.g. "en", "fr", "pt-BR", "sr-Latn")`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return canonical;
}

/** A BCP 47 language tag whose primary language is in the hub's vocabulary, canonicalised on input. */
export const LanguageTag = new GraphQLScalarType<string, string>({
  name: "LanguageTag",
  description: 'BCP 47 language tag such as "en", "fr", "ar-MA" or "sr-Latn"; canonicalised on input.',
  serialize: (value) => String(value),
  parseValue: parseLanguageTag,
  parseLiteral: (ast) => parseLanguageTag(ast.kind === Kind.STRING ? ast.value : undefined),
});

const MAX_URL_LENGTH = 2048;

function parseWebUrl(value: unknown): string {
  if (typeof value === "string" && value.length <= MAX_URL_LENGTH && URL.canParse(value)) {
    const url = new URL(value);
    if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "") return url.toString();
  }
  throw new GraphQLError(`${JSON.stringify(value)} is not an absolute http(s) URL of at most ${MAX_URL_LENGTH} characters`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
}

/** An absolute http or https URL. Other schemes (javascript:, data:) are refused so directories can link safely. */
export const WebUrl = new GraphQLScalarType<string, string>({
  name: "WebUrl",
  description: "An absolute http or https URL.",
  serialize: (value) => String(value),
  parseValue: parseWebUrl,
  parseLiteral: (ast) => parseWebUrl(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** A calendar date without time, `YYYY-MM-DD` (graphql-scalars' LocalDate), stored as a `date` column. */
export { LocalDateResolver as LocalDate } from "graphql-scalars";
