import { JSONObjectResolver } from "graphql-scalars";
import { COUNTRIES, DISCIPLINES, type CountryCode, type DisciplineCode } from "@agora-hub/runtime";
import type { LocalizedText } from "@agora-hub/subgraph-kit";
import type { NetworkRecord } from "@agora-hub/subgraph-kit";
import { PublicationState } from "@agora-hub/subgraph-kit";

/** The `JSONObject` scalar (graphql-scalars) that `jsonLd` fields return. */
export const JSONObject = JSONObjectResolver;

/** A JSON-LD node as built here; `undefined`, `null` and empty lists are dropped by `jsonLdDocument`. */
export type JsonLdNode = { [key: string]: unknown };

/**
 * Where each core entity type is published on the hub, as in `${hub}/people/<id>`. Every function here that
 * makes a URL takes `hub`, the hub's public base URL (`context.hubUrl`: AGORA_PUBLIC_URL, else the gateway's port).
 */
export type EntityCollection = "people" | "organisations" | "opportunities" | "events" | "resources";

/** The hub URL that identifies an entity (its JSON-LD `@id`). */
export function entityUrl(hub: string, collection: EntityCollection, id: string): string {
  return `${hub}/${collection}/${encodeURIComponent(id)}`;
}

/**
 * The URI of a term of the hub's own vocabularies, e.g. `${hub}/vocabularies/event-formats#FORUM`:
 * emitted as `additionalType` where schema.org has no type as precise as the hub's.
 */
export function hubTerm(hub: string, vocabulary: string, code: string): string {
  return `${hubVocabulary(hub, vocabulary)}#${code}`;
}

/** A reference to another entity of the hub: an `@id` link only, never a copy of its data. */
export function entityLink(hub: string, collection: EntityCollection, id: string): JsonLdNode {
  return { "@id": entityUrl(hub, collection, id) };
}

/** Every language version of a text as JSON-LD language-tagged values; undefined when there is no text. */
export function languageTagged(text: LocalizedText | null | undefined): JsonLdNode[] | undefined {
  return text?.translations.map((t) => ({ "@value": t.value, "@language": t.lang }));
}

/** The URL of one of the hub's vocabularies (a `DefinedTermSet`), e.g. `${hub}/vocabularies/disciplines`; its terms are `hubTerm`s. */
export function hubVocabulary(hub: string, vocabulary: string): string {
  return `${hub}/vocabularies/${vocabulary}`;
}

/** Disciplines as schema.org DefinedTerms of the hub's vocabulary (UNESCO FCS domains and practices), each at its `hubTerm` URI. */
export function disciplineTerms(hub: string, codes: readonly DisciplineCode[]): JsonLdNode[] {
  return codes.map((code) => ({
    "@type": "DefinedTerm",
    "@id": hubTerm(hub, "disciplines", code),
    termCode: code,
    name: DISCIPLINES[code]?.label ?? code,
    inDefinedTermSet: {
      "@type": "DefinedTermSet",
      "@id": hubVocabulary(hub, "disciplines"),
      name: "Agora Hub disciplines (UNESCO Framework for Cultural Statistics 2009)",
    },
  }));
}

/** A country as a schema.org Country named in English, with its ISO 3166-1 code as identifier. */
export function countryNode(code: CountryCode): JsonLdNode {
  return { "@type": "Country", name: COUNTRIES[code] ?? code, identifier: code };
}

/** A postal address at city level; undefined when neither part is known. */
export function postalAddress(locality: string | null | undefined, country: CountryCode | null | undefined): JsonLdNode | undefined {
  if (!locality && !country) return undefined;
  return { "@type": "PostalAddress", addressLocality: locality ?? undefined, addressCountry: country ?? undefined };
}

/**
 * The properties every hub entity shares: `@context`, `@type`, `@id` (its hub URL) and, when the record
 * comes from another network, an `identifier` naming that network and its id there.
 */
export function thingJsonLd(hub: string, type: string | string[], collection: EntityCollection, record: NetworkRecord): JsonLdNode {
  return {
    "@context": "https://schema.org",
    "@type": type,
    "@id": entityUrl(hub, collection, record.id),
    identifier: record.sourceId ? { "@type": "PropertyValue", propertyID: record.network, value: record.sourceId } : undefined,
  };
}

/** Drops `undefined`, `null` and empty lists at every depth, so documents carry only what is known. */
export function jsonLdDocument(node: JsonLdNode): JsonLdNode {
  return compact(node) as JsonLdNode;
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact).filter((item) => item !== undefined);
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== "object") return value ?? undefined;
  const result: JsonLdNode = {};
  for (const [key, item] of Object.entries(value)) {
    const kept = compact(item);
    if (kept === undefined || (Array.isArray(kept) && kept.length === 0)) continue;
    result[key] = kept;
  }
  return result;
}

/**
 * What an ARCHIVED record's JSON-LD adds (undefined for any other state): schema.org has no archived status
 * outside `CreativeWork.creativeWorkStatus` (Events have only `eventStatus`, which says whether it took place,
 * not whether the hub still lists it), so every type states the hub's publication state as a `PropertyValue`
 * of `additionalProperty`, and types that are a `CreativeWork` (a `Course`) also say `creativeWorkStatus: "Archived"`.
 */
export function archivedProperty(record: { publicationState: PublicationState }): JsonLdNode | undefined {
  if (record.publicationState !== PublicationState.ARCHIVED) return undefined;
  return { "@type": "PropertyValue", propertyID: "publicationState", name: "Publication state", value: PublicationState.ARCHIVED };
}
