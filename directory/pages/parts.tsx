import type { Child } from "hono/jsx";
import type { PageLanguage } from "../i18n/negotiate";
import { VOCABULARY_LABELS } from "../i18n/vocabulary-labels";
import { withLanguage } from "./layout";

/** Where each type's detail page lives: the JSON-LD `@id` paths. */
export const DETAIL_PATHS = { Person: "people", Organisation: "organisations", Opportunity: "opportunities", Event: "events", Resource: "resources" } as const;

/** A node's detail page in the page's language. */
export function detailHref(typename: keyof typeof DETAIL_PATHS, id: string, language: PageLanguage): string {
  return withLanguage(`/${DETAIL_PATHS[typename]}/${encodeURIComponent(id)}`, language.ui.tag);
}

/** A search snippet with its «matched words» marked; every part is text, never markup. */
export function Snippet({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  const parts = text.split(/[«»]/);
  return <p class="snippet">{parts.map((part, index) => (index % 2 === 1 ? <mark>{part}</mark> : part))}</p>;
}

/** A date and time in the page's language (and the event's or the hub's time zone). */
export function formatDate(iso: string | null | undefined, language: PageLanguage, timeZone?: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  try {
    return new Intl.DateTimeFormat(language.ui.tag, { dateStyle: "long", timeStyle: "short", timeZone: timeZone ?? "UTC" }).format(date);
  } catch {
    return date.toISOString();
  }
}

/** A calendar date (`YYYY-MM-DD`) in the page's language, without a time. */
export function formatDay(day: string | null | undefined, language: PageLanguage): string {
  if (!day) return "";
  const date = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(language.ui.tag, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

const displayNamesCache = new Map<string, Intl.DisplayNames | null>();

/** `Intl.DisplayNames` for a language and kind of name, made once (null when the runtime does not know the language). */
function displayNames(tag: string, type: "region" | "language"): Intl.DisplayNames | null {
  const key = `${tag}:${type}`;
  let names = displayNamesCache.get(key);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([tag], { type, fallback: "code" });
    } catch {
      names = null;
    }
    displayNamesCache.set(key, names);
  }
  return names;
}

/** A country's name in the page's language (its ISO code when the runtime does not know it). */
export function countryName(code: string | null | undefined, language: PageLanguage): string {
  if (!code) return "";
  try {
    return displayNames(language.ui.tag, "region")?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language's name in the page's language (its tag when the runtime does not know it). */
export function languageName(tag: string, language: PageLanguage): string {
  try {
    return displayNames(language.ui.tag, "language")?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A vocabulary value's name in the page's language (`RESIDENCY` → "Résidence"), or words made from its code. */
export function term(value: string, language: PageLanguage): string {
  return VOCABULARY_LABELS[value]?.[language.ui.tag] ?? label(value);
}

/** A code (`VISUAL_ARTS`) as readable English words, for codes no table names. */
export function label(value: string): string {
  const words = value.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A term and its description, left out when there is nothing to describe. */
export function Fact({ term, children }: { term: string; children: Child }) {
  if (children === null || children === undefined || children === "" || (Array.isArray(children) && children.length === 0)) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The link to a page's JSON-LD (`<@id>.jsonld`). */
export function LinkedData({ typename, id, language }: { typename: keyof typeof DETAIL_PATHS; id: string; language: PageLanguage }) {
  return (
    <p class="linked-data">
      <a href={`/${DETAIL_PATHS[typename]}/${encodeURIComponent(id)}.jsonld`} type="application/ld+json">
        {language.t("linkedData")}
      </a>
    </p>
  );
}
