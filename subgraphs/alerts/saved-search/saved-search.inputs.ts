import { IsEmail, IsOptional, Length, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import {
  CountryCode,
  DirectoryFilterInput,
  EventFormat,
  LanguageTag,
  MaxFilterValues,
  OpportunityType,
  OrganisationKind,
  ResourceKind,
  SearchHitType,
} from "@agora-hub/subgraph-kit";
import { NETWORK_SLUG_PATTERN } from "@agora-hub/runtime";
import { AlertFrequency } from "./saved-search.type";

/** Longest saved search name, and query. */
export const MAX_NAME_LENGTH = 120;
export const MAX_QUERY_LENGTH = 200;
/** Longest e-mail address (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_URL_LENGTH = 2048;

@InputType({
  description:
    "What a saved search looks for, as the lists' filters and the cross-type search take it: every criterion given must hold, values within one are alternatives. A criterion of one type (opportunityTypes, eligibleFor, eventFormats, organisationKinds, resourceKinds) needs `types` to be that type alone (or omitted).",
})
export class SavedSearchCriteriaInput extends DirectoryFilterInput({
  disciplines: true,
  countries: "Located in (a person, an organisation), taking place in (an opportunity, an event) or about (a resource) any of these countries.",
  languages: true,
  networks: true,
}) {
  @Field(() => [SearchHitType], { nullable: true, description: "The kinds of record to follow; every kind when omitted." })
  @IsOptional()
  @MaxFilterValues()
  types?: SearchHitType[] | null;

  @Field(() => String, { nullable: true, description: `Words that must all appear (1 to ${MAX_QUERY_LENGTH} characters), as in \`search\`.` })
  @IsOptional()
  @Length(1, MAX_QUERY_LENGTH, { message: `must be 1 to ${MAX_QUERY_LENGTH} characters` })
  query?: string | null;

  @Field(() => [OpportunityType], { nullable: true, description: "Opportunities of any of these types." })
  @IsOptional()
  @MaxFilterValues()
  opportunityTypes?: OpportunityType[] | null;

  @Field(() => CountryCode, { nullable: true, description: "Opportunities open to applicants from this country (or worldwide)." })
  @IsOptional()
  eligibleFor?: string | null;

  @Field(() => [EventFormat], { nullable: true, description: "Events of any of these formats." })
  @IsOptional()
  @MaxFilterValues()
  eventFormats?: EventFormat[] | null;

  @Field(() => [OrganisationKind], { nullable: true, description: "Organisations of any of these kinds." })
  @IsOptional()
  @MaxFilterValues()
  organisationKinds?: OrganisationKind[] | null;

  @Field(() => [ResourceKind], { nullable: true, description: "Resources of any of these kinds." })
  @IsOptional()
  @MaxFilterValues()
  resourceKinds?: ResourceKind[] | null;
}

@InputType({
  description:
    "A network's saved search, for itself or for one of its members. With `webhookUrl` its alerts are POSTed there; with `email`, e-mailed once the address confirmed; with neither, only its Atom feed.",
})
export class CreateSavedSearchInput {
  @Field({ description: "The network that owns it: the caller's own (the operator may name any)." })
  @Matches(NETWORK_SLUG_PATTERN, { message: "must be a network slug of lower-case letters, digits and hyphens" })
  network!: string;

  @Field({ description: `Its name (1 to ${MAX_NAME_LENGTH} characters), shown in messages and the feed.` })
  @Length(1, MAX_NAME_LENGTH, { message: `must be 1 to ${MAX_NAME_LENGTH} characters` })
  name!: string;

  @Field(() => SavedSearchCriteriaInput)
  @ValidateNested()
  criteria!: SavedSearchCriteriaInput;

  @Field(() => String, { nullable: true, description: "An http(s) URL on the public internet to POST alerts to (Standard Webhooks)." })
  @IsOptional()
  @MaxLength(MAX_URL_LENGTH, { message: `must be at most ${MAX_URL_LENGTH} characters` })
  webhookUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A member's e-mail address: it receives a confirmation link, and nothing else until it is followed. Never shown back.",
  })
  @IsOptional()
  @MaxLength(MAX_EMAIL_LENGTH, { message: `must be at most ${MAX_EMAIL_LENGTH} characters` })
  @IsEmail({}, { message: "must be an e-mail address" })
  email?: string | null;

  @Field(() => ID, { nullable: true, description: "The member it is held for (their person id): erasing them deletes it." })
  @IsOptional()
  personId?: string | null;

  @Field(() => LanguageTag, { nullable: true, description: "The language of its messages (English when omitted)." })
  @IsOptional()
  language?: string | null;

  @Field(() => AlertFrequency, { nullable: true, description: "E-mail only: at once (default), or a daily or weekly digest." })
  @IsOptional()
  frequency?: AlertFrequency | null;

  @Field(() => Boolean, { nullable: true, description: "Also send changes to records it matched before (default false: only new ones)." })
  @IsOptional()
  includeUpdates?: boolean | null;
}

@InputType({
  description: "A person's own e-mail alert: no account needed. A confirmation link is sent to the address; nothing else is sent before it is followed.",
})
export class SubscribeToAlertsInput {
  @Field({ description: "Where to send the alerts. Never shown to anyone." })
  @MaxLength(MAX_EMAIL_LENGTH, { message: `must be at most ${MAX_EMAIL_LENGTH} characters` })
  @IsEmail({}, { message: "must be an e-mail address" })
  email!: string;

  @Field(() => String, { nullable: true, description: `A name for it (1 to ${MAX_NAME_LENGTH} characters); derived from the criteria when omitted.` })
  @IsOptional()
  @Length(1, MAX_NAME_LENGTH, { message: `must be 1 to ${MAX_NAME_LENGTH} characters` })
  name?: string | null;

  @Field(() => SavedSearchCriteriaInput)
  @ValidateNested()
  criteria!: SavedSearchCriteriaInput;

  @Field(() => LanguageTag, { nullable: true, description: "The language of the messages; the request's Accept-Language, else English, when omitted." })
  @IsOptional()
  language?: string | null;

  @Field(() => AlertFrequency, { nullable: true, description: "At once (default), or a daily or weekly digest." })
  @IsOptional()
  frequency?: AlertFrequency | null;
}
