import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { CountryCode, Discipline, LocalizedTextInput, WebUrl, withNetworkSource } from "@agora-hub/subgraph-kit";
import { CreativeTracksCollaboratorRole } from "./lab.type";

export const MAX_LAB_DISCIPLINES = 10;
export const MAX_COUNTRIES_SOUGHT = 20;
/** Titles are catchy one-liners; the kit allows 20 000 characters per translation for long texts. */
export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;

/** Fields of a lab; kept apart from the create input so `withNetworkSource` can add the source fields. */
@InputType()
abstract class CreativeTracksLabFieldsInput {
  @Field(() => LocalizedTextInput, { description: "Catchy title: the topic or question of the lab." })
  @ValidateNested()
  title!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { description: "Short description, shown in lists." })
  @ValidateNested()
  description!: LocalizedTextInput;

  @Field(() => WebUrl, { nullable: true })
  link?: string | null;

  @Field(() => [Discipline], { description: `1 to ${MAX_LAB_DISCIPLINES} disciplines.` })
  @ArrayMinSize(1, { message: "must hold at least one discipline" })
  @ArrayMaxSize(MAX_LAB_DISCIPLINES, { message: `must hold at most ${MAX_LAB_DISCIPLINES} disciplines` })
  disciplines!: Discipline[];

  @Field(() => [CreativeTracksCollaboratorRole], { description: "At least one role the lab seeks." })
  @ArrayMinSize(1, { message: "must hold at least one role" })
  lookingFor!: CreativeTracksCollaboratorRole[];

  @Field(() => [CountryCode], { nullable: true, description: `At most ${MAX_COUNTRIES_SOUGHT} countries; omit when anywhere will do.` })
  @IsOptional()
  @ArrayMaxSize(MAX_COUNTRIES_SOUGHT, { message: `must hold at most ${MAX_COUNTRIES_SOUGHT} countries` })
  countriesSought?: CountryCode[] | null;

  @Field(() => Date, { nullable: true, description: "When the lab closes: in the future, at most two years ahead; omit to keep it open." })
  expiresAt?: Date | null;

  @Field(() => ID, { description: "The member posting the lab (a Person id)." })
  authorId!: string;

  @Field(() => ID, { nullable: true, description: "The organisation hosting the lab, if any (an Organisation id)." })
  hostOrganisationId?: string | null;
}

@InputType("CreativeTracksCreateLabInput", { description: "A new Ideation Lab." })
export class CreativeTracksCreateLabInput extends withNetworkSource(CreativeTracksLabFieldsInput) {}
