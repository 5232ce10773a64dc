import { languageTagged } from "../../../domain/open-formats/json-ld";
import { disciplineTerms } from "../../../domain/open-formats/json-ld";
import type { JsonLdNode } from "../../../domain/open-formats/json-ld";
import { hubTerm } from "../../../domain/open-formats/json-ld";
import { postalAddress } from "../../../domain/open-formats/json-ld";
import { thingJsonLd } from "../../../domain/open-formats/json-ld";
import { jsonLdDocument } from "../../../domain/open-formats/json-ld";
import type { Organisation } from "./organisation.entity";
import { OrganisationKind } from "./organisation.type";

/** The schema.org subtype of Organization for each kind where one fits; the others stay `Organization`. */
const SCHEMA_TYPES: Partial<Record<OrganisationKind, string>> = {
  [OrganisationKind.NGO]: "NGO",
  [OrganisationKind.PUBLIC_BODY]: "GovernmentOrganization",
  [OrganisationKind.COMPANY]: "Corporation",
  [OrganisationKind.EDUCATION]: "EducationalOrganization",
  [OrganisationKind.RESEARCH]: "ResearchOrganization",
};

/**
 * An organisation as schema.org `Organization` (or `NGO`, `GovernmentOrganization`, `Corporation`,
 * `EducationalOrganization`, `ResearchOrganization` by kind); the hub's kind is always in `additionalType`.
 */
export function organisationJsonLd(hub: string, organisation: Organisation): JsonLdNode {
  return jsonLdDocument({
    ...thingJsonLd(hub, SCHEMA_TYPES[organisation.kind] ?? "Organization", "organisations", organisation),
    additionalType: hubTerm(hub, "organisation-kinds", organisation.kind),
    name: organisation.name,
    alternateName: organisation.slug,
    description: languageTagged(organisation.description),
    address: postalAddress(organisation.city, organisation.country),
    knowsLanguage: organisation.workingLanguages,
    keywords: disciplineTerms(hub, organisation.disciplines),
    url: organisation.website ?? undefined,
  });
}
