import { ArrayMaxSize, IsOptional, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { CountryCode, Discipline } from "@agora-hub/subgraph-kit";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { CreativeTracksCollaboratorRole } from "./lab.type";

const MAX_FILTER_VALUES = 50;

@InputType("CreativeTracksLabsFilter", {
  description: "Narrows a list of Ideation Labs; every given criterion must hold, values within one criterion are alternatives.",
})
export class CreativeTracksLabsFilter {
  @Field(() => [Discipline], { nullable: true, description: "About any of these disciplines; a domain also matches its practices." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES, { message: `must hold at most ${MAX_FILTER_VALUES} values` })
  disciplines?: Discipline[];

  @Field(() => [CountryCode], { nullable: true, description: "Seeking collaborators in any of these countries." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES, { message: `must hold at most ${MAX_FILTER_VALUES} values` })
  countriesSought?: CountryCode[];

  @Field(() => [CreativeTracksCollaboratorRole], { nullable: true, description: "Seeking any of these roles." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES, { message: `must hold at most ${MAX_FILTER_VALUES} values` })
  lookingFor?: CreativeTracksCollaboratorRole[];

  @Field(() => Boolean, { nullable: true, description: "Only labs that have not expired." })
  @IsOptional()
  openOnly?: boolean;

  @Field(() => String, { nullable: true, description: "Part of the title or description, in any language, case-insensitive." })
  @IsOptional()
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  text?: string;
}

@ArgsType()
export class CreativeTracksLabsArgs extends PageArgs {
  @Field(() => CreativeTracksLabsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CreativeTracksLabsFilter;
}
