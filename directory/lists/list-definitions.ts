import type { MessageKey } from "../i18n/messages";
import { CARD_SELECTIONS } from "../pages/cards";

/** How a list page's query parameter becomes a field of the list's filter input. */
export interface ListCriterion {
  /** The query parameter (`?country=MA`), the same on every list page and in the embed snippets. */
  param: string;
  /** The field of the filter input it sets. */
  field: string;
  /** Its values: a value of a GraphQL enum (validated against the schema), a language tag, a network slug or a number of days. */
  value: { enum: string } | "language" | "network" | { days: number };
  /** Whether the field takes a list (the parameter may repeat), or one value. */
  many: boolean;
  /** The list's facet that counts this criterion's values, if it has one. */
  facet?: string;
  /** Its name in the filter form. */
  label: MessageKey;
}

/** A list page: its path (the collection of the detail pages' `@id` URLs), root field, filter type and criteria. */
export interface ListDefinition {
  collection: "people" | "organisations" | "opportunities" | "events" | "resources";
  field: string;
  /** The type of its items. */
  typename: keyof typeof CARD_SELECTIONS;
  filterType: string;
  title: MessageKey;
  criteria: ListCriterion[];
  /** The facets' selection. */
  facets: string[];
  /** Filter fields every request of this list has (the events list shows events not over yet). */
  fixed?: Record<string, unknown>;
}

const discipline: ListCriterion = {
  param: "discipline",
  field: "disciplines",
  value: { enum: "Discipline" },
  many: true,
  facet: "disciplines",
  label: "disciplines",
};
const country: ListCriterion = { param: "country", field: "countries", value: { enum: "CountryCode" }, many: true, facet: "countries", label: "country" };
const language: ListCriterion = { param: "language", field: "languages", value: "language", many: true, label: "languages" };
const network: ListCriterion = { param: "network", field: "networks", value: "network", many: true, label: "network" };

/** The criteria of the cross-type search (those every searched type has). */
export const SEARCH_CRITERIA: readonly ListCriterion[] = [discipline, country, language, network];

/** The five list pages. `type` is each list's own kind of thing (opportunity type, organisation kind, event format). */
export const LIST_DEFINITIONS: readonly ListDefinition[] = [
  {
    collection: "opportunities",
    field: "opportunities",
    typename: "Opportunity",
    filterType: "OpportunitiesFilter",
    title: "opportunities",
    criteria: [
      { param: "status", field: "statuses", value: { enum: "OpportunityStatus" }, many: true, facet: "statuses", label: "status" },
      { param: "type", field: "types", value: { enum: "OpportunityType" }, many: true, facet: "types", label: "opportunityType" },
      discipline,
      country,
      { param: "eligible", field: "eligibleFor", value: { enum: "CountryCode" }, many: false, label: "eligibleFor" },
      { param: "closing", field: "closingWithinDays", value: { days: 366 }, many: false, label: "closingWithin" },
      language,
      network,
    ],
    facets: ["statuses", "types", "disciplines", "countries"],
  },
  {
    collection: "events",
    field: "events",
    typename: "Event",
    filterType: "EventsFilter",
    title: "events",
    criteria: [
      { param: "type", field: "formats", value: { enum: "EventFormat" }, many: true, facet: "formats", label: "eventFormat" },
      { param: "attendance", field: "attendanceModes", value: { enum: "EventAttendanceMode" }, many: true, facet: "attendanceModes", label: "attendance" },
      discipline,
      country,
      language,
      network,
    ],
    facets: ["formats", "attendanceModes", "disciplines", "countries"],
    fixed: { upcoming: true },
  },
  {
    collection: "resources",
    field: "resources",
    typename: "Resource",
    filterType: "ResourcesFilter",
    title: "resources",
    criteria: [
      { param: "type", field: "kinds", value: { enum: "ResourceKind" }, many: true, facet: "kinds", label: "resourceKind" },
      discipline,
      country,
      { ...language, facet: "languages" },
      network,
    ],
    facets: ["kinds", "disciplines", "countries", "languages"],
  },
  {
    collection: "organisations",
    field: "organisations",
    typename: "Organisation",
    filterType: "OrganisationsFilter",
    title: "organisationsTitle",
    criteria: [
      { param: "type", field: "kinds", value: { enum: "OrganisationKind" }, many: true, facet: "kinds", label: "organisationKind" },
      { param: "service", field: "services", value: { enum: "OrganisationService" }, many: true, facet: "services", label: "services" },
      discipline,
      country,
      language,
      network,
    ],
    facets: ["kinds", "services", "disciplines", "countries"],
  },
  {
    collection: "people",
    field: "people",
    typename: "Person",
    filterType: "PeopleFilter",
    title: "peopleTitle",
    criteria: [
      discipline,
      country,
      { ...language, facet: "languages" },
      { ...network, facet: "networks" },
      { param: "open", field: "openTo", value: { enum: "OpenTo" }, many: true, label: "openTo" },
    ],
    facets: ["disciplines", "countries", "languages", "networks"],
  },
];

/** Items on one list page. */
export const LIST_PAGE_SIZE = 20;

/** The one operation of a list page: its items, total, next cursor and facets. */
export function listOperation(definition: ListDefinition): string {
  const facets = definition.facets.map((facet) => `${facet} { value count }`).join(" ");
  return /* GraphQL */ `
    query DirectoryList($filter: ${definition.filterType}, $search: String, $after: String) {
      list: ${definition.field}(first: ${LIST_PAGE_SIZE}, after: $after, filter: $filter, search: $search) {
        totalCount
        totalCountApproximate
        edges { node { __typename ${CARD_SELECTIONS[definition.typename]} } }
        pageInfo { hasNextPage endCursor }
        facets { approximate ${facets} }
      }
    }
  `;
}
