import type { EntityManager, SelectQueryBuilder } from "typeorm";
import spdxLicenceIds from "spdx-license-ids/index.json";
import {
  addedIds,
  applyDirectoryFilter,
  applyPublicationFilter,
  checkReferences,
  chooseOrder,
  escapeLike,
  type FacetDimension,
  facetExactLimitOf,
  type KeysetOrder,
  type ListSelection,
  NetworkRecordWriter,
  normaliseSearch,
  type Page,
  type PageWindow,
  paginateSearchable,
  type ReferencedType,
  RELEVANCE,
  requireUuid,
  type SearchablePage,
  type SearchableTable,
  type SubgraphContext,
  toLocalizedText,
  unique,
  Violations,
} from "@agora-hub/subgraph-kit";
import { canonicalLanguageTag, isUuid } from "@agora-hub/runtime";
import { Organisation } from "../organisation/organisation.stub";
import { Resource } from "./resource.entity";
import { ResourceAuthor, ResourceEvent, ResourceOpportunity, ResourceOrganisation, ResourcePublisher } from "./resource-relations.entity";
import type { ResourcesArgs, ResourcesFilter } from "./resource.args";
import type { CreateResourceInput, ResourceLinkInput, UpdateResourceInput, UpsertResourceInput } from "./resource.inputs";
import type { ResourceLoaders } from "./resource.loaders";
import { type ResourceLink, ResourceOrder } from "./resource.type";
import { resourceChangeFeed } from "./resource.changes";

/** Context of a request to the resources subgraph. */
export type ResourcesContext = SubgraphContext<ResourceLoaders>;

/** The midnight (UTC) starting a `YYYY-MM-DD` date: the sort value of a resource by publication date. */
export function startOfDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

const ORDERS: Record<Exclude<ResourceOrder, ResourceOrder.RELEVANCE>, KeysetOrder<Resource>> = {
  // `publication_instant` is a generated timestamptz column (the date's UTC midnight), so cursors carry a checked timestamp.
  [ResourceOrder.PUBLISHED]: {
    column: "resource.publication_instant",
    direction: "DESC",
    valueType: "timestamp",
    valueOf: (resource) => startOfDate(resource.publicationDate),
  },
  [ResourceOrder.NEWEST]: { column: "resource.created_at", direction: "DESC", valueType: "timestamp", valueOf: (resource) => resource.createdAt },
};

/** The SPDX licence ids (spdx-license-ids, the SPDX licence list), by their lower-case spelling. */
const SPDX_LICENCES = new Map(spdxLicenceIds.map((id) => [id.toLowerCase(), id]));

/** The canonical spelling of an SPDX licence id ("cc-by-4.0" → "CC-BY-4.0"), or null when it is not on the SPDX list. */
export function canonicalLicence(id: string): string | null {
  return SPDX_LICENCES.get(id.trim().toLowerCase()) ?? null;
}

/** RFC 6838 media type without parameters: a registered top-level type and a restricted-name subtype. */
const MEDIA_TYPE = /^(application|audio|font|haptics|image|message|model|multipart|text|video)\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const MAX_URL_LENGTH = 2048;

/** An absolute http(s) URL, normalised as the `WebUrl` scalar does, or null. */
function webUrl(value: string): string | null {
  if (value.length > MAX_URL_LENGTH || !URL.canParse(value)) return null;
  const url = new URL(value);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? url.toString() : null;
}

/** Checks and normalises the links of a write; each bad part is reported under `links[i].<part>`. */
function readResourceLinks(links: readonly ResourceLinkInput[], violations: Violations): ResourceLink[] {
  const seen = new Set<string>();
  return links.map((link, index) => {
    const url = webUrl(link.url.trim());
    if (url === null)
      violations.add(`links[${index}].url`, `${JSON.stringify(link.url).slice(0, 80)} is not an absolute http(s) URL of at most ${MAX_URL_LENGTH} characters`);
    const mediaType = link.mediaType.trim().toLowerCase();
    if (!MEDIA_TYPE.test(mediaType)) {
      violations.add(
        `links[${index}].mediaType`,
        `${JSON.stringify(link.mediaType).slice(0, 80)} is not a media type such as "application/pdf" or "text/html"`,
      );
    }
    let language: string | null = null;
    if (link.language !== undefined && link.language !== null) {
      language = canonicalLanguageTag(link.language.trim());
      if (language === null) violations.add(`links[${index}].language`, `${JSON.stringify(link.language).slice(0, 80)} is not a supported BCP 47 language tag`);
    }
    const key = `${url} ${language}`;
    if (url !== null && seen.has(key)) violations.add(`links[${index}].url`, "appears twice with the same language");
    seen.add(key);
    return { url: url ?? link.url, mediaType, language };
  });
}

