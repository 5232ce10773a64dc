import { ArrayMaxSize, IsOptional, Length, Matches, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { CountryCode, Discipline, LanguageTag, SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH } from "@agora-hub/subgraph-kit";
import { NETWORK_SLUG_PATTERN } from "@agora-hub/runtime";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { CareerStage, OpenTo, PersonOrder } from "./person.type";

const MAX_FILTER_VALUES = 50;

@InputType({ description: "Narrows a list of people; every given criterion must hold, values within one criterion are alternatives." })
export class PeopleFilter {
  @Field(() => [Discipline], { nullable: true, description: "Any of these disciplines; a domain also matches its practices." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  disciplines?: Discipline[];

  @Field(() => [CountryCode], { nullable: true, description: "Resident in any of these countries." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  countries?: CountryCode[];

  @Field(() => [LanguageTag], { nullable: true, description: 'Speaks any of these languages; "pt" also matches "pt-BR".' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  languages?: string[];

  @Field(() => [String], { nullable: true, description: "From any of these networks (slugs)." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Matches(NETWORK_SLUG_PATTERN, { each: true, message: "each network must be a slug" })
  networks?: string[];

  @Field(() => [OpenTo], { nullable: true, description: "Open to any of these." })
  @IsOptional()
  openTo?: OpenTo[];

  @Field(() => [CareerStage], { nullable: true })
  @IsOptional()
  careerStages?: CareerStage[];

  @Field(() => String, { nullable: true, description: "Part of the display name, case-insensitive." })
  @IsOptional()
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  text?: string;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => PeopleFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: PeopleFilter;

  @Field(() => String, {
    nullable: true,
    description: "Words to look for in the name, headline, bio, skills and city, in every language, accents ignored; names also match with typos. Quoted phrases, `or` and `-word` work as in web search engines. 1 to 200 characters.",
  })
  @IsOptional()
  @Length(SEARCH_MIN_LENGTH, SEARCH_MAX_LENGTH, { message: "must be 1 to 200 characters" })
  search?: string;

  @Field(() => PersonOrder, { nullable: true, description: "Order of the list: RELEVANCE by default when searching, else NAME." })
  @IsOptional()
  orderBy?: PersonOrder | null;
}
