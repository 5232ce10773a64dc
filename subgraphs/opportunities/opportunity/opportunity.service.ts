import type { SelectQueryBuilder } from "typeorm";
import {
  addedIds,
  applyDirectoryFilter,
  checkReferences,
  escapeLike,
  NetworkRecordWriter,
  type PreparedWrite,
  chooseOrder,
  type FacetDimension,
  normaliseSearch,
  paginateSearchable,
  RELEVANCE,
  type SearchablePage,
  type SearchableTable,
  requireUuid,
  type LocalizedText,
  type LocalizedTextInput,
  facetExactLimitOf,
  type SubgraphContext,
  toLocalizedText,
  unique,
  Violations,
  type ListSelection,
  applyPublicationFilter,
} from "@agora-hub/subgraph-kit";
import { isUuid } from "@agora-hub/runtime";
import type { Page } from "@agora-hub/subgraph-kit";
import type { PageWindow } from "@agora-hub/subgraph-kit";
import type { KeysetOrder } from "@agora-hub/subgraph-kit";
import type { OpportunitiesArgs, OpportunitiesFilter } from "./opportunity.args";
import { Opportunity } from "./opportunity.entity";
import {
  type CreateOpportunityInput,
  type UpsertOpportunityInput,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
  type OpportunityAmountInput,
  type UpdateOpportunityInput,
} from "./opportunity.inputs";
import type { OpportunityLoaders } from "./opportunity.loaders";
import { OpportunityOrder, OpportunityStatus } from "./opportunity.type";
import { opportunityChangeFeed } from "./opportunity.changes";

/** Context of a request to the opportunities subgraph. */
export type OpportunitiesContext = SubgraphContext<OpportunityLoaders>;

const ORDERS: Record<Exclude<OpportunityOrder, OpportunityOrder.RELEVANCE>, KeysetOrder<Opportunity>> = {
  [OpportunityOrder.NEWEST]: { column: "opportunity.created_at", direction: "DESC", valueType: "timestamp", valueOf: (opportunity) => opportunity.createdAt },
  [OpportunityOrder.OPENS_AT]: { column: "opportunity.opens_at", direction: "ASC", valueType: "timestamp", valueOf: (opportunity) => opportunity.opensAt },
};

/** SQL for each status, the counterpart of `statusAt`: evaluated against the database clock. */
const STATUS_CONDITIONS: Record<OpportunityStatus, string> = {
  [OpportunityStatus.FORTHCOMING]: "opportunity.opens_at > now()",
  [OpportunityStatus.OPEN]: "(opportunity.opens_at <= now() AND (opportunity.deadline IS NULL OR opportunity.deadline >= now()))",
  [OpportunityStatus.CLOSED]: "opportunity.deadline < now()",
};

/** One opportunity by id, or null; a malformed id is a client error. */
export function findOpportunity(context: OpportunitiesContext, id: string): Promise<Opportunity | null> {
  return context.loaders.opportunityById.load(requireUuid(id));
}

/** Adds the conditions of a filter to a query (lists and the calendar feed share it). */
export function applyFilter(query: SelectQueryBuilder<Opportunity>, filter: OpportunitiesFilter | undefined): SelectQueryBuilder<Opportunity> {
  if (!filter) return query;
  if (filter.types?.length) query.andWhere("opportunity.type = ANY(:types)", { types: filter.types });
  if (filter.statuses?.length) {
    query.andWhere(
      `(${unique(filter.statuses)
        .map((status) => STATUS_CONDITIONS[status])
        .join(" OR ")})`,
    );
  }
  applyDirectoryFilter(query, filter, {
    disciplines: "opportunity.disciplines",
    country: "opportunity.country",
    languages: "opportunity.working_languages",
    network: "opportunity.network",
  });
  if (filter.eligibleFor) {
    query.andWhere("(opportunity.eligible_countries @> ARRAY[:eligibleFor]::text[] OR opportunity.eligible_countries = '{}')", {
      eligibleFor: filter.eligibleFor,
    });
  }
  if (filter.publisherIds?.length) {
    const publisherIds = filter.publisherIds.map((id, index) => requireUuid(id, `filter.publisherIds[${index}]`));
    query.andWhere("opportunity.publisher_id = ANY(:publisherIds)", { publisherIds });
  }
  if (filter.text) {
    query.andWhere(
      "EXISTS (SELECT 1 FROM jsonb_array_elements(opportunity.title -> 'translations') AS translation WHERE translation ->> 'value' ILIKE :text)",
      { text: `%${escapeLike(filter.text)}%` },
    );
  }
  if (filter.closingWithinDays !== undefined && filter.closingWithinDays !== null) {
    query.andWhere("opportunity.deadline BETWEEN now() AND now() + make_interval(days => :closingWithinDays)", {
      closingWithinDays: filter.closingWithinDays,
    });
  }
  return query;
}

