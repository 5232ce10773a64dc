import { VOCABULARY_LABELS } from "../i18n/vocabulary-labels";
import { type GraphQLSchema, isEnumType } from "graphql";
import { INTERFACE_LANGUAGES, type MessageKey } from "../i18n/messages";
import type { PageLanguage } from "../i18n/negotiate";
import { Layout, withLanguage } from "./layout";

/**
 * The hub's vocabularies, each at `/vocabularies/<name>`: the URLs the JSON-LD's `additionalType` and
 * `DefinedTerm` URIs use (`…/vocabularies/<name>#<CODE>`), each read from an enum type of the public schema.
 */
export const VOCABULARIES = [
  { name: "disciplines", enumType: "Discipline", title: "vocabularyDisciplines", intro: "vocabularyDisciplinesIntro" },
  { name: "opportunity-types", enumType: "OpportunityType", title: "vocabularyOpportunityTypes", intro: "vocabularyOpportunityTypesIntro" },
  { name: "event-formats", enumType: "EventFormat", title: "vocabularyEventFormats", intro: "vocabularyEventFormatsIntro" },
  { name: "organisation-kinds", enumType: "OrganisationKind", title: "vocabularyOrganisationKinds", intro: "vocabularyOrganisationKindsIntro" },
  { name: "resource-kinds", enumType: "ResourceKind", title: "vocabularyResourceKinds", intro: "vocabularyResourceKindsIntro" },
] as const satisfies ReadonlyArray<{ name: string; enumType: string; title: MessageKey; intro: MessageKey }>;

/** One of the vocabularies' entries in `VOCABULARIES`. */
export type VocabularyDefinition = (typeof VOCABULARIES)[number];

/** A term: its code (the enum value), a label, what it means, and the terms within it (a discipline domain's practices). */
export interface VocabularyTerm {
  code: string;
  label: string;
  description: string | null;
  narrower: VocabularyTerm[];
}

/** A vocabulary as the schema has it: the enum type's description and its top-level terms, in schema order. */
export interface Vocabulary {
  definition: VocabularyDefinition;
  description: string | null;
  terms: VocabularyTerm[];
  /** Every term, top-level and narrower. */
  size: number;
}

/** Words of codes that are acronyms: the schema gives codes and descriptions only, so labels are made from codes. */
const ACRONYMS = new Set(["NGO", "TV", "XR"]);
/** A discipline practice's description names its domain: "Museums (in HERITAGE)". */
const IN_DOMAIN = /^(.*) \(in ([A-Z][A-Z0-9_]*)\)$/s;

/** A code as words: `PUBLIC_BODY` → "Public body", `NGO` → "NGO". */
function labelOf(code: string): string {
  const words = code
    .split("_")
    .map((word, index) => (ACRONYMS.has(word) ? word : index === 0 ? word.charAt(0) + word.slice(1).toLowerCase() : word.toLowerCase()));
  return words.join(" ");
}

/** Each schema's vocabularies, read once per schema (the gateway serves a new schema object when the supergraph changes). */
const vocabulariesBySchema = new WeakMap<GraphQLSchema, Map<string, Vocabulary | null>>();

/** The vocabulary `definition` as the public schema defines it; null when the schema has no such enum type. */
export function readVocabulary(schema: GraphQLSchema, definition: VocabularyDefinition): Vocabulary | null {
  let cached = vocabulariesBySchema.get(schema);
  if (!cached) {
    cached = new Map();
    vocabulariesBySchema.set(schema, cached);
  }
  if (!cached.has(definition.name)) cached.set(definition.name, buildVocabulary(schema, definition));
  return cached.get(definition.name) ?? null;
}

function buildVocabulary(schema: GraphQLSchema, definition: VocabularyDefinition): Vocabulary | null {
  const type = schema.getType(definition.enumType);
  if (!isEnumType(type)) return null;
  const values = type.getValues();
  const codes = new Set(values.map((value) => value.name));
  const terms: VocabularyTerm[] = [];
  const byCode = new Map<string, VocabularyTerm>();
  const practices: Array<{ term: VocabularyTerm; domain: string }> = [];
  for (const value of values) {
    const description = value.description?.trim() || null;
    // Disciplines: the label is the description, a practice's ending in its domain; other vocabularies describe each code.
    const inDomain = definition.name === "disciplines" && description ? IN_DOMAIN.exec(description) : null;
    const term: VocabularyTerm =
      definition.name === "disciplines"
        ? { code: value.name, label: inDomain?.[1] ?? description ?? labelOf(value.name), description: null, narrower: [] }
        : { code: value.name, label: labelOf(value.name), description, narrower: [] };
    byCode.set(term.code, term);
    if (inDomain && codes.has(inDomain[2]) && inDomain[2] !== value.name) practices.push({ term, domain: inDomain[2] });
    else terms.push(term);
  }
  for (const { term, domain } of practices) {
    const parent = byCode.get(domain)!;
    // A domain that is itself a practice of another would nest deeper than the vocabulary does: kept at the top.
    if (terms.includes(parent)) parent.narrower.push(term);
    else terms.push(term);
  }
  return { definition, description: type.description?.trim() || null, terms, size: values.length };
}

/** The vocabulary called `name`, or undefined when there is none. */
export function vocabularyDefinition(name: string): VocabularyDefinition | undefined {
  return VOCABULARIES.find((vocabulary) => vocabulary.name === name);
}

