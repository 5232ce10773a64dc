import type DataLoader from "dataloader";
import {
  applyPublicationFilter,
  type KeysetOrder,
  paginate,
  type PublicationPageArgs,
  badUserInput,
  checkReferences,
  type ChildrenPageKey,
  isForeignKeyViolation,
  NetworkRecordWriter,
  requireWriter,
  Violations,
} from "@agora-hub/subgraph-kit";
import { isUuid } from "@agora-hub/runtime";
import type { Page } from "@agora-hub/subgraph-kit";
import type { PageWindow } from "@agora-hub/subgraph-kit";
import type { Organisation } from "../organisation/organisation.entity";
import type { OrganisationsContext } from "../organisations.loaders";
import { Membership } from "./membership.entity";
import type { CreateMembershipInput, UpdateMembershipInput } from "./membership.inputs";

/**
 * A create input with the organisations it names, looked up before the write: `apply` does no I/O, and
 * an unknown organisation is reported with the input's other violations.
 */
interface MembershipCreate extends CreateMembershipInput {
  /** The organisation joined; null when no organisation has the id, undefined when the id is malformed (not looked up). */
  organisation: Organisation | null | undefined;
  /** The member organisation, likewise; undefined too when none is given. */
  memberOrganisation: Organisation | null | undefined;
}

/** Adds a violation unless `value` is a UUID. */
function checkId(value: string, field: string, violations: Violations): void {
  if (!isUuid(value)) violations.add(field, `${JSON.stringify(value).slice(0, 80)} is not a valid id (a UUID)`);
}

/** Looks up the organisations a new membership names (one query through the loader); malformed ids are not looked up. */
async function withOrganisations(context: OrganisationsContext, input: CreateMembershipInput): Promise<MembershipCreate> {
  const lookUp = (id: string | null | undefined) => (id && isUuid(id) ? context.loaders.organisationById.load(id) : undefined);
  const [organisation, memberOrganisation] = await Promise.all([lookUp(input.organisationId), lookUp(input.memberOrganisationId)]);
  return { ...input, organisation, memberOrganisation };
}

/** Sets the organisation and the member of a new membership: exactly one member, neither the organisation itself, all known. */
function assignMember(membership: Membership, input: MembershipCreate, violations: Violations): void {
  const personId = input.personId ?? null;
  const memberOrganisationId = input.memberOrganisationId ?? null;
  checkId(input.organisationId, "organisationId", violations);
  if ((personId === null) === (memberOrganisationId === null)) {
    violations.add("personId", "give exactly one of personId and memberOrganisationId");
  }
  if (personId !== null) checkId(personId, "personId", violations);
  if (memberOrganisationId !== null) checkId(memberOrganisationId, "memberOrganisationId", violations);
  if (memberOrganisationId !== null && memberOrganisationId.toLowerCase() === input.organisationId.toLowerCase()) {
    violations.add("memberOrganisationId", "must differ from organisationId: an organisation is not its own member");
  }
  if (input.organisation === null) violations.add("organisationId", `no organisation has the id ${input.organisationId}`);
  if (input.memberOrganisation === null) violations.add("memberOrganisationId", `no organisation has the id ${memberOrganisationId}`);
  // Stored as the database spells them, so ids compare equal however the client cased them.
  membership.organisationId = input.organisation?.id ?? input.organisationId;
  membership.personId = personId?.toLowerCase() ?? null;
  membership.memberOrganisationId = input.memberOrganisation?.id ?? memberOrganisationId;
}

/** Copies validated input onto a membership, then checks the dates against each other. */
function assignFields(membership: Membership, input: CreateMembershipInput | UpdateMembershipInput, violations: Violations): void {
  if (input.role === null) violations.add("role", "cannot be cleared");
  else if (input.role !== undefined) membership.role = input.role;
  if (input.title !== undefined) membership.title = input.title?.trim() || null;
  if (input.since !== undefined) membership.since = input.since;
  if (input.until !== undefined) membership.until = input.until;
  // Both are `YYYY-MM-DD`, so comparing the strings compares the dates.
  if (membership.since !== null && membership.until !== null && membership.until < membership.since) {
    violations.add("until", `must not be before since (${membership.since})`);
  }
}

/**
 * How memberships are written: the member is set on create only (an update input has no member fields), so
 * only a create asks the people subgraph, before the transaction, whether the person exists and is visible to
 * the writer. A second open-ended membership in the same role is refused naming `role`.
 */