/** Reports every malformed id of a list under `field[index]`. */
function checkIds(ids: readonly string[], field: string, violations: Violations): void {
  ids.forEach((id, index) => {
    if (!isUuid(id)) violations.add(`${field}[${index}]`, `${JSON.stringify(id).slice(0, 80)} is not a valid id (a UUID)`);
  });
}

/** One resource by id, or null; a malformed id is a client error. */
export function findResource(context: ResourcesContext, id: string): Promise<Resource | null> {
  return context.loaders.resourceById.load(requireUuid(id));
}

/** Adds the conditions of a filter to a query. */
function applyFilter(query: SelectQueryBuilder<Resource>, filter: ResourcesFilter | undefined): SelectQueryBuilder<Resource> {
  if (!filter) return query;
  const violations = new Violations();
  checkIds(filter.authorIds ?? [], "filter.authorIds", violations);
  checkIds(filter.publisherIds ?? [], "filter.publisherIds", violations);
  violations.throwIfAny();

  if (filter.kinds?.length) query.andWhere("resource.kind = ANY(:kinds)", { kinds: filter.kinds });
  // Countries are a list here (what the resource is about), not one column: matched by overlap below.
  applyDirectoryFilter(
    query,
    { ...filter, countries: undefined },
    {
      disciplines: "resource.disciplines",
      country: "resource.countries",
      languages: "resource.languages",
      network: "resource.network",
    },
  );
  if (filter.countries?.length) query.andWhere("resource.countries && :countries", { countries: filter.countries });
  if (filter.licences?.length) {
    query.andWhere("lower(resource.licence) = ANY(:licences)", { licences: filter.licences.map((licence) => licence.trim().toLowerCase()) });
  }
  if (filter.publishedAfter) query.andWhere("resource.publication_date >= :publishedAfter", { publishedAfter: filter.publishedAfter });
  if (filter.publishedBefore) query.andWhere("resource.publication_date < :publishedBefore", { publishedBefore: filter.publishedBefore });
  if (filter.authorIds?.length) {
    query.andWhere("EXISTS (SELECT 1 FROM resource_author author WHERE author.resource_id = resource.id AND author.person_id = ANY(:authorIds))", {
      authorIds: filter.authorIds,
    });
  }
  if (filter.publisherIds?.length) {
    query.andWhere(
      "EXISTS (SELECT 1 FROM resource_publisher publisher WHERE publisher.resource_id = resource.id AND publisher.organisation_id = ANY(:publisherIds))",
      { publisherIds: filter.publisherIds },
    );
  }
  if (filter.text) {
    // Titles are jsonb: match the text of every language version.
    query.andWhere("EXISTS (SELECT 1 FROM jsonb_array_elements(resource.title -> 'translations') AS translation WHERE translation ->> 'value' ILIKE :text)", {
      text: `%${escapeLike(filter.text)}%`,
    });
  }
  return query;
}

/** What `search` looks through on `resource`, and where snippets are cut from. */
const RESOURCE_SEARCH: SearchableTable = {
  schema: "resources",
  alias: "resource",
  snippetDocument: "concat_ws(' · ', resources.search_localized(resource.title), resources.search_localized(resource.summary))",
};

/** The facet dimensions of a list of resources. */
export type ResourcesFacetDimension = "kinds" | "licences" | "countries" | "languages" | "disciplines";

const RESOURCES_FACETS: Record<ResourcesFacetDimension, FacetDimension> = {
  kinds: { sql: "resource.kind" },
  licences: { sql: "resource.licence" },
  countries: { sql: "resource.countries", array: true },
  languages: { sql: "resource.languages", array: true },
  disciplines: { sql: "resource.disciplines", array: true },
};

/** A page of resources matching the filter and search, in the requested order (by relevance when searching), with facets. */
export function listResources(
  context: ResourcesContext,
  args: ResourcesArgs,
  selection?: ListSelection,
): Promise<SearchablePage<Resource, ResourcesFacetDimension>> {
  const search = normaliseSearch(args.search);
  const order = chooseOrder(args.orderBy, search, ResourceOrder.PUBLISHED);
  const query = applyPublicationFilter(
    applyFilter(context.dataSource.getRepository(Resource).createQueryBuilder("resource"), args.filter),
    "resource",
    context.viewer,
    args,
  );
  return paginateSearchable(query, args, {
    table: RESOURCE_SEARCH,
    search,
    order: order === ResourceOrder.RELEVANCE ? RELEVANCE : ORDERS[order],
    facets: RESOURCES_FACETS,
    facetExactLimit: facetExactLimitOf(context.settings),
    counted: selection?.counted,
  });
}

/** The ids a resource links to in other subgraphs, one join table each. */
export type RelationField = "authorIds" | "publisherIds" | "organisationIds" | "opportunityIds" | "eventIds";

