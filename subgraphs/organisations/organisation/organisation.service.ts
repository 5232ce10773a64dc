import type { EntityManager, SelectQueryBuilder } from "typeorm";
import {
  facetExactLimitOf,
  applyDirectoryFilter,
  escapeLike,
  NetworkRecordWriter,
  chooseOrder,
  type FacetDimension,
  normaliseSearch,
  paginateSearchable,
  RELEVANCE,
  type SearchablePage,
  type SearchableTable,
  requireUuid,
  toLocalizedText,
  unique,
  Violations,
  type ListSelection,
  applyPublicationFilter,
} from "@agora-hub/subgraph-kit";
import type { KeysetOrder } from "@agora-hub/subgraph-kit";
import type { OrganisationsContext } from "../organisations.loaders";
import type { OrganisationsArgs, OrganisationsFilter } from "./organisation.args";
import { Organisation } from "./organisation.entity";
import type { CreateOrganisationInput, UpdateOrganisationInput, UpsertOrganisationInput } from "./organisation.inputs";
import { ORGANISATION_SLUG_PATTERN, OrganisationOrder } from "./organisation.type";
import { organisationChangeFeed } from "./organisation.changes";

const ORDERS: Record<Exclude<OrganisationOrder, OrganisationOrder.RELEVANCE>, KeysetOrder<Organisation>> = {
  [OrganisationOrder.NAME]: { column: "organisation.name", direction: "ASC", valueType: "text", valueOf: (organisation) => organisation.name },
  [OrganisationOrder.NEWEST]: {
    column: "organisation.created_at",
    direction: "DESC",
    valueType: "timestamp",
    valueOf: (organisation) => organisation.createdAt,
  },
};

/** Longest generated slug, leaving room for a `-2` style suffix under the 100-character limit. */
const MAX_GENERATED_SLUG = 80;

/** Latin letters that Unicode decomposition leaves alone but that have a usual ASCII spelling. */
const ASCII_SPELLINGS: Record<string, string> = { ı: "i", ø: "o", æ: "ae", œ: "oe", ß: "ss", đ: "d", ð: "d", ł: "l", þ: "th" };

/**
 * Lower-case kebab slug of a name ("Fondazione Pistoletto – Cittadellarte" → "fondazione-pistoletto-cittadellarte", "Dar Al-Ma'mûn" → "dar-al-mamun");
 * empty when the name has no Latin letters or digits.
 */
export function slugify(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[ıøæœßđðłþ]/g, (char) => ASCII_SPELLINGS[char])
      // Apostrophes join their words: "L'Art Rue" → "lart-rue".
      .replace(/['’ʼ]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, MAX_GENERATED_SLUG)
      .replace(/^-+|-+$/g, "")
  );
}

/** One organisation by id, or null; a malformed id is a client error. */
export function findOrganisation(context: OrganisationsContext, id: string): Promise<Organisation | null> {
  return context.loaders.organisationById.load(requireUuid(id));
}

/** One organisation by slug, or null; a string that cannot be a slug matches nothing. */
export async function findOrganisationBySlug(context: OrganisationsContext, slug: string): Promise<Organisation | null> {
  if (slug.length > 100 || !ORGANISATION_SLUG_PATTERN.test(slug)) return null;
  return context.loaders.organisationBySlug.load(slug);
}

function applyFilter(query: SelectQueryBuilder<Organisation>, filter: OrganisationsFilter | undefined): SelectQueryBuilder<Organisation> {
  if (!filter) return query;
  applyDirectoryFilter(query, filter, {
    disciplines: "organisation.disciplines",
    country: "organisation.country",
    languages: "organisation.working_languages",
    network: "organisation.network",
  });
  if (filter.kinds?.length) query.andWhere("organisation.kind = ANY(:kinds)", { kinds: filter.kinds });
  if (filter.services?.length) query.andWhere("organisation.services && :services", { services: filter.services });
  if (filter.text) query.andWhere("organisation.name ILIKE :text", { text: `%${escapeLike(filter.text)}%` });
  return query;
}

/** What `search` looks through on `organisation`, and where snippets are cut from. */
const ORGANISATION_SEARCH: SearchableTable = {
  schema: "organisations",
  alias: "organisation",
  snippetDocument: "concat_ws(' · ', organisation.name, organisations.search_localized(organisation.description))",
};

/** The facet dimensions of a list of organisations. */
export type OrganisationsFacetDimension = "kinds" | "services" | "countries" | "disciplines";

const ORGANISATIONS_FACETS: Record<OrganisationsFacetDimension, FacetDimension> = {
  kinds: { sql: "organisation.kind" },
  services: { sql: "organisation.services", array: true },
  countries: { sql: "organisation.country" },
  disciplines: { sql: "organisation.disciplines", array: true },
};