/** A vocabulary's URL (its `DefinedTermSet` `@id` and canonical page). */
export function vocabularyUrl(hubUrl: string, name: string): string {
  return new URL(`/vocabularies/${name}`, hubUrl).toString();
}

/** An interface string in every interface language, as JSON-LD language-tagged values. */
function everyLanguage(key: MessageKey): Array<{ "@value": string; "@language": string }> {
  return INTERFACE_LANGUAGES.map((language) => ({ "@value": language.messages[key], "@language": language.tag }));
}

function termSetNode(hubUrl: string, vocabulary: Vocabulary): Record<string, unknown> {
  return {
    "@type": "DefinedTermSet",
    "@id": vocabularyUrl(hubUrl, vocabulary.definition.name),
    name: everyLanguage(vocabulary.definition.title),
    description: vocabulary.description ?? undefined,
  };
}

/** A vocabulary as a schema.org `DefinedTermSet` with its terms (`hasDefinedTerm`), each at `<vocabulary URL>#<CODE>`. */
export function vocabularyJsonLd(hubUrl: string, vocabulary: Vocabulary): Record<string, unknown> {
  const set = vocabularyUrl(hubUrl, vocabulary.definition.name);
  const flat = vocabulary.terms.flatMap((term) => [term, ...term.narrower]);
  return {
    "@context": "https://schema.org",
    ...termSetNode(hubUrl, vocabulary),
    hasDefinedTerm: flat.map((term) => ({
      "@type": "DefinedTerm",
      "@id": `${set}#${term.code}`,
      termCode: term.code,
      name: term.label,
      ...(term.description ? { description: term.description } : {}),
      inDefinedTermSet: set,
    })),
  };
}

/** The vocabularies as JSON-LD: one `DefinedTermSet` each, without their terms (those are at each set's URL). */
export function vocabulariesJsonLd(hubUrl: string, vocabularies: readonly Vocabulary[]): Record<string, unknown> {
  return { "@context": "https://schema.org", "@graph": vocabularies.map((vocabulary) => termSetNode(hubUrl, vocabulary)) };
}

/** A term's name in the page's language; the schema's English name when the directory has none. */
function nameOf(term: VocabularyTerm, language: PageLanguage): string {
  return VOCABULARY_LABELS[term.code]?.[language.ui.tag] ?? term.label;
}

/** Terms as a definition list: each term's group carries its code as `id`, so `#CODE` lands on it. */
function Terms({ terms, language }: { terms: VocabularyTerm[]; language: PageLanguage }) {
  if (terms.length === 0) return null;
  return (
    <dl class="terms">
      {terms.map((term) => (
        <div id={term.code} class="term">
          <dt>
            {nameOf(term, language)} <code>{term.code}</code>
          </dt>
          {term.description && <dd>{term.description}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** One vocabulary's page: every term with its code, label and description; disciplines grouped by UNESCO domain. */
export function VocabularyPage({ vocabulary, language, hubUrl }: { vocabulary: Vocabulary; language: PageLanguage; hubUrl: string }) {
  const { t } = language;
  const { definition } = vocabulary;
  const grouped = vocabulary.terms.some((term) => term.narrower.length > 0);
  return (
    <Layout frame={{ language, title: t(definition.title), path: `/vocabularies/${definition.name}`, hubUrl, jsonLd: vocabularyJsonLd(hubUrl, vocabulary) }}>
      <article class="detail vocabulary">
        <p class="hit-type">
          <a href={withLanguage("/vocabularies", language.ui.tag)}>{t("vocabulariesTitle")}</a>
        </p>
        <h1>{t(definition.title)}</h1>
        <p>{t(definition.intro)}</p>
        <p>
          {t("termCount", { count: vocabulary.size })} · {t("termsInEnglish")}
        </p>
        {grouped ? (
          vocabulary.terms.map((term) => (
            <section id={term.code} class="term-group">
              <h2>
                {nameOf(term, language)} <code>{term.code}</code>
              </h2>
              {term.description && <p>{term.description}</p>}
              <Terms terms={term.narrower} language={language} />
            </section>
          ))
        ) : (
          <Terms terms={vocabulary.terms} language={language} />
        )}
      </article>
    </Layout>
  );
}

/** The list of vocabularies, each with what it holds and how many terms. */
export function VocabulariesPage({ vocabularies, language, hubUrl }: { vocabularies: readonly Vocabulary[]; language: PageLanguage; hubUrl: string }) {
  const { t } = language;
  return (
    <Layout frame={{ language, title: t("vocabulariesTitle"), path: "/vocabularies", hubUrl, jsonLd: vocabulariesJsonLd(hubUrl, vocabularies) }}>
      <article class="detail vocabulary">
        <h1>{t("vocabulariesTitle")}</h1>
        <p>{t("vocabulariesIntro")}</p>
        <ul>
          {vocabularies.map((vocabulary) => (
            <li>
              <a href={withLanguage(`/vocabularies/${vocabulary.definition.name}`, language.ui.tag)}>{t(vocabulary.definition.title)}</a>
              {` · ${t("termCount", { count: vocabulary.size })} · `}
              {t(vocabulary.definition.intro)}
            </li>
          ))}
        </ul>
      </article>
    </Layout>
  );
}
