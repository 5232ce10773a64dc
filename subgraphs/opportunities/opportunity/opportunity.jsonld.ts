import { archivedProperty, countryNode } from "../../../domain/open-formats/json-ld";
import { disciplineTerms } from "../../../domain/open-formats/json-ld";
import { languageTagged } from "../../../domain/open-formats/json-ld";
import type { JsonLdNode } from "../../../domain/open-formats/json-ld";
import { entityLink } from "../../../domain/open-formats/json-ld";
import { hubTerm } from "../../../domain/open-formats/json-ld";
import { postalAddress } from "../../../domain/open-formats/json-ld";
import { thingJsonLd } from "../../../domain/open-formats/json-ld";
import { jsonLdDocument } from "../../../domain/open-formats/json-ld";
import { PublicationState } from "@agora-hub/subgraph-kit";
import type { Opportunity } from "./opportunity.entity";
import { OpportunityType } from "./opportunity.type";

/**
 * The schema.org type of each opportunity type. Money given to the applicant is a `MonetaryGrant` (grants,
 * mobility grants, scholarships, prizes, and loans, which the hub lists as finance calls); work is a
 * `JobPosting`; training is a `Course`; everything else (residencies, open calls, partner searches,
 * collaboration calls) is an `Offer` with its application window. The hub's type is always `additionalType`.
 */
export const OPPORTUNITY_SCHEMA_TYPES: Record<OpportunityType, "MonetaryGrant" | "JobPosting" | "Course" | "Offer"> = {
  [OpportunityType.GRANT]: "MonetaryGrant",
  [OpportunityType.MOBILITY_GRANT]: "MonetaryGrant",
  [OpportunityType.SCHOLARSHIP]: "MonetaryGrant",
  [OpportunityType.PRIZE]: "MonetaryGrant",
  [OpportunityType.LOAN_FINANCE]: "MonetaryGrant",
  [OpportunityType.JOB]: "JobPosting",
  [OpportunityType.INTERNSHIP]: "JobPosting",
  [OpportunityType.VOLUNTEERING]: "JobPosting",
  [OpportunityType.TRAINING_COURSE]: "Course",
  [OpportunityType.RESIDENCY]: "Offer",
  [OpportunityType.OPEN_CALL]: "Offer",
  [OpportunityType.PARTNER_SEARCH]: "Offer",
  [OpportunityType.COLLABORATION_CALL]: "Offer",
};

const EMPLOYMENT_TYPES: Partial<Record<OpportunityType, string>> = {
  [OpportunityType.INTERNSHIP]: "INTERN",
  [OpportunityType.VOLUNTEERING]: "VOLUNTEER",
};

function monetaryAmount(opportunity: Opportunity): JsonLdNode | undefined {
  const amount = opportunity.amount();
  if (!amount) return undefined;
  const fixed = amount.min !== null && amount.min === amount.max;
  return fixed
    ? { "@type": "MonetaryAmount", currency: amount.currency, value: amount.min }
    : { "@type": "MonetaryAmount", currency: amount.currency, minValue: amount.min ?? undefined, maxValue: amount.max ?? undefined };
}

/** The application window as an ApplyAction: schema.org has no deadline on grants or courses. */
function applyAction(opportunity: Opportunity): JsonLdNode {
  return {
    "@type": "ApplyAction",
    target: opportunity.applicationUrl ?? undefined,
    startTime: opportunity.opensAt,
    endTime: opportunity.deadline ?? undefined,
  };
}

/** An opportunity as schema.org JSON-LD; see `OPPORTUNITY_SCHEMA_TYPES` for the type chosen. */
export function opportunityJsonLd(hub: string, opportunity: Opportunity): JsonLdNode {
  const type = OPPORTUNITY_SCHEMA_TYPES[opportunity.type];
  const publisher = entityLink(hub, "organisations", opportunity.publisherId);
  const place = postalAddress(opportunity.city, opportunity.country);
  const common: JsonLdNode = {
    ...thingJsonLd(hub, type, "opportunities", opportunity),
    additionalType: hubTerm(hub, "opportunity-types", opportunity.type),
    name: languageTagged(opportunity.title),
    disambiguatingDescription: languageTagged(opportunity.summary),
    description: languageTagged(opportunity.description),
    url: opportunity.applicationUrl ?? undefined,
    potentialAction: applyAction(opportunity),
    // An archived opportunity says so (see `archivedProperty`); a Course, a CreativeWork, also in its status.
    additionalProperty: archivedProperty(opportunity),
  };
  const archived = opportunity.publicationState === PublicationState.ARCHIVED;
  switch (type) {
    case "MonetaryGrant":
      return jsonLdDocument({ ...common, funder: publisher, amount: monetaryAmount(opportunity) });
    case "JobPosting":
      return jsonLdDocument({
        ...common,
        title: languageTagged(opportunity.title),
        datePosted: opportunity.createdAt,
        validThrough: opportunity.deadline ?? undefined,
        hiringOrganization: publisher,
        employmentType: EMPLOYMENT_TYPES[opportunity.type],
        jobLocation: place ? { "@type": "Place", address: place } : undefined,
        jobLocationType: opportunity.remote ? "TELECOMMUTE" : undefined,
        applicantLocationRequirements: opportunity.eligibleCountries.map(countryNode),
        baseSalary: monetaryAmount(opportunity),
        industry: disciplineTerms(hub, opportunity.disciplines),
      });
    case "Course":
      return jsonLdDocument({
        ...common,
        provider: publisher,
        creativeWorkStatus: archived ? "Archived" : undefined,
        inLanguage: opportunity.workingLanguages,
        availableLanguage: opportunity.workingLanguages,
        keywords: disciplineTerms(hub, opportunity.disciplines),
        hasCourseInstance: {
          "@type": "CourseInstance",
          courseMode: opportunity.remote ? "online" : "onsite",
          location: place ? { "@type": "Place", address: place } : undefined,
        },
      });
    case "Offer":
      return jsonLdDocument({
        ...common,
        offeredBy: publisher,
        validFrom: opportunity.opensAt,
        validThrough: opportunity.deadline ?? undefined,
        eligibleRegion: opportunity.eligibleCountries.map(countryNode),
        areaServed: place ? { "@type": "Place", address: place } : undefined,
      });
  }
}