const MEMBERSHIP_WRITER = new NetworkRecordWriter<Membership, MembershipCreate, UpdateMembershipInput, void, OrganisationsContext>({
  entity: Membership,
  typeName: "Membership",
  noun: "membership",
  newRecord: () => Object.assign(new Membership(), { personId: null, memberOrganisationId: null, title: null, since: null, until: null }),
  apply: (membership, input, violations) => {
    if ("organisationId" in input) assignMember(membership, input, violations);
    assignFields(membership, input, violations);
  },
  prepare: async (context, { record, stored }) => {
    if (stored === null && record.personId !== null) await checkReferences(context, [{ type: "Person", field: "personId", ids: [record.personId] }]);
  },
  uniqueViolation: (constraint, membership) =>
    constraint.startsWith("membership_open_")
      ? { field: "role", message: `the member already holds the role ${membership.role} in this organisation with no end date` }
      : undefined,
});

/**
 * Creates a membership after validating every field. The organisations involved must exist here; a person
 * lives in the people subgraph, which is asked (before the transaction) whether they exist and are visible
 * to the writer. The membership's own network is what counts, whoever owns the organisations it links.
 */
export async function createMembership(context: OrganisationsContext, input: CreateMembershipInput): Promise<Membership> {
  // Before the organisations are read, so a refused writer costs no query; the writer checks again, at no cost.
  requireWriter(context, input.network);
  const write = await withOrganisations(context, input);
  try {
    return await MEMBERSHIP_WRITER.create(context, write);
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    // An organisation was deleted between the lookup and the write.
    const constraint = (error as { constraint?: string }).constraint ?? "";
    throw badUserInput({
      field: constraint.includes("member_organisation") ? "memberOrganisationId" : "organisationId",
      message: "no organisation has this id",
    });
  }
}

/** Updates the role, title or dates of a membership; another network's membership is answered like an unknown id. */
export function updateMembership(context: OrganisationsContext, id: string, input: UpdateMembershipInput): Promise<Membership> {
  return MEMBERSHIP_WRITER.update(context, id, input);
}

/** Deletes a membership; returns the id. Another network's membership is answered like an unknown id. */
export function deleteMembership(context: OrganisationsContext, id: string): Promise<string> {
  return MEMBERSHIP_WRITER.delete(context, id);
}

/** The organisation a membership is in. */
export function membershipOrganisation(context: OrganisationsContext, membership: Membership): Promise<Organisation | null> {
  return context.loaders.organisationById.load(membership.organisationId);
}

/** The member organisation of a membership, or null when the member is a person. */
export async function membershipMemberOrganisation(context: OrganisationsContext, membership: Membership): Promise<Organisation | null> {
  return membership.memberOrganisationId ? context.loaders.organisationById.load(membership.memberOrganisationId) : null;
}

/** Reads a page of a parent's memberships; the loader refuses a bad cursor for its own keys only. */
function pageOf(loader: DataLoader<ChildrenPageKey, Page<Membership>, string>, parentId: string, window: PageWindow): Promise<Page<Membership>> {
  return loader.load({ parentId, first: window.first, after: window.after ?? null });
}

/** A page of a person's memberships, batched with those of the other people in the request. */
export function personMemberships(context: OrganisationsContext, personId: string, window: PageWindow): Promise<Page<Membership>> {
  return pageOf(context.loaders.membershipsByPersonId, personId, window);
}

/** A page of an organisation's members (people and organisations), batched across organisations. */
export function organisationMembers(context: OrganisationsContext, organisationId: string, window: PageWindow): Promise<Page<Membership>> {
  return pageOf(context.loaders.membershipsByOrganisationId, organisationId, window);
}

/** A page of the memberships an organisation holds in others (e.g. networks), batched across organisations. */
export function organisationMemberOf(context: OrganisationsContext, organisationId: string, window: PageWindow): Promise<Page<Membership>> {
  return pageOf(context.loaders.membershipsByMemberOrganisationId, organisationId, window);
}

/** Memberships of every organisation, oldest first (the review queue is worked through in order). */
const MEMBERSHIPS_ORDER: KeysetOrder<Membership> = {
  column: "membership.created_at",
  direction: "ASC",
  valueType: "timestamp",
  valueOf: (membership) => membership.createdAt,
};

/**
 * A page of memberships across organisations, PUBLISHED ones unless `publicationStates` asks for others (a
 * network's own, every network's for moderators and the operator): how a moderator finds memberships waiting for review.
 */
export function listMemberships(context: OrganisationsContext, args: PublicationPageArgs): Promise<Page<Membership>> {
  const query = applyPublicationFilter(context.dataSource.getRepository(Membership).createQueryBuilder("membership"), "membership", context.viewer, args);
  return paginate(query, args, MEMBERSHIPS_ORDER);
}
