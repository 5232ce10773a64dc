import { Field, ObjectType, registerEnumType } from "type-graphql";
import { CountryCode, Discipline, EventFormat, LanguageTag, OpportunityType, OrganisationKind, ResourceKind, SearchHitType } from "@agora-hub/subgraph-kit";

export enum AlertChannel {
  WEBHOOK = "WEBHOOK",
  EMAIL = "EMAIL",
  FEED = "FEED",
}
registerEnumType(AlertChannel, {
  name: "AlertChannel",
  description: "How a saved search's alerts are pushed; every saved search also has its Atom feed.",
  valuesConfig: {
    WEBHOOK: { description: "POSTed to the owner's URL in the Standard Webhooks format, signed with the secret given at creation." },
    EMAIL: { description: "E-mailed (after the address confirmed), at once or as a digest." },
    FEED: { description: "Only in the saved search's Atom feed." },
  },
});

export enum AlertFrequency {
  IMMEDIATE = "IMMEDIATE",
  DAILY = "DAILY",
  WEEKLY = "WEEKLY",
}
registerEnumType(AlertFrequency, {
  name: "AlertFrequency",
  description: "How often e-mail alerts go out.",
  valuesConfig: {
    IMMEDIATE: { description: "One message per new match, as it happens (within the hourly limit; beyond it, they wait for a digest)." },
    DAILY: { description: "One digest a day of everything new." },
    WEEKLY: { description: "One digest a week of everything new." },
  },
});

export enum SavedSearchState {
  PENDING_CONFIRMATION = "PENDING_CONFIRMATION",
  ACTIVE = "ACTIVE",
  PAUSED = "PAUSED",
}
registerEnumType(SavedSearchState, {
  name: "SavedSearchState",
  description: "Whether a saved search sends alerts.",
  valuesConfig: {
    PENDING_CONFIRMATION: { description: "An e-mail subscription whose address has not followed its confirmation link yet: nothing is sent." },
    ACTIVE: { description: "Matching and sending." },
    PAUSED: { description: "Paused by its owner or the operator: nothing is matched or sent until resumed." },
  },
});

export enum DeliveryHealth {
  HEALTHY = "HEALTHY",
  FAILING = "FAILING",
}
registerEnumType(DeliveryHealth, {
  name: "DeliveryHealth",
  description: "Whether a saved search's last delivery got through.",
  valuesConfig: {
    HEALTHY: { description: "The last delivery succeeded (or none was due)." },
    FAILING: { description: "A delivery failed after every retry; the next success clears it." },
  },
});

export enum AlertKind {
  NEW = "NEW",
  UPDATED = "UPDATED",
  CLOSING_SOON = "CLOSING_SOON",
}
registerEnumType(AlertKind, {
  name: "AlertKind",
  description: "Why an alert was sent.",
  valuesConfig: {
    NEW: { description: "A record newly published (or newly matching) the saved search." },
    UPDATED: { description: "A record it matched before changed (only with `includeUpdates`)." },
    CLOSING_SOON: { description: "An opportunity it matched closes within the reminder window (7 days by default)." },
  },
});

export enum AlertDeliveryStatus {
  PENDING = "PENDING",
  SENDING = "SENDING",
  DIGEST = "DIGEST",
  DELIVERED = "DELIVERED",
  FAILED = "FAILED",
  SKIPPED = "SKIPPED",
}
registerEnumType(AlertDeliveryStatus, {
  name: "AlertDeliveryStatus",
  description: "Where an alert's delivery stands.",
  valuesConfig: {
    PENDING: { description: "Queued, or waiting for a retry." },
    SENDING: { description: "Being sent now." },
    DIGEST: { description: "Waiting for the next digest e-mail." },
    DELIVERED: { description: "Accepted by the endpoint or the mail server (or only in the feed)." },
    FAILED: { description: "Refused after every retry." },
    SKIPPED: { description: "Not sent: the saved search was paused before its turn came." },
  },
});

/** A saved search's criteria as they are shown back. */
@ObjectType({ description: "What a saved search looks for: every criterion given must hold; values within one are alternatives." })
export class SavedSearchCriteria {
  @Field(() => [SearchHitType], { description: "The kinds of record it follows." })
  types!: SearchHitType[];

  @Field(() => String, {
    nullable: true,
    description: "Words that must all appear in the record's title, summary or other public text (any language, accents ignored).",
  })
  query?: string | null;

  @Field(() => [Discipline], { nullable: true })
  disciplines?: Discipline[] | null;

  @Field(() => [CountryCode], { nullable: true })
  countries?: string[] | null;

  @Field(() => [LanguageTag], { nullable: true })
  languages?: string[] | null;

  @Field(() => [String], { nullable: true })
  networks?: string[] | null;

  @Field(() => [OpportunityType], { nullable: true })
  opportunityTypes?: OpportunityType[] | null;

  @Field(() => CountryCode, { nullable: true })
  eligibleFor?: string | null;

  @Field(() => [EventFormat], { nullable: true })
  eventFormats?: EventFormat[] | null;

  @Field(() => [OrganisationKind], { nullable: true })
  organisationKinds?: OrganisationKind[] | null;

  @Field(() => [ResourceKind], { nullable: true })
  resourceKinds?: ResourceKind[] | null;
}