/** What `search` looks through on `opportunity`, and where snippets are cut from. */
const OPPORTUNITY_SEARCH: SearchableTable = {
  schema: "opportunities",
  alias: "opportunity",
  snippetDocument:
    "concat_ws(' · ', opportunities.search_localized(opportunity.title), opportunities.search_localized(opportunity.summary), opportunities.search_localized(opportunity.description))",
};

/** The facet dimensions of a list of opportunities. */
export type OpportunitiesFacetDimension = "types" | "statuses" | "countries" | "disciplines";

const OPPORTUNITIES_FACETS: Record<OpportunitiesFacetDimension, FacetDimension> = {
  types: { sql: "opportunity.type" },
  statuses: { sql: `CASE WHEN ${STATUS_CONDITIONS.FORTHCOMING} THEN 'FORTHCOMING' WHEN ${STATUS_CONDITIONS.CLOSED} THEN 'CLOSED' ELSE 'OPEN' END` },
  countries: { sql: "opportunity.country" },
  disciplines: { sql: "opportunity.disciplines", array: true },
};

/** A page of opportunities matching the filter and search, in the requested order (by relevance when searching), with facets. */
export function listOpportunities(
  context: OpportunitiesContext,
  args: OpportunitiesArgs,
  selection?: ListSelection,
): Promise<SearchablePage<Opportunity, OpportunitiesFacetDimension>> {
  const search = normaliseSearch(args.search);
  const order = chooseOrder(args.orderBy, search, OpportunityOrder.NEWEST);
  const query = applyPublicationFilter(
    applyFilter(context.dataSource.getRepository(Opportunity).createQueryBuilder("opportunity"), args.filter),
    "opportunity",
    context.viewer,
    args,
  );
  return paginateSearchable(query, args, {
    table: OPPORTUNITY_SEARCH,
    search,
    order: order === OpportunityOrder.RELEVANCE ? RELEVANCE : ORDERS[order],
    facets: OPPORTUNITIES_FACETS,
    facetExactLimit: facetExactLimitOf(context.settings),
    counted: selection?.counted,
  });
}

/** A page of the opportunities an organisation published, newest first; batched across organisations. */
export function listPublishedOpportunities(context: OpportunitiesContext, organisationId: string, window: PageWindow): Promise<Page<Opportunity>> {
  return context.loaders.opportunitiesByPublisherId.load({ parentId: organisationId, first: window.first, after: window.after });
}

/** Rounds to cents, the precision of the amount columns, so the answer matches what is stored. */
function toCents(amount: number | null | undefined): number | null {
  return amount === null || amount === undefined ? null : Math.round(amount * 100) / 100;
}

function assignAmount(opportunity: Opportunity, amount: OpportunityAmountInput | null, violations: Violations): void {
  if (amount === null) {
    Object.assign(opportunity, { amountMin: null, amountMax: null, currency: null });
    return;
  }
  const min = toCents(amount.min);
  const max = toCents(amount.max);
  if (min === null && max === null) violations.add("amount", "give min, max or both");
  if (min !== null && max !== null && min > max) violations.add("amount.max", `must not be less than amount.min (${min})`);
  Object.assign(opportunity, { amountMin: min, amountMax: max, currency: amount.currency });
}

/** A short multilingual text (title, summary): the kit's rules plus a length cap per version. */
function toShortText(input: LocalizedTextInput, field: string, maxLength: number, violations: Violations): LocalizedText {
  input.translations.forEach((translation, index) => {
    if (translation.value.trim().length > maxLength) violations.add(`${field}.translations[${index}].value`, `must be at most ${maxLength} characters`);
  });
  return toLocalizedText(input, field, violations);
}

function optionalId(value: string | null, field: string, violations: Violations): string | null {
  if (value !== null && !isUuid(value)) violations.add(field, `${JSON.stringify(value).slice(0, 80)} is not a valid id (a UUID)`);
  return value;
}