/** Each relation: its join table (entity and column of the other end) and the owner that checks its ids. */
export const RELATIONS: Record<RelationField, { entity: new () => object; table: string; column: string; property: string; type: ReferencedType }> = {
  authorIds: { entity: ResourceAuthor, table: "resource_author", column: "person_id", property: "personId", type: "Person" },
  publisherIds: { entity: ResourcePublisher, table: "resource_publisher", column: "organisation_id", property: "organisationId", type: "Organisation" },
  organisationIds: {
    entity: ResourceOrganisation,
    table: "resource_organisation",
    column: "organisation_id",
    property: "organisationId",
    type: "Organisation",
  },
  opportunityIds: { entity: ResourceOpportunity, table: "resource_opportunity", column: "opportunity_id", property: "opportunityId", type: "Opportunity" },
  eventIds: { entity: ResourceEvent, table: "resource_event", column: "event_id", property: "eventId", type: "Event" },
};
const RELATION_FIELDS = Object.keys(RELATIONS) as RelationField[];

/** The relation ids a write gives; `undefined` keeps the current rows. */
type ResourceRelations = Partial<Record<RelationField, string[]>>;

/**
 * Copies validated input onto a resource; `undefined` leaves a field unchanged, `null` clears an optional
 * field and is refused for a required one.
 */
function assignFields(resource: Resource, input: CreateResourceInput | UpdateResourceInput, violations: Violations): void {
  const refuseNull = (field: string) => violations.add(field, "is required and cannot be cleared");
  if (input.kind !== undefined) {
    if (input.kind === null) refuseNull("kind");
    else resource.kind = input.kind;
  }
  if (input.title !== undefined) {
    if (input.title === null) refuseNull("title");
    else resource.title = toLocalizedText(input.title, "title", violations);
  }
  if (input.summary !== undefined) resource.summary = input.summary && toLocalizedText(input.summary, "summary", violations);
  if (input.body !== undefined) resource.body = input.body && toLocalizedText(input.body, "body", violations);
  if (input.publicationDate !== undefined) {
    if (input.publicationDate === null) refuseNull("publicationDate");
    else resource.publicationDate = input.publicationDate;
  }
  if (input.links !== undefined) {
    if (input.links === null) refuseNull("links");
    else resource.links = readResourceLinks(input.links, violations);
  }
  if (input.licence !== undefined) {
    if (input.licence === null || input.licence.trim() === "") resource.licence = null;
    else {
      const licence = canonicalLicence(input.licence);
      if (licence === null) {
        violations.add("licence", `${JSON.stringify(input.licence).slice(0, 80)} is not an SPDX licence id (e.g. "CC-BY-4.0"; see https://spdx.org/licenses/)`);
      } else resource.licence = licence;
    }
  }
  if (input.disciplines !== undefined) resource.disciplines = unique(input.disciplines ?? []);
  if (input.countries !== undefined) resource.countries = unique(input.countries ?? []);
  if (input.languages !== undefined) resource.languages = unique(input.languages ?? []);
  // A new resource without languages is available in those of its links.
  if (resource.id === undefined && input.languages === undefined && resource.links) {
    resource.languages = unique(resource.links.flatMap((link) => (link.language ? [link.language] : [])));
  }
}

function readRelations(input: CreateResourceInput | UpdateResourceInput, violations: Violations): ResourceRelations {
  const relations: ResourceRelations = {};
  for (const field of RELATION_FIELDS) {
    const given = input[field];
    if (given === undefined) continue;
    checkIds(given ?? [], field, violations);
    relations[field] = unique((given ?? []).map((id) => id.toLowerCase()));
  }
  return relations;
}

async function replaceRelations(manager: EntityManager, resourceId: string, relations: ResourceRelations, isNew: boolean): Promise<void> {
  for (const field of RELATION_FIELDS) {
    const ids = relations[field];
    if (!ids) continue;
    const { entity, property } = RELATIONS[field];
    if (!isNew) await manager.delete(entity, { resourceId });
    if (ids.length > 0)
      await manager.insert(
        entity,
        ids.map((id, position) => ({ resourceId, [property]: id, position })),
      );
  }
}

/** The relation ids a resource holds now (read past the request's loaders, which would keep them after the write). */
async function currentRelations(context: ResourcesContext, resourceId: string): Promise<Required<ResourceRelations>> {
  const entries = await Promise.all(
    RELATION_FIELDS.map(async (field) => {
      const { table, column } = RELATIONS[field];
      const rows: Array<{ id: string }> = await context.dataSource.query(`SELECT ${column} AS id FROM ${table} WHERE resource_id = $1 ORDER BY position`, [
        resourceId,
      ]);
      return [field, rows.map((row) => row.id)] as const;
    }),
  );
  return Object.fromEntries(entries) as Required<ResourceRelations>;
}

