import { ArrayMaxSize, IsEmail, IsOptional, Length, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { CountryCode, Discipline, LanguageTag, LocalizedTextInput, WebUrl, withNetworkSource, withPublicationDraft } from "@agora-hub/subgraph-kit";
import { CareerStage, OpenTo, SocialPlatform } from "./person.type";

@InputType({ description: "A link to a profile on a social platform." })
export class SocialLinkInput {
  @Field(() => SocialPlatform)
  platform!: SocialPlatform;

  @Field(() => WebUrl)
  url!: string;
}

/** Fields a person can have set; shared by create (where some are required) and update. */
@InputType()
abstract class PersonFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  headline?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  bio?: LocalizedTextInput | null;

  @Field(() => [Discipline], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: "must hold at most 20 disciplines" })
  disciplines?: Discipline[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: "must hold at most 50 skills" })
  @Length(1, 80, { each: true, message: "each skill must be 1 to 80 characters" })
  skills?: string[] | null;

  @Field(() => [LanguageTag], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30, { message: "must hold at most 30 languages" })
  spokenLanguages?: string[] | null;

  @Field(() => CountryCode, { nullable: true })
  country?: CountryCode | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120, { message: "must be 1 to 120 characters" })
  city?: string | null;

  @Field(() => WebUrl, { nullable: true })
  website?: string | null;

  @Field(() => [SocialLinkInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: "must hold at most 20 links" })
  @ValidateNested({ each: true })
  socialLinks?: SocialLinkInput[] | null;

  @Field(() => [OpenTo], { nullable: true })
  openTo?: OpenTo[] | null;

  @Field(() => CareerStage, { nullable: true })
  careerStage?: CareerStage | null;

  @Field(() => Boolean, { nullable: true, description: "Consent to be listed in the public directory; off unless given." })
  discoverable?: boolean | null;

  @Field(() => String, { nullable: true, description: "Private contact address; shown only to the person's network and the operator." })
  @IsOptional()
  @IsEmail({}, { message: "must be an email address" })
  @MaxLength(254, { message: "must be at most 254 characters" })
  contactEmail?: string | null;
}

@InputType({ description: "A new person." })
export class CreatePersonInput extends withPublicationDraft(withNetworkSource(PersonFieldsInput)) {
  @Field({ description: "Name as the person wants it shown." })
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  displayName!: string;
}

@InputType({ description: "A person to create or update by its network and source id (idempotent sync)." })
export class UpsertPersonInput extends CreatePersonInput {
  @Field({ description: "The person's identifier in its source network; with `network`, says which person to create or update." })
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  override sourceId!: string;
}

@InputType({ description: "Changes to a person: omitted fields stay as they are, null clears a field." })
export class UpdatePersonInput extends PersonFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  displayName?: string | null;
}