/** Copies validated input onto an opportunity; `undefined` leaves a field unchanged, `null` clears it. */
function assignFields(opportunity: Opportunity, input: CreateOpportunityInput | UpdateOpportunityInput, violations: Violations): void {
  if (input.type !== undefined) {
    if (input.type === null) violations.add("type", "must not be null");
    else opportunity.type = input.type;
  }
  if (input.title !== undefined) {
    if (input.title === null) violations.add("title", "must not be null");
    else opportunity.title = toShortText(input.title, "title", MAX_TITLE_LENGTH, violations);
  }
  if (input.summary !== undefined) {
    opportunity.summary = input.summary && toShortText(input.summary, "summary", MAX_SUMMARY_LENGTH, violations);
  }
  if (input.description !== undefined) {
    opportunity.description = input.description && toLocalizedText(input.description, "description", violations);
  }
  if (input.publisherId !== undefined) {
    if (input.publisherId === null) violations.add("publisherId", "must not be null");
    else opportunity.publisherId = optionalId(input.publisherId, "publisherId", violations)!;
  }
  if (input.contactId !== undefined) opportunity.contactId = optionalId(input.contactId, "contactId", violations);
  if (input.disciplines !== undefined) opportunity.disciplines = unique(input.disciplines ?? []);
  if (input.eligibleCountries !== undefined) opportunity.eligibleCountries = unique(input.eligibleCountries ?? []);
  if (input.opensAt !== undefined) {
    if (input.opensAt === null) violations.add("opensAt", "must not be null");
    else opportunity.opensAt = input.opensAt;
  }
  if (input.deadline !== undefined) opportunity.deadline = input.deadline;
  if (input.amount !== undefined) assignAmount(opportunity, input.amount, violations);
  if (input.costsCovered !== undefined) opportunity.costsCovered = unique(input.costsCovered ?? []);
  if (input.applicationUrl !== undefined) opportunity.applicationUrl = input.applicationUrl;
  if (input.remote !== undefined) {
    if (input.remote === null) violations.add("remote", "must be true or false");
    else opportunity.remote = input.remote;
  }
  if (input.city !== undefined) opportunity.city = input.city?.trim() || null;
  if (input.country !== undefined) opportunity.country = input.country;
  if (input.workingLanguages !== undefined) opportunity.workingLanguages = unique(input.workingLanguages ?? []);
}

/** Rules across fields, checked on the opportunity as it would be saved (after an update's changes). */
function checkDates(opportunity: Opportunity, violations: Violations): void {
  if (opportunity.deadline && opportunity.opensAt && opportunity.deadline <= opportunity.opensAt) {
    violations.add("deadline", `must be after opensAt (${opportunity.opensAt.toISOString()})`);
  }
}

/**
 * Asks the organisations and people subgraphs whether the publisher and contact exist and are visible to the
 * writer (before any transaction), unless `stored` (the opportunity as it is) already holds them: a kept
 * reference is not asked again, so a contact hidden or erased since stays until the erasure feed removes them.
 */
async function checkReferencesOf(context: OpportunitiesContext, { record: opportunity, stored }: PreparedWrite<Opportunity, void>): Promise<void> {
  const ids = (id: string | null | undefined, held: string | null | undefined) => addedIds(id ? [id] : [], held ? [held] : []);
  await checkReferences(context, [
    { type: "Organisation", field: "publisherId", ids: ids(opportunity.publisherId, stored?.publisherId) },
    { type: "Person", field: "contactId", ids: ids(opportunity.contactId, stored?.contactId) },
  ]);
}

/** How opportunities are written: a new one opens now; the cross-field rules apply to the result of every write. */
const OPPORTUNITY_WRITER = new NetworkRecordWriter<Opportunity, CreateOpportunityInput, UpdateOpportunityInput, void, OpportunitiesContext>({
  entity: Opportunity,
  typeName: "Opportunity",
  noun: "opportunity",
  newRecord: () =>
    Object.assign(new Opportunity(), {
      summary: null,
      description: null,
      contactId: null,
      disciplines: [],
      eligibleCountries: [],
      opensAt: new Date(),
      deadline: null,
      amountMin: null,
      amountMax: null,
      currency: null,
      costsCovered: [],
      applicationUrl: null,
      remote: false,
      city: null,
      country: null,
      workingLanguages: [],
    }),
  apply: (opportunity, input, violations) => {
    assignFields(opportunity, input, violations);
    checkDates(opportunity, violations);
  },
  prepare: checkReferencesOf,
  changeFeed: opportunityChangeFeed,
});

/** Creates an opportunity after validating every field; nothing is written when any is bad. Networks create only their own. */
export function createOpportunity(context: OpportunitiesContext, input: CreateOpportunityInput): Promise<Opportunity> {
  // Omitting opensAt or passing null on create both mean "open from now".
  return OPPORTUNITY_WRITER.create(context, { ...input, opensAt: input.opensAt ?? undefined });
}

/**
 * Creates or updates the opportunity with the input's (network, sourceId), for idempotent sync: on update,
 * omitted fields stay as they are (opensAt too, even when null) and null clears one, as in `updateOpportunity`.
 */
export function upsertOpportunity(context: OpportunitiesContext, input: UpsertOpportunityInput): Promise<Opportunity> {
  return OPPORTUNITY_WRITER.upsert(context, { ...input, opensAt: input.opensAt ?? undefined });
}

/** Updates the given fields of an opportunity; the cross-field rules apply to the result. Another network's opportunity is answered like an unknown id. */
export function updateOpportunity(context: OpportunitiesContext, id: string, input: UpdateOpportunityInput): Promise<Opportunity> {
  return OPPORTUNITY_WRITER.update(context, id, input);
}

/** Deletes an opportunity; returns the id. Another network's opportunity is answered like an unknown id. */
export function deleteOpportunity(context: OpportunitiesContext, id: string): Promise<string> {
  return OPPORTUNITY_WRITER.delete(context, id);
}
