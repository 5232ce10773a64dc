import { registerEnumType } from "type-graphql";

/** Where a record stands in moderation; only PUBLISHED (and, by id, ARCHIVED) records are public. */
export enum PublicationState {
  DRAFT = "DRAFT",
  PENDING_REVIEW = "PENDING_REVIEW",
  PUBLISHED = "PUBLISHED",
  REJECTED = "REJECTED",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(PublicationState, {
  name: "PublicationState",
  description:
    "Where a record stands in moderation. Only PUBLISHED records are listed publicly; ARCHIVED ones stay resolvable by id; the others only their network, moderators and the operator see.",
  valuesConfig: {
    DRAFT: { description: "Being prepared by its network; not submitted." },
    PENDING_REVIEW: { description: "Submitted by a network the operator does not trust (or changed since it was published), waiting for a moderator." },
    PUBLISHED: { description: "Public: listed, searched and resolvable by everyone." },
    REJECTED: { description: "Refused by a moderator, with a reason only its network (and moderators) see." },
    ARCHIVED: {
      description: "No longer current (an opportunity past its deadline, an event over, or archived by hand): hidden from lists, still resolvable by id.",
    },
  },
});

/** The states everyone may read a record in, by id. */
export const PUBLIC_STATES: readonly PublicationState[] = [PublicationState.PUBLISHED, PublicationState.ARCHIVED];

/** What a viewer asks of a record's publication. */
export enum PublicationAction {
  SUBMIT = "SUBMIT",
  WITHDRAW = "WITHDRAW",
  APPROVE = "APPROVE",
  REJECT = "REJECT",
  ARCHIVE = "ARCHIVE",
  RESTORE = "RESTORE",
}
registerEnumType(PublicationAction, {
  name: "PublicationAction",
  description: "A change of a record's publication state.",
  valuesConfig: {
    SUBMIT: { description: "Its network: a DRAFT or REJECTED record is published (trusted network) or sent for review." },
    WITHDRAW: { description: "Its network: back to DRAFT, out of public view and of the review queue." },
    APPROVE: { description: "A moderator or the operator: a record PENDING_REVIEW (or REJECTED) is published." },
    REJECT: { description: "A moderator or the operator: a record PENDING_REVIEW or PUBLISHED is refused; `reason` is required." },
    ARCHIVE: { description: "Its network, a moderator or the operator: a PUBLISHED record is archived." },
    RESTORE: { description: "Its network, a moderator or the operator: an ARCHIVED record is published again (sent for review for an untrusted network)." },
  },
});

/** Why a record's publication state changed, as its history records it. */
export enum PublicationChange {
  CREATED = "CREATED",
  CHANGED = "CHANGED",
  SUBMITTED = "SUBMITTED",
  WITHDRAWN = "WITHDRAWN",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  ARCHIVED = "ARCHIVED",
  RESTORED = "RESTORED",
  EXPIRED = "EXPIRED",
}
registerEnumType(PublicationChange, {
  name: "PublicationChange",
  description: "Why a record's publication state changed.",
  valuesConfig: {
    CREATED: { description: "The record was created (as a draft, published, or for review)." },
    CHANGED: { description: "Its network changed public fields of a published record; an untrusted network's change goes back to review." },
    SUBMITTED: { description: "Its network submitted it." },
    WITHDRAWN: { description: "Its network took it back to draft." },
    APPROVED: { description: "A moderator or the operator approved it." },
    REJECTED: { description: "A moderator or the operator rejected it, with a reason." },
    ARCHIVED: { description: "Archived by hand." },
    RESTORED: { description: "Restored from the archive." },
    EXPIRED: { description: "Archived by the hub's expiry job: its window (deadline, end) passed longer ago than the hub keeps such records listed." },
  },
});

/** Who made a publication change: a network, a moderator, the operator, or the hub itself (its expiry job). */
export enum PublicationActorKind {
  NETWORK = "NETWORK",
  MODERATOR = "MODERATOR",
  OPERATOR = "OPERATOR",
  HUB = "HUB",
}
registerEnumType(PublicationActorKind, { name: "PublicationActorKind", description: "Who made a publication change." });
