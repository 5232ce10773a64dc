import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { CountryCode, Discipline, LanguageTag, LocalizedTextInput, WebUrl, withNetworkSource, withPublicationDraft } from "@agora-hub/subgraph-kit";
import { ORGANISATION_SLUG_PATTERN, OrganisationKind, OrganisationService } from "./organisation.type";

const SLUG_MESSAGE = "must be lower-case letters and digits in words joined by single hyphens, e.g. culture-action-europe";

/** Fields an organisation can have set; shared by create (where some are required) and update. */
@InputType()
abstract class OrganisationFieldsInput {
  @Field(() => String, { nullable: true, description: "Unique handle in lower-case kebab case; generated from the name when omitted on create." })
  @IsOptional()
  @MaxLength(100, { message: "must be at most 100 characters" })
  @Matches(ORGANISATION_SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput | null;

  @Field(() => [Discipline], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: "must hold at most 20 disciplines" })
  disciplines?: Discipline[] | null;

  @Field(() => [OrganisationService], { nullable: true })
  services?: OrganisationService[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120, { message: "must be 1 to 120 characters" })
  city?: string | null;

  @Field(() => WebUrl, { nullable: true })
  website?: string | null;

  @Field(() => [LanguageTag], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30, { message: "must hold at most 30 languages" })
  workingLanguages?: string[] | null;
}

@InputType({ description: "A new organisation." })
export class CreateOrganisationInput extends withPublicationDraft(withNetworkSource(OrganisationFieldsInput)) {
  @Field({ description: "Name as the organisation presents itself." })
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => CountryCode, { description: "Country where the organisation is established." })
  country!: CountryCode;
}

@InputType({ description: "An organisation to create or update by its network and source id (idempotent sync)." })
export class UpsertOrganisationInput extends CreateOrganisationInput {
  @Field({ description: "The organisation's identifier in its source network; with `network`, says which organisation to create or update." })
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  override sourceId!: string;
}

@InputType({ description: "Changes to an organisation: omitted fields stay as they are, null clears a field." })
export class UpdateOrganisationInput extends OrganisationFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  name?: string | null;

  @Field(() => OrganisationKind, { nullable: true, description: "Cannot be cleared." })
  kind?: OrganisationKind | null;

  @Field(() => CountryCode, { nullable: true, description: "Cannot be cleared." })
  country?: CountryCode | null;
}
