import { IsOptional, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { DirectoryFilterInput, SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH } from "@agora-hub/subgraph-kit";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { CareerStage, OpenTo, PersonOrder } from "./person.type";

@InputType({ description: "Narrows a list of people; every given criterion must hold, values within one criterion are alternatives." })
export class PeopleFilter extends DirectoryFilterInput({
  disciplines: true,
  countries: "Resident in any of these countries.",
  languages: 'Speaks any of these languages; "pt" also matches "pt-BR".',
  networks: true,
  text: "Part of the display name, case-insensitive.",
}) {
  @Field(() => [OpenTo], { nullable: true, description: "Open to any of these." })
  @IsOptional()
  openTo?: OpenTo[];

  @Field(() => [CareerStage], { nullable: true })
  @IsOptional()
  careerStages?: CareerStage[];
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
