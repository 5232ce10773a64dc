import { ArrayMinSize, IsOptional, Matches, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { DirectoryFilterInput } from "@agora-hub/subgraph-kit";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { SearchHitType } from "./search.type";

/** Longest query accepted; longer text adds nothing to full-text ranking. */
export const MAX_QUERY_LENGTH = 200;

@InputType({ description: "Narrows a search with criteria every searched type has; values within one criterion are alternatives." })
export class SearchFilter extends DirectoryFilterInput({
  disciplines: true,
  countries: "In any of these countries (where a person lives, an organisation is established, an opportunity or event takes place, a resource is about).",
  languages: true,
  networks: true,
}) {}

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field(() => String, { description: `Words to look for, as typed by a person (1 to ${MAX_QUERY_LENGTH} characters).` })
  @Matches(/\S/, { message: "must not be empty" })
  @MaxLength(MAX_QUERY_LENGTH, { message: `must be at most ${MAX_QUERY_LENGTH} characters` })
  query!: string;

  @Field(() => [SearchHitType], { nullable: true, description: "Only hits of these types; every type when omitted." })
  @IsOptional()
  @ArrayMinSize(1, { message: "must name at least one type, or be omitted for all" })
  types?: SearchHitType[];

  @Field(() => SearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: SearchFilter;
}
