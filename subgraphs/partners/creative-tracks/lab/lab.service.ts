import type { SelectQueryBuilder } from "typeorm";
import { expandDisciplines } from "@agora-hub/subgraph-kit";
import {
  escapeLike,
  type LocalizedText,
  type LocalizedTextInput,
  NetworkRecordWriter,
  requireUuid,
  requireWriter,
  toLocalizedText,
  unique,
  Violations,
} from "@agora-hub/subgraph-kit";
import { isUuid } from "@agora-hub/subgraph-kit";
import type { Page } from "@agora-hub/subgraph-kit";
import type { PageWindow } from "@agora-hub/subgraph-kit";
import type { KeysetOrder } from "@agora-hub/subgraph-kit";
import { paginate } from "@agora-hub/subgraph-kit";
import type { CreativeTracksContext } from "../creative-tracks.loaders";
import { Organisation } from "../organisation/organisation.stub";
import { Person } from "../person/person.stub";
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
  return Person.of({ id: lab.authorId });
}

/** The lab's host organisation, as a reference the gateway completes from the organisations subgraph. */
export function labHostOrganisation(lab: CreativeTracksLab): Organisation | null {
  return lab.hostOrganisationId ? Organisation.of({ id: lab.hostOrganisationId }) : null;
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

/** How labs are written: created and deleted, never changed; the kit authorises both for the lab's network. */
const LAB_WRITER = new NetworkRecordWriter<CreativeTracksLab, CreativeTracksCreateLabInput>({
  entity: CreativeTracksLab,
  typeName: "CreativeTracksLab",
  noun: "lab",
  newRecord: () => new CreativeTracksLab(),
  apply: (lab, input, violations) => {
    Object.assign(lab, {
      title: checkText(input.title, "title", MAX_TITLE_LENGTH, violations),
      description: checkText(input.description, "description", MAX_DESCRIPTION_LENGTH, violations),
      link: input.link ?? null,
      disciplines: unique(input.disciplines),
      lookingFor: unique(input.lookingFor),
      countriesSought: unique(input.countriesSought ?? []),
      expiresAt: input.expiresAt ?? null,
      authorId: input.authorId.toLowerCase(),
      hostOrganisationId: input.hostOrganisationId?.toLowerCase() ?? null,
    });
    checkId(input.authorId, "authorId", violations);
    checkId(input.hostOrganisationId, "hostOrganisationId", violations);
    checkExpiry(input.expiresAt, new Date(), violations);
  },
});

/** Creates a lab of the writer's own network after validating every field; nothing is written when any is bad. */
export function createLab(context: CreativeTracksContext, input: CreativeTracksCreateLabInput): Promise<CreativeTracksLab> {
  // The viewer comes from the hub's token: this network's subgraph takes labs from its own network (and the operator) only.
  requireWriter(context, CREATIVE_TRACKS_NETWORK);
  return LAB_WRITER.create(context, input);
}

/** Deletes a lab of the writer's own network; returns the id. Another network's lab is answered like an unknown id. */
export function deleteLab(context: CreativeTracksContext, id: string): Promise<string> {
  return LAB_WRITER.delete(context, id);
}
