import { languageTagged } from "../../../domain/open-formats/json-ld";
import { disciplineTerms } from "../../../domain/open-formats/json-ld";
import type { JsonLdNode } from "../../../domain/open-formats/json-ld";
import { postalAddress } from "../../../domain/open-formats/json-ld";
import { thingJsonLd } from "../../../domain/open-formats/json-ld";
import { jsonLdDocument } from "../../../domain/open-formats/json-ld";
import type { Person } from "./person.entity";

/**
 * A person as a schema.org `Person`: public profile data only. The contact email is never included,
 * whoever asks: JSON-LD is meant to be copied by crawlers and other directories.
 */
export function personJsonLd(hub: string, person: Person): JsonLdNode {
  return jsonLdDocument({
    ...thingJsonLd(hub, "Person", "people", person),
    name: person.displayName,
    disambiguatingDescription: languageTagged(person.headline),
    description: languageTagged(person.bio),
    knowsLanguage: person.spokenLanguages,
    knowsAbout: disciplineTerms(hub, person.disciplines),
    skills: person.skills,
    address: postalAddress(person.city, person.country),
    url: person.website ?? undefined,
    sameAs: person.socialLinks.map((link) => link.url),
  });
}
