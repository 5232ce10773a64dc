import type { SelectQueryBuilder } from "typeorm";
import { expandDisciplines } from "@agora-hub/runtime";
import { badUserInput, escapeLike, isUniqueViolation, type LocalizedText, type LocalizedTextInput, notFound, requireUuid, requireWriter, toLocalizedText, unique, Violations, writableBy } from "@agora-hub/subgraph-kit";
import { isUuid } from "@agora-hub/runtime";
import { type Page } from "@agora-hub/subgraph-kit";
import { type PageWindow } from "@agora-hub/subgraph-kit";
import { type KeysetOrder } from "@agora-hub/subgraph-kit";
import { paginate } from "@agora-hub/subgraph-kit";
import type { CreativeTracksContext } from "../creative-tracks.loaders";
import { type Organisation, organisationStub } from "../organisation/organisation.stub";
import { type Person, personStub } from "../person/person.stub";
import type { CreativeTracksLabsArgs, CreativeTracksLabsFilter } from "./lab.args";
import { CreativeTracksLab } from "./lab.entity";
import { type CreativeTracksCreateLabInput, MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from "./lab.inputs";
import { CreativeTracksLabStatus } from "./lab.type";

/** The network whose subgraph this is: only its API keys (and the hub's operator) write labs here. */
export const CREATIVE_TRACKS_NETWORK = "creative-tracks";

/** A lab may stay open for at most two years: matchmaking favours fresh requests. */
const MAX_LAB_LIFETIME_MS = 2 * 366 * 24 * 60 * 60 * 1000;

const NEWEST_FIRST: KeysetOrder<CreativeTracksLab> = { column: "lab.created_at", direction: "DESC", valueType: "timestamp", valueOf: (lab) => lab.createdAt };

/** OPEN until the expiry date passes; a lab without one stays open. */
export function labStatus(lab: CreativeTracksLab, now: Date = new Date()): CreativeTracksLabStatus {
  return lab.expiresAt && lab.expiresAt.getTime() <= now.getTime() ? CreativeTracksLabStatus.EXPIRED : CreativeTracksLabStatus.OPEN;
}

/** The lab's author, as a reference the gateway completes from the people subgraph. */
export function labAuthor(lab: CreativeTracksLab): Person {
  return personStub(lab.authorId);
}

/** The lab's host organisation, as a reference the gateway completes from the organisations subgraph. */
export function labHostOrganisation(lab: CreativeTracksLab): Organisation | null {
  return lab.hostOrganisationId ? organisationStub(lab.hostOrganisationId) : null;
}

/** One lab by id, or null; a malformed id is a client error. */
export function findLab(context: CreativeTracksContext, id: string): Promise<CreativeTracksLab | null> {
  return context.loaders.labById.load(requireUuid(id));
}

function applyFilter(query: SelectQueryBuilder<CreativeTracksLab>, filter: CreativeTracksLabsFilter | undefined): SelectQueryBuilder<CreativeTracksLab> {
  if (!filter) return query;
  if (filter.disciplines?.length) query.andWhere("lab.disciplines && :disciplines", { disciplines: expandDisciplines(filter.disciplines) });
  if (filter.countriesSought?.length) query.andWhere("lab.countries_sought && :countriesSought", { countriesSought: filter.countriesSought });
  if (filter.lookingFor?.length) query.andWhere("lab.looking_for && :lookingFor", { lookingFor: filter.lookingFor });
  if (filter.openOnly) query.andWhere("(lab.expires_at IS NULL OR lab.expires_at > now())");
  if (filter.text) {
    query.andWhere(
      "EXISTS (SELECT 1 FROM jsonb_array_elements((lab.title -> 'translations') || (lab.description -> 'translations')) AS version WHERE version ->> 'value' ILIKE :text)",
      { text: `%${escapeLike(filter.text)}%` },
    );
  }
  return query;
}

/** A page of labs matching the filter, newest first. */
export function listLabs(context: CreativeTracksContext, args: CreativeTracksLabsArgs): Promise<Page<CreativeTracksLab>> {
  const query = applyFilter(context.dataSource.getRepository(CreativeTracksLab).createQueryBuilder("lab"), args.filter);
  return paginate(query, args, NEWEST_FIRST);
}

/** A page of the labs an organisation hosts, newest first; batched across organisations. */
export function listHostedLabs(context: CreativeTracksContext, organisationId: string, page: PageWindow): Promise<Page<CreativeTracksLab>> {
  return context.loaders.labsByHostOrganisationId.load({ parentId: organisationId, first: page.first, after: page.after });
}

/** Checks a multilingual text like the kit does, plus a length cap per language version. */
function checkText(input: LocalizedTextInput, field: string, maxLength: number, violations: Violations): LocalizedText {
  input.translations.forEach((translation, index) => {
    if (translation.value.trim().length > maxLength) violations.add(`${field}.translations[${index}].value`, `must be at most ${maxLength} characters`);
  });
  return toLocalizedText(input, field, violations);
}

function checkId(id: string | null | undefined, field: string, violations: Violations): void {
  if (id != null && !isUuid(id)) violations.add(field, `${JSON.stringify(id).slice(0, 80)} is not a valid id (a UUID)`);
}

function checkExpiry(expiresAt: Date | null | undefined, now: Date, violations: Violations): void {
  if (!expiresAt) return;
  if (expiresAt.getTime() <= now.getTime()) violations.add("expiresAt", "must be in the future");
  else if (expiresAt.getTime() - now.getTime() > MAX_LAB_LIFETIME_MS) violations.add("expiresAt", "must be at most two years ahead");
}

/** Creates a lab after validating every field; nothing is written when any is bad. */
export async function createLab(context: CreativeTracksContext, input: CreativeTracksCreateLabInput): Promise<CreativeTracksLab> {
  // The viewer comes from the hub's token: anonymous is UNAUTHENTICATED, another network's key FORBIDDEN.
  requireWriter(context, CREATIVE_TRACKS_NETWORK);
  requireWriter(context, input.network);
  const violations = new Violations();
  const title = checkText(input.title, "title", MAX_TITLE_LENGTH, violations);
  const description = checkText(input.description, "description", MAX_DESCRIPTION_LENGTH, violations);
  checkId(input.authorId, "authorId", violations);
  checkId(input.hostOrganisationId, "hostOrganisationId", violations);
  checkExpiry(input.expiresAt, new Date(), violations);
  violations.throwIfAny();

  const lab = Object.assign(new CreativeTracksLab(), {
    network: input.network,
    sourceId: input.sourceId ?? null,
    title,
    description,
    link: input.link ?? null,
    disciplines: unique(input.disciplines),
    lookingFor: unique(input.lookingFor),
    countriesSought: unique(input.countriesSought ?? []),
    expiresAt: input.expiresAt ?? null,
    authorId: input.authorId.toLowerCase(),
    hostOrganisationId: input.hostOrganisationId?.toLowerCase() ?? null,
  });
  try {
    return await context.dataSource.transaction((manager) => manager.save(lab));
  } catch (error) {
    if (isUniqueViolation(error)) throw badUserInput({ field: "sourceId", message: `is already used by another lab of network ${lab.network}` });
    throw error;
  }
}

/** Deletes a lab; returns the id. Another network's key finds no lab to delete, as with an unknown id. */
export async function deleteLab(context: CreativeTracksContext, id: string): Promise<string> {
  const scope = writableBy(context);
  const result = await context.dataSource.getRepository(CreativeTracksLab).delete({ id: requireUuid(id), ...scope });
  if (!result.affected) throw notFound("CreativeTracksLab", id);
  return id;
}
