import { IsOptional, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { CountryCode, DirectoryFilterInput, MaxFilterValues } from "@agora-hub/subgraph-kit";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { CreativeTracksCollaboratorRole } from "./lab.type";

@InputType("CreativeTracksLabsFilter", {
  description: "Narrows a list of Ideation Labs; every given criterion must hold, values within one criterion are alternatives.",
})
export class CreativeTracksLabsFilter extends DirectoryFilterInput({
  disciplines: "About any of these disciplines; a domain also matches its practices.",
  text: "Part of the title or description, in any language, case-insensitive.",
}) {
  @Field(() => [CountryCode], { nullable: true, description: "Seeking collaborators in any of these countries." })
  @IsOptional()
  @MaxFilterValues()
  countriesSought?: CountryCode[];

  @Field(() => [CreativeTracksCollaboratorRole], { nullable: true, description: "Seeking any of these roles." })
  @IsOptional()
  @MaxFilterValues()
  lookingFor?: CreativeTracksCollaboratorRole[];

  @Field(() => Boolean, { nullable: true, description: "Only labs that have not expired." })
  @IsOptional()
  openOnly?: boolean;
}

@ArgsType()
export class CreativeTracksLabsArgs extends PageArgs {
  @Field(() => CreativeTracksLabsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CreativeTracksLabsFilter;
}
