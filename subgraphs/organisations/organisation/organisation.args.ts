import { IsOptional, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { DirectoryFilterInput, SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH } from "@agora-hub/subgraph-kit";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { OrganisationKind, OrganisationOrder, OrganisationService } from "./organisation.type";

@InputType({ description: "Narrows a list of organisations; every given criterion must hold, values within one criterion are alternatives." })
export class OrganisationsFilter extends DirectoryFilterInput({
  disciplines: true,
  countries: "Established in any of these countries.",
  languages: 'Works in any of these languages; "pt" also matches "pt-BR".',
  networks: true,
  text: true,
}) {
  @Field(() => [OrganisationKind], { nullable: true, description: "Of any of these kinds." })
  @IsOptional()
  kinds?: OrganisationKind[];

  @Field(() => [OrganisationService], { nullable: true, description: "Offering any of these services." })
  @IsOptional()
  services?: OrganisationService[];
}

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: OrganisationsFilter;

  @Field(() => String, {
    nullable: true,
    description: "Words to look for in the name, description and city, in every language, accents ignored; names also match with typos. Quoted phrases, `or` and `-word` work as in web search engines. 1 to 200 characters.",
  })
  @IsOptional()
  @Length(SEARCH_MIN_LENGTH, SEARCH_MAX_LENGTH, { message: "must be 1 to 200 characters" })
  search?: string;

  @Field(() => OrganisationOrder, { nullable: true, description: "Order of the list: RELEVANCE by default when searching, else NAME." })
  @IsOptional()
  orderBy?: OrganisationOrder | null;
}
