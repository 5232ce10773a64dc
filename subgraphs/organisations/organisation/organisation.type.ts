import { registerEnumType } from "type-graphql";

export enum OrganisationKind {
  NGO = "NGO",
  PUBLIC_BODY = "PUBLIC_BODY",
  COMPANY = "COMPANY",
  MICRO_ENTERPRISE = "MICRO_ENTERPRISE",
  CREATIVE_HUB = "CREATIVE_HUB",
  COLLECTIVE = "COLLECTIVE",
  NETWORK = "NETWORK",
  FUNDER = "FUNDER",
  EDUCATION = "EDUCATION",
  RESEARCH = "RESEARCH",
  CULTURAL_INSTITUTE = "CULTURAL_INSTITUTE",
  INTERNATIONAL_ORGANISATION = "INTERNATIONAL_ORGANISATION",
  INFORMAL_GROUP = "INFORMAL_GROUP",
  OTHER = "OTHER",
}
registerEnumType(OrganisationKind, {
  name: "OrganisationKind",
  description: "What sort of organisation this is; partner-search calls often ask for a kind of partner.",
  valuesConfig: {
    NGO: { description: "Non-profit association or foundation working in the field (not mainly a funder)." },
    PUBLIC_BODY: { description: "Public authority or publicly owned body: ministry, arts council, municipal venue, public museum." },
    COMPANY: { description: "Company or social enterprise with ten or more staff." },
    MICRO_ENTERPRISE: { description: "Company with fewer than ten staff, including self-employed studios." },
    CREATIVE_HUB: { description: "Shared space or programme hosting creative work: hub, incubator, factory, art centre." },
    COLLECTIVE: { description: "Artist-run collective with a shared practice." },
    NETWORK: { description: "Network or federation whose members are organisations and people." },
    FUNDER: { description: "Foundation or fund whose main activity is giving grants, loans or prizes." },
    EDUCATION: { description: "University, academy, school or other education and training provider." },
    RESEARCH: { description: "Research centre, observatory or think tank." },
    CULTURAL_INSTITUTE: { description: "National cultural institute working internationally, e.g. Goethe-Institut, Institut français." },
    INTERNATIONAL_ORGANISATION: { description: "Intergovernmental or international body, e.g. the Anna Lindh Foundation." },
    INFORMAL_GROUP: { description: "Group of people working together without a legal entity." },
    OTHER: { description: "None of the above." },
  },
});

export enum OrganisationService {
  FUNDING = "FUNDING",
  LOANS_FINANCE = "LOANS_FINANCE",
  ADVICE = "ADVICE",
  INCUBATION = "INCUBATION",
  WORKSPACE = "WORKSPACE",
  RESIDENCY_HOSTING = "RESIDENCY_HOSTING",
  TRAINING = "TRAINING",
  SHOWCASE = "SHOWCASE",
  DISTRIBUTION = "DISTRIBUTION",
  NETWORKING = "NETWORKING",
  RESEARCH = "RESEARCH",
  ADVOCACY = "ADVOCACY",
  MOBILITY_SUPPORT = "MOBILITY_SUPPORT",
}
registerEnumType(OrganisationService, {
  name: "OrganisationService",
  description: "What an organisation offers to artists and cultural professionals.",
  valuesConfig: {
    FUNDING: { description: "Grants, prizes or commissions." },
    LOANS_FINANCE: { description: "Loans, guarantees, investment or other repayable finance." },
    ADVICE: { description: "Advice, consulting or information services." },
    INCUBATION: { description: "Incubation or acceleration of creative projects and enterprises." },
    WORKSPACE: { description: "Studios, coworking, rehearsal or production space." },
    RESIDENCY_HOSTING: { description: "Hosts artists or professionals in residence." },
    TRAINING: { description: "Training, coaching, mentoring or peer learning." },
    SHOWCASE: { description: "Exhibitions, festivals, stages or platforms that present work." },
    DISTRIBUTION: { description: "Distribution, sales, touring or export of works." },
    NETWORKING: { description: "Brings people and organisations together: meetings, matchmaking, membership." },
    RESEARCH: { description: "Research, mapping and publications on the sector." },
    ADVOCACY: { description: "Represents the sector towards policy makers." },
    MOBILITY_SUPPORT: { description: "Information or funding for cross-border mobility." },
  },
});

export enum OrganisationOrder {
  NAME = "NAME",
  NEWEST = "NEWEST",
  /** Best `search` match first; needs `search`. */
  RELEVANCE = "RELEVANCE",
}
registerEnumType(OrganisationOrder, {
  name: "OrganisationOrder",
  description: "Order of a list of organisations.",
  valuesConfig: {
    NAME: { description: "By name, A to Z." },
    NEWEST: { description: "Most recently added first." },
  },
});

/** Organisation slugs: lower-case letters and digits in words joined by single hyphens. */
export const ORGANISATION_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
