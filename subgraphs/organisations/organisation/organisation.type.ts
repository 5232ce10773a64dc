import { registerEnumType } from "type-graphql";

/** Defined in the kit because the alerts subgraph's saved searches name it too; re-exported here. */
export { OrganisationKind } from "@agora-hub/subgraph-kit";

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
