import type { GraphQLSchema } from "graphql";
import type { ListCriterion, ListDefinition } from "../lists/list-definitions";

/**
 * How each list page's filter parameters become a saved search's `SavedSearchCriteriaInput`: the record type it
 * follows and, by query parameter, the criteria field. Parameters left out have no saved-search counterpart
 * (an opportunity's status or closing window, an event's attendance, an organisation's services, a person's
 * `openTo`): the subscribe form says they are not part of the alert.
 */
const ALERT_FIELDS: Record<ListDefinition["collection"], { type: string; fields: Record<string, string> }> = {
  opportunities: {
    type: "OPPORTUNITY",
    fields: { type: "opportunityTypes", discipline: "disciplines", country: "countries", eligible: "eligibleFor", language: "languages", network: "networks" },
  },
  events: { type: "EVENT", fields: { type: "eventFormats", discipline: "disciplines", country: "countries", language: "languages", network: "networks" } },
  resources: {
    type: "RESOURCE",
    fields: { type: "resourceKinds", discipline: "disciplines", country: "countries", language: "languages", network: "networks" },
  },
  organisations: {
    type: "ORGANISATION",
    fields: { type: "organisationKinds", discipline: "disciplines", country: "countries", language: "languages", network: "networks" },
  },
  people: { type: "PERSON", fields: { discipline: "disciplines", country: "countries", language: "languages", network: "networks" } },
};

/** Whether the hub serves e-mail alerts (the alerts subgraph is part of the graph): the form is offered only then. */
export function alertsOffered(schema: GraphQLSchema | undefined): boolean {
  return schema?.getMutationType()?.getFields().subscribeToAlerts !== undefined;
}

/** The list's criteria an alert can follow. */
export function followedCriteria(definition: ListDefinition): ListCriterion[] {
  const fields = ALERT_FIELDS[definition.collection].fields;
  return definition.criteria.filter((criterion) => criterion.param in fields);
}

/** The list's criteria chosen on a page that an alert cannot follow. */
export function unfollowedChoices(definition: ListDefinition, chosen: ReadonlyMap<string, readonly string[]>): ListCriterion[] {
  const fields = ALERT_FIELDS[definition.collection].fields;
  return definition.criteria.filter((criterion) => !(criterion.param in fields) && (chosen.get(criterion.param)?.length ?? 0) > 0);
}

/** A `SavedSearchCriteriaInput` for a list's chosen (already checked) criteria and words. */
export function alertCriteria(definition: ListDefinition, chosen: ReadonlyMap<string, readonly string[]>, search: string | null): Record<string, unknown> {
  const { type, fields } = ALERT_FIELDS[definition.collection];
  const criteria: Record<string, unknown> = { types: [type] };
  for (const criterion of followedCriteria(definition)) {
    const values = chosen.get(criterion.param);
    if (!values?.length) continue;
    criteria[fields[criterion.param]] = criterion.many ? [...values] : values[0];
  }
  if (search) criteria.query = search;
  return criteria;
}
