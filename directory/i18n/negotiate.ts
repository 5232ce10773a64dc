import { preferredLanguages } from "@agora-hub/runtime";
import { INTERFACE_LANGUAGES, type InterfaceLanguage, type MessageKey } from "./messages";

/** A page's language: the interface's strings and direction, and the content languages asked of the graph. */
export interface PageLanguage {
  ui: InterfaceLanguage;
  /** Content languages in order of preference, for `LocalizedText` (the interface language first). */
  content: string[];
  /** The interface string `key`, with `{name}` placeholders filled from `values`. */
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

const BY_TAG = new Map<string, InterfaceLanguage>(INTERFACE_LANGUAGES.map((language) => [language.tag, language]));

/** The interface language for a tag, or its base language's (`fr-CA` → `fr`); undefined when neither is offered. */
function interfaceLanguageOf(tag: string): InterfaceLanguage | undefined {
  return BY_TAG.get(tag.toLowerCase()) ?? BY_TAG.get(tag.toLowerCase().split("-")[0]);
}

/**
 * The language of a page: `?lang=` when it names an interface language (the switcher's links set it),
 * else the first of the visitor's Accept-Language tags that has one, else English. Content follows the
 * same order, then the visitor's other languages.
 */
export function negotiateLanguage(query: unknown, acceptLanguages: readonly string[]): PageLanguage {
  const asked = typeof query === "string" ? interfaceLanguageOf(query) : undefined;
  const accepted = preferredLanguages(acceptLanguages);
  const ui = asked ?? accepted.map(interfaceLanguageOf).find((language) => language !== undefined) ?? INTERFACE_LANGUAGES[0];
  const content = preferredLanguages([ui.tag, ...accepted]);
  return {
    ui,
    content,
    // A key built from data the graph sent (an enum value the hub added later) shows itself rather than failing the page.
    t: (key, values) => (ui.messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole)),
  };
}
