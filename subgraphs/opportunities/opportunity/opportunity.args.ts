import { IsOptional, Max, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { CountryCode, DirectoryFilterInput, LanguageTag, MaxFilterValues, SearchableListArgs } from "@agora-hub/subgraph-kit";
import { OpportunityOrder, OpportunityStatus, OpportunityType } from "./opportunity.type";

const MAX_CLOSING_WITHIN_DAYS = 366;

@InputType({
  description: "Narrows a list of opportunities; every given criterion must hold, values within one criterion are alternatives.",
})
export class OpportunitiesFilter extends DirectoryFilterInput({
  disciplines: "Open to any of these disciplines; a domain also matches its practices.",
  countries: "Taking place in any of these countries.",
  languages: 'Working in any of these languages; "pt" also matches "pt-BR".',
  networks: true,
  text: "Part of the title in any language, case-insensitive.",
}) {
  @Field(() => [OpportunityType], { nullable: true, description: "Of any of these types." })
  @IsOptional()
  @MaxFilterValues()
  types?: OpportunityType[];

  @Field(() => [OpportunityStatus], { nullable: true, description: "In any of these statuses, as of now." })
  @IsOptional()
  @MaxFilterValues()
  statuses?: OpportunityStatus[];

  @Field(() => CountryCode, {
    nullable: true,
    description: "Open to applicants from this country: lists it among the eligible countries, or is open worldwide.",
  })
  eligibleFor?: CountryCode;

  @Field(() => [ID], { nullable: true, description: "Published by any of these organisations." })
  @IsOptional()
  @MaxFilterValues()
  publisherIds?: string[];

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
export class OpportunitiesArgs extends SearchableListArgs({
  filter: OpportunitiesFilter,
  searches: "the title, summary, description and city",
  order: OpportunityOrder,
  defaultOrder: OpportunityOrder.NEWEST,
  moderated: true,
}) {}

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
