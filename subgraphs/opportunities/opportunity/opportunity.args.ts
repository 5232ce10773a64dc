import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { CountryCode, Discipline, LanguageTag, SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH } from "@agora-hub/subgraph-kit";
import { NETWORK_SLUG_PATTERN } from "@agora-hub/runtime";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { OpportunityOrder, OpportunityStatus, OpportunityType } from "./opportunity.type";

const MAX_FILTER_VALUES = 50;
const MAX_CLOSING_WITHIN_DAYS = 366;

@InputType({
  description: "Narrows a list of opportunities; every given criterion must hold, values within one criterion are alternatives.",
})
export class OpportunitiesFilter {
  @Field(() => [OpportunityType], { nullable: true, description: "Of any of these types." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  types?: OpportunityType[];

  @Field(() => [OpportunityStatus], { nullable: true, description: "In any of these statuses, as of now." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  statuses?: OpportunityStatus[];

  @Field(() => [Discipline], { nullable: true, description: "Open to any of these disciplines; a domain also matches its practices." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  disciplines?: Discipline[];

  @Field(() => CountryCode, {
    nullable: true,
    description: "Open to applicants from this country: lists it among the eligible countries, or is open worldwide.",
  })
  eligibleFor?: CountryCode;

  @Field(() => [CountryCode], { nullable: true, description: "Taking place in any of these countries." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  countries?: CountryCode[];

  @Field(() => [LanguageTag], { nullable: true, description: 'Working in any of these languages; "pt" also matches "pt-BR".' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  languages?: string[];

  @Field(() => [String], { nullable: true, description: "From any of these networks (slugs)." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Matches(NETWORK_SLUG_PATTERN, { each: true, message: "each network must be a slug" })
  networks?: string[];

  @Field(() => [ID], { nullable: true, description: "Published by any of these organisations." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  publisherIds?: string[];

  @Field(() => String, { nullable: true, description: "Part of the title in any language, case-insensitive." })
  @IsOptional()
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  text?: string;

  @Field(() => Int, {
    nullable: true,
    description: `Deadline between now and this many days from now (1 to ${MAX_CLOSING_WITHIN_DAYS}).`,
  })
  @IsOptional()
  @Min(1, { message: "must be at least 1" })
  @Max(MAX_CLOSING_WITHIN_DAYS, { message: `must be at most ${MAX_CLOSING_WITHIN_DAYS}` })
  closingWithinDays?: number;
}

@ArgsType()
export class OpportunitiesArgs extends PageArgs {
  @Field(() => OpportunitiesFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: OpportunitiesFilter;

  @Field(() => String, {
    nullable: true,
    description: "Words to look for in the title, summary, description and city, in every language, accents ignored; names also match with typos. Quoted phrases, `or` and `-word` work as in web search engines. 1 to 200 characters.",
  })
  @IsOptional()
  @Length(SEARCH_MIN_LENGTH, SEARCH_MAX_LENGTH, { message: "must be 1 to 200 characters" })
  search?: string;

  @Field(() => OpportunityOrder, { nullable: true, description: "Order of the list: RELEVANCE by default when searching, else NEWEST." })
  @IsOptional()
  orderBy?: OpportunityOrder | null;
}

@ArgsType()
export class OpportunityDeadlinesCalendarArgs {
  @Field(() => OpportunitiesFilter, {
    nullable: true,
    description: "Which opportunities, as for `opportunities`; unless `statuses` or `closingWithinDays` is given, only deadlines not passed yet.",
  })
  @IsOptional()
  @ValidateNested()
  filter?: OpportunitiesFilter;

  @Field(() => LanguageTag, { nullable: true, description: "Language of titles and summaries; when omitted, the request's Accept-Language." })
  lang?: string | null;
}