/** A page of organisations matching the filter and search, in the requested order (by relevance when searching), with facets. */
export async function listOrganisations(
  context: OrganisationsContext,
  args: OrganisationsArgs,
  selection?: ListSelection,
): Promise<SearchablePage<Organisation, OrganisationsFacetDimension>> {
  const search = normaliseSearch(args.search);
  const order = chooseOrder(args.orderBy, search, OrganisationOrder.NAME);
  const query = applyPublicationFilter(
    applyFilter(context.dataSource.getRepository(Organisation).createQueryBuilder("organisation"), args.filter),
    "organisation",
    context.viewer,
    args,
  );
  const page = await paginateSearchable(query, args, {
    table: ORGANISATION_SEARCH,
    search,
    order: order === OrganisationOrder.RELEVANCE ? RELEVANCE : ORDERS[order],
    facets: ORGANISATIONS_FACETS,
    facetExactLimit: facetExactLimitOf(context.settings),
    counted: selection?.counted,
  });
  // Memberships of these organisations often point back at them: answer those from the cache.
  for (const { node } of page.edges) context.loaders.organisationById.prime(node.id, node);
  return page;
}

/** Copies validated input onto an organisation; `undefined` leaves a field unchanged, `null` clears it. */
function assignFields(organisation: Organisation, input: CreateOrganisationInput | UpdateOrganisationInput, violations: Violations): void {
  if (input.name !== undefined) {
    const name = input.name?.trim();
    if (!name) violations.add("name", "must not be empty");
    else organisation.name = name;
  }
  if (input.slug === null) violations.add("slug", "cannot be cleared");
  else if (input.slug !== undefined) organisation.slug = input.slug;
  if (input.kind === null) violations.add("kind", "cannot be cleared");
  else if (input.kind !== undefined) organisation.kind = input.kind;
  if (input.country === null) violations.add("country", "cannot be cleared");
  else if (input.country !== undefined) organisation.country = input.country;
  if (input.description !== undefined) {
    organisation.description = input.description && toLocalizedText(input.description, "description", violations);
  }
  if (input.disciplines !== undefined) organisation.disciplines = unique(input.disciplines ?? []);
  if (input.services !== undefined) organisation.services = unique(input.services ?? []);
  if (input.city !== undefined) organisation.city = input.city?.trim() || null;
  if (input.website !== undefined) organisation.website = input.website;
  if (input.workingLanguages !== undefined) organisation.workingLanguages = unique(input.workingLanguages ?? []);
}

/** The slug generated from a name: its kebab form, or the first of `-2`, `-3`… not yet taken. */
async function generateSlug(manager: EntityManager, name: string): Promise<string> {
  const base = slugify(name) || "organisation";
  const rows: Array<{ slug: string }> = await manager.query("SELECT slug FROM organisation WHERE slug = $1 OR slug LIKE $2", [base, `${escapeLike(base)}-%`]);
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix++;
  return `${base}-${suffix}`;
}

/**
 * How organisations are written: a new one without a slug gets one generated from its name (inside the
 * transaction, so it is free when written); a taken slug is refused naming `slug`.
 */
const ORGANISATION_WRITER = new NetworkRecordWriter<Organisation, CreateOrganisationInput, UpdateOrganisationInput>({
  entity: Organisation,
  typeName: "Organisation",
  noun: "organisation",
  newRecord: () => Object.assign(new Organisation(), { description: null, disciplines: [], services: [], city: null, website: null, workingLanguages: [] }),
  apply: assignFields,
  beforeSave: async (manager, organisation) => {
    // Only a new organisation given no slug has none; a stored one keeps its slug unless a new one is given.
    if (organisation.slug === undefined) organisation.slug = await generateSlug(manager, organisation.name);
  },
  uniqueViolation: (constraint, organisation) =>
    constraint === "organisation_slug" ? { field: "slug", message: `${organisation.slug} is already used by another organisation` } : undefined,
  changeFeed: organisationChangeFeed,
});

/** Creates an organisation after validating every field; nothing is written when any is bad. Networks create only their own. */
export function createOrganisation(context: OrganisationsContext, input: CreateOrganisationInput): Promise<Organisation> {
  return ORGANISATION_WRITER.create(context, input);
}

/**
 * Creates or updates the organisation with the input's (network, sourceId), for idempotent sync: on update,
 * omitted fields stay as they are and the slug changes only when given, as in `updateOrganisation`.
 */
export function upsertOrganisation(context: OrganisationsContext, input: UpsertOrganisationInput): Promise<Organisation> {
  return ORGANISATION_WRITER.upsert(context, input);
}

/** Updates the given fields of an organisation; its slug changes only when a new one is given. Another network's organisation is answered like an unknown id. */
export function updateOrganisation(context: OrganisationsContext, id: string, input: UpdateOrganisationInput): Promise<Organisation> {
  return ORGANISATION_WRITER.update(context, id, input);
}

/** Deletes an organisation with its memberships (both as the organisation joined and as a member); returns the id. */
export function deleteOrganisation(context: OrganisationsContext, id: string): Promise<string> {
  return ORGANISATION_WRITER.delete(context, id);
}
