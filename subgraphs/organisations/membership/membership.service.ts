import type DataLoader from "dataloader";
import {
  badUserInput,
  checkReferences,
  type ChildrenPageKey,
  isForeignKeyViolation,
  isUniqueViolation,
  notFound,
  requireUuid,
  requireWriter,
  Violations,
  writableBy,
} from "@agora-hub/subgraph-kit";
import { isUuid } from "@agora-hub/runtime";
import type { Page } from "@agora-hub/subgraph-kit";
import type { PageWindow } from "@agora-hub/subgraph-kit";
import type { Organisation } from "../organisation/organisation.entity";
import type { OrganisationsContext } from "../organisations.loaders";
import { Membership } from "./membership.entity";
import type { CreateMembershipInput, UpdateMembershipInput } from "./membership.inputs";

/** Adds a violation unless `value` is a UUID; true when it is one. */
function checkId(value: string, field: string, violations: Violations): boolean {
  if (isUuid(value)) return true;
  violations.add(field, `${JSON.stringify(value).slice(0, 80)} is not a valid id (a UUID)`);
  return false;
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

async function save(context: OrganisationsContext, membership: Membership): Promise<Membership> {
  try {
    return await context.dataSource.transaction((manager) => manager.save(membership));
  } catch (error) {
    const constraint = (error as { constraint?: string }).constraint ?? "";
    if (isUniqueViolation(error) && constraint.startsWith("membership_open_")) {
      throw badUserInput({
        field: "role",
        message: `the member already holds the role ${membership.role} in this organisation with no end date`,
      });
    }
    if (isUniqueViolation(error)) {
      throw badUserInput({ field: "sourceId", message: `is already used by another membership of network ${membership.network}` });
    }
    // The organisation was deleted between the check and the write.
    if (isForeignKeyViolation(error)) {
      const field = constraint.includes("member_organisation") ? "memberOrganisationId" : "organisationId";
      throw badUserInput({ field, message: "no organisation has this id" });
    }
    throw error;
  }
}

/**
 * Creates a membership after validating every field. The organisations involved must exist here; a person
 * lives in the people subgraph, which is asked (before the transaction) whether they exist and are visible
 * to the writer. The member cannot change afterwards, so updates need no such check.
 */
export async function createMembership(context: OrganisationsContext, input: CreateMembershipInput): Promise<Membership> {
  // The membership's own network is what counts, whoever owns the organisations it links.
  requireWriter(context, input.network);
  const violations = new Violations();
  const personId = input.personId ?? null;
  const memberOrganisationId = input.memberOrganisationId ?? null;
  const organisationIdValid = checkId(input.organisationId, "organisationId", violations);
  if ((personId === null) === (memberOrganisationId === null)) {
    violations.add("personId", "give exactly one of personId and memberOrganisationId");
  }
  if (personId !== null) checkId(personId, "personId", violations);
  const memberOrganisationIdValid = memberOrganisationId !== null && checkId(memberOrganisationId, "memberOrganisationId", violations);
  if (memberOrganisationId !== null && memberOrganisationId.toLowerCase() === input.organisationId.toLowerCase()) {
    violations.add("memberOrganisationId", "must differ from organisationId: an organisation is not its own member");
  }
  // Both lookups go out as one query through the loader.
  const [organisation, memberOrganisation] = await Promise.all([
    organisationIdValid ? context.loaders.organisationById.load(input.organisationId) : undefined,
    memberOrganisationIdValid ? context.loaders.organisationById.load(memberOrganisationId) : undefined,
  ]);
  if (organisation === null) violations.add("organisationId", `no organisation has the id ${input.organisationId}`);
  if (memberOrganisation === null) violations.add("memberOrganisationId", `no organisation has the id ${memberOrganisationId}`);

  const membership = Object.assign(new Membership(), {
    network: input.network,
    sourceId: input.sourceId ?? null,
    // Stored as the database spells them, so ids compare equal however the client cased them.
    organisationId: organisation?.id ?? input.organisationId,
    personId: personId?.toLowerCase() ?? null,
    memberOrganisationId: memberOrganisation?.id ?? memberOrganisationId,
    title: null,
    since: null,
    until: null,
  });
  assignFields(membership, input, violations);
  violations.throwIfAny();
  await checkReferences(context, [{ type: "Person", field: "personId", ids: membership.personId ? [membership.personId] : [] }]);
  return save(context, membership);
}

/** Updates the role, title or dates of a membership; another network's membership is answered like an unknown id. */
export async function updateMembership(context: OrganisationsContext, id: string, input: UpdateMembershipInput): Promise<Membership> {
  const writable = writableBy(context);
  const membership = await context.dataSource.getRepository(Membership).findOneBy({ id: requireUuid(id), ...writable });
  if (!membership) throw notFound("Membership", id);
  const violations = new Violations();
  assignFields(membership, input, violations);
  violations.throwIfAny();
  return save(context, membership);
}

/** Deletes a membership; returns the id. Another network's membership is answered like an unknown id. */
export async function deleteMembership(context: OrganisationsContext, id: string): Promise<string> {
  const writable = writableBy(context);
  const result = await context.dataSource.getRepository(Membership).delete({ id: requireUuid(id), ...writable });
  if (!result.affected) throw notFound("Membership", id);
  return id;
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