/**
 * Asks the owners (people, organisations, opportunities, events) whether the ids the write adds exist and are
 * visible to the writer (before any transaction). Ids the resource keeps are not asked again, so a person
 * hidden or erased since stays until the erasure feed removes them.
 */
async function checkRelations(context: ResourcesContext, relations: ResourceRelations, current?: Required<ResourceRelations>): Promise<void> {
  await checkReferences(
    context,
    RELATION_FIELDS.filter((field) => relations[field]).map((field) => ({
      type: RELATIONS[field].type,
      field,
      ids: addedIds(relations[field]!, current?.[field] ?? []),
    })),
  );
}

/**
 * How resources are written: their relations are child rows, replaced when given and checked with their
 * owners before the transaction; a change of them alone is still a change of the resource.
 */
const RESOURCE_WRITER = new NetworkRecordWriter<Resource, CreateResourceInput, UpdateResourceInput, ResourceRelations, ResourcesContext>({
  entity: Resource,
  typeName: "Resource",
  noun: "resource",
  newRecord: () => Object.assign(new Resource(), { summary: null, body: null, licence: null, disciplines: [], countries: [], languages: [] }),
  apply: (resource, input, violations) => {
    assignFields(resource, input, violations);
    const relations = readRelations(input, violations);
    if (resource.id !== undefined && Object.keys(relations).length > 0) resource.updatedAt = new Date();
    return relations;
  },
  links: currentRelations,
  prepare: async (context, { plan: relations, currentLinks: current }) => {
    if (Object.keys(relations).length > 0) await checkRelations(context, relations, (current as Required<ResourceRelations> | null) ?? undefined);
  },
  afterSave: (manager, resource, relations, { isNew }) => replaceRelations(manager, resource.id, relations, isNew),
  changeFeed: resourceChangeFeed,
});

/** Creates a resource with its relations after validating every field and reference; nothing is written when any is bad. Networks create only their own. */
export function createResource(context: ResourcesContext, input: CreateResourceInput): Promise<Resource> {
  return RESOURCE_WRITER.create(context, input);
}

/** Creates or updates the resource with the input's (network, sourceId), for idempotent sync; given relation lists replace the current ones. */
export function upsertResource(context: ResourcesContext, input: UpsertResourceInput): Promise<Resource> {
  return RESOURCE_WRITER.upsert(context, input);
}

/** Updates the given fields of a resource; given relation lists replace the current ones. Another network's resource is answered like an unknown id. */
export function updateResource(context: ResourcesContext, id: string, input: UpdateResourceInput): Promise<Resource> {
  return RESOURCE_WRITER.update(context, id, input);
}

/** Deletes a resource (its relation rows go with it); returns the id. */
export function deleteResource(context: ResourcesContext, id: string): Promise<string> {
  return RESOURCE_WRITER.delete(context, id);
}

/** The publishers of a resource as `Organisation` stubs, in the order given. */
export async function listPublishers(context: ResourcesContext, resource: Resource): Promise<Organisation[]> {
  return (await context.loaders.publisherIdsByResourceId.load(resource.id)).map((id) => Organisation.of({ id }));
}

/** The organisations a resource is about or came out of, as `Organisation` stubs. */
export async function listRelatedOrganisations(context: ResourcesContext, resource: Resource): Promise<Organisation[]> {
  return (await context.loaders.organisationIdsByResourceId.load(resource.id)).map((id) => Organisation.of({ id }));
}

/** A page of the resources an organisation published or is related to, most recently published first. */
export function listOrganisationResources(context: ResourcesContext, organisationId: string, window: PageWindow): Promise<Page<Resource>> {
  return context.loaders.resourcesByOrganisationId.load({ parentId: organisationId, first: window.first, after: window.after });
}

/** A page of the resources a person wrote, most recently published first. */
export function listAuthorResources(context: ResourcesContext, personId: string, window: PageWindow): Promise<Page<Resource>> {
  return context.loaders.resourcesByAuthorId.load({ parentId: personId, first: window.first, after: window.after });
}

/** A page of the resources related to an opportunity, most recently published first. */
export function listOpportunityResources(context: ResourcesContext, opportunityId: string, window: PageWindow): Promise<Page<Resource>> {
  return context.loaders.resourcesByOpportunityId.load({ parentId: opportunityId, first: window.first, after: window.after });
}

/** A page of the resources related to an event, most recently published first. */
export function listEventResources(context: ResourcesContext, eventId: string, window: PageWindow): Promise<Page<Resource>> {
  return context.loaders.resourcesByEventId.load({ parentId: eventId, first: window.first, after: window.after });
}
