import type { SelectQueryBuilder } from "typeorm";
import {
  facetExactLimitOf,
  applyDirectoryFilter,
  escapeLike,
  NetworkRecordWriter,
  notFound,
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
import { isUuid } from "@agora-hub/runtime";
import type { KeysetOrder } from "@agora-hub/subgraph-kit";
import { Person } from "./person.entity";
import type { CreatePersonInput, UpdatePersonInput, UpsertPersonInput } from "./person.inputs";
import type { PeopleArgs, PeopleFilter } from "./person.args";
import { erasePerson } from "../erasure/person-erasure.service";
import { PersonErasureStatus } from "../erasure/person-erasure.type";
import { PersonOrder } from "./person.type";
import { applyPersonVisibility, canSeePerson } from "./person.visibility";
import { personChangeFeed } from "./person.changes";

/** Context of a request to the people subgraph. */
import type { PeopleContext } from "./person.loaders";

export type { PeopleContext };

const ORDERS: Record<Exclude<PersonOrder, PersonOrder.RELEVANCE>, KeysetOrder<Person>> = {
  [PersonOrder.NAME]: { column: "person.display_name", direction: "ASC", valueType: "text", valueOf: (person) => person.displayName },
  [PersonOrder.NEWEST]: { column: "person.created_at", direction: "DESC", valueType: "timestamp", valueOf: (person) => person.createdAt },
};

/** One person by id, or null when unknown or not visible to the viewer; a malformed id is a client error. */
export async function findPerson(context: PeopleContext, id: string): Promise<Person | null> {
  return visibleOrNull(context, await context.loaders.personById.load(requireUuid(id)));
}

/**
 * The people among `ids` the viewer may see, in the order given: unknown, malformed and hidden ids are
 * left out. Every subgraph's reference to a person (a speaker, a member, a contact) is resolved here, so a
 * hidden person's id never leaves this subgraph, not even to partners' `_entities` calls.
 */
export async function visiblePeople(context: PeopleContext, ids: readonly unknown[]): Promise<Person[]> {
  const wellFormed = ids.filter((id): id is string => typeof id === "string" && isUuid(id));
  const people = await context.loaders.personById.loadMany(wellFormed);
  return people.filter((person): person is Person => person instanceof Person && canSeePerson(context.viewer, person));
}

/** The person when the viewer may see them, else null (the same answer as for an unknown id). */
export function visibleOrNull(context: PeopleContext, person: Person | null): Person | null {
  return person && canSeePerson(context.viewer, person) ? person : null;
}

function applyFilter(query: SelectQueryBuilder<Person>, filter: PeopleFilter | undefined): SelectQueryBuilder<Person> {
  if (!filter) return query;
  applyDirectoryFilter(query, filter, {
    disciplines: "person.disciplines",
    country: "person.country",
    languages: "person.spoken_languages",
    network: "person.network",
  });
  if (filter.openTo?.length) query.andWhere("person.open_to && :openTo", { openTo: filter.openTo });
  if (filter.careerStages?.length) query.andWhere("person.career_stage = ANY(:careerStages)", { careerStages: filter.careerStages });
  if (filter.text) query.andWhere("person.display_name ILIKE :text", { text: `%${escapeLike(filter.text)}%` });
  return query;
}

/** What `search` looks through on `person`, and where snippets are cut from. */
const PERSON_SEARCH: SearchableTable = {
  schema: "people",
  alias: "person",
  snippetDocument: "concat_ws(' · ', person.display_name, people.search_localized(person.headline), people.search_localized(person.bio))",
};

/** The facet dimensions of a list of people. */
export type PeopleFacetDimension = "disciplines" | "countries" | "languages" | "networks" | "openTo";

const PEOPLE_FACETS: Record<PeopleFacetDimension, FacetDimension> = {
  disciplines: { sql: "person.disciplines", array: true },
  countries: { sql: "person.country" },
  languages: { sql: "person.spoken_languages", array: true },
  networks: { sql: "person.network" },
  openTo: { sql: "person.open_to", array: true },
};

/**
 * A page of the people the viewer may see that match the filter and search, in the requested order
 * (by relevance when searching), with facet counts over the same people.
 */
export function listPeople(context: PeopleContext, args: PeopleArgs, selection?: ListSelection): Promise<SearchablePage<Person, PeopleFacetDimension>> {
  const search = normaliseSearch(args.search);
  const order = chooseOrder(args.orderBy, search, PersonOrder.NAME);
  // Visibility comes first so that non-consenting people are neither listed nor counted in facets.
  const query = applyPublicationFilter(
    applyPersonVisibility(applyFilter(context.dataSource.getRepository(Person).createQueryBuilder("person"), args.filter), context.viewer),
    "person",
    context.viewer,
    args,
  );
  return paginateSearchable(query, args, {
    table: PERSON_SEARCH,
    search,
    order: order === PersonOrder.RELEVANCE ? RELEVANCE : ORDERS[order],
    facets: PEOPLE_FACETS,
    facetExactLimit: facetExactLimitOf(context.settings),
    counted: selection?.counted,
  });
}

/** Copies validated input onto a person; `undefined` leaves a field unchanged, `null` clears it. */
function assignFields(person: Person, input: CreatePersonInput | UpdatePersonInput, violations: Violations): void {
  if (input.displayName !== undefined) {
    const displayName = input.displayName?.trim();
    if (!displayName) violations.add("displayName", "must not be empty");
    else person.displayName = displayName;
  }
  if (input.headline !== undefined) person.headline = input.headline && toLocalizedText(input.headline, "headline", violations);
  if (input.bio !== undefined) person.bio = input.bio && toLocalizedText(input.bio, "bio", violations);
  if (input.disciplines !== undefined) person.disciplines = unique(input.disciplines ?? []);
  if (input.skills !== undefined) person.skills = unique((input.skills ?? []).map((skill) => skill.trim()).filter(Boolean));
  if (input.spokenLanguages !== undefined) person.spokenLanguages = unique(input.spokenLanguages ?? []);
  if (input.country !== undefined) person.country = input.country;
  if (input.city !== undefined) person.city = input.city?.trim() || null;
  if (input.website !== undefined) person.website = input.website;
  if (input.socialLinks !== undefined) person.socialLinks = (input.socialLinks ?? []).map(({ platform, url }) => ({ platform, url }));
  if (input.openTo !== undefined) person.openTo = unique(input.openTo ?? []);
  if (input.careerStage !== undefined) person.careerStage = input.careerStage;
  if (input.discoverable !== undefined) person.discoverable = input.discoverable ?? false;
  if (input.contactEmail !== undefined) person.contactEmail = input.contactEmail?.trim().toLowerCase() || null;
}

/** How people are written: every optional field of a new person empty, the input copied and validated by `assignFields`. */
const PERSON_WRITER = new NetworkRecordWriter<Person, CreatePersonInput, UpdatePersonInput>({
  entity: Person,
  typeName: "Person",
  noun: "person",
  // Only its network and the operator read it, so changing it sends a published person back to no review.
  privateFields: ["contactEmail"],
  newRecord: () =>
    Object.assign(new Person(), {
      headline: null,
      bio: null,
      disciplines: [],
      skills: [],
      spokenLanguages: [],
      country: null,
      city: null,
      website: null,
      socialLinks: [],
      openTo: [],
      careerStage: null,
      discoverable: false,
      contactEmail: null,
    }),
  apply: assignFields,
  changeFeed: personChangeFeed,
});

/** Creates a person after validating every field; nothing is written when any is bad. Networks create only their own. */
export function createPerson(context: PeopleContext, input: CreatePersonInput): Promise<Person> {
  return PERSON_WRITER.create(context, input);
}

/**
 * Creates or updates the person with the input's (network, sourceId), for idempotent sync: on update,
 * omitted fields stay as they are and null clears one, as in `updatePerson`.
 */
export function upsertPerson(context: PeopleContext, input: UpsertPersonInput): Promise<Person> {
  return PERSON_WRITER.upsert(context, input);
}

/** Updates the given fields of a person; another network's person is answered like an unknown id. */
export function updatePerson(context: PeopleContext, id: string, input: UpdatePersonInput): Promise<Person> {
  return PERSON_WRITER.update(context, id, input);
}

/** Deletes a person; returns the id. Another network's person is answered like an unknown id. */
export async function deletePerson(context: PeopleContext, id: string): Promise<string> {
  // Deleting a person is an erasure: the same audit entry and feed, so other subgraphs drop their references.
  const erasure = await erasePerson(context, id);
  if (erasure.status !== PersonErasureStatus.ERASED) throw notFound("Person", id);
  return id;
}
