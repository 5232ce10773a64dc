import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType } from "type-graphql";
import {
  CountryCode,
  CurrencyCode,
  Discipline,
  LanguageTag,
  LocalizedTextInput,
  WebUrl,
  withNetworkSource,
  withPublicationDraft,
} from "@agora-hub/subgraph-kit";
import { CostCovered, OpportunityType } from "./opportunity.type";

/** Longest title and summary, per language version: they are shown in lists and alerts. */
export const MAX_TITLE_LENGTH = 300;
export const MAX_SUMMARY_LENGTH = 1000;

/** Largest amount accepted; the column holds 12 digits before the decimal point. */
export const MAX_AMOUNT = 999_999_999_999;

@InputType({ description: "The money an opportunity offers: give min, max or both, with their currency." })
export class OpportunityAmountInput {
  @Field(() => Float, { nullable: true, description: "Lowest amount offered." })
  @IsOptional()
  @Min(0, { message: "must not be negative" })
  @Max(MAX_AMOUNT, { message: `must be at most ${MAX_AMOUNT}` })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: "Highest amount offered; for a fixed amount give the same as min." })
  @IsOptional()
  @Min(0, { message: "must not be negative" })
  @Max(MAX_AMOUNT, { message: `must be at most ${MAX_AMOUNT}` })
  max?: number | null;

  @Field(() => CurrencyCode, { description: "Currency of the amounts; required whenever an amount is given." })
  currency!: CurrencyCode;
}

/** Fields an opportunity can have set; shared by create (where some are required) and update. */
@InputType()
abstract class OpportunityFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  summary?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput | null;

  @Field(() => ID, { nullable: true, description: "Id of the contact person (a Person of the people subgraph)." })
  contactId?: string | null;

  @Field(() => [Discipline], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: "must hold at most 20 disciplines" })
  disciplines?: Discipline[] | null;

  @Field(() => [CountryCode], { nullable: true, description: "Countries whose residents or organisations may apply; empty or null: worldwide." })
  @IsOptional()
  @ArrayMaxSize(250, { message: "must hold at most 250 countries" })
  eligibleCountries?: CountryCode[] | null;

  @Field(() => Date, { nullable: true, description: "When applications close; null for a rolling call. Must be after `opensAt`." })
  deadline?: Date | null;

  @Field(() => OpportunityAmountInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  amount?: OpportunityAmountInput | null;

  @Field(() => [CostCovered], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: "must hold at most 20 costs" })
  costsCovered?: CostCovered[] | null;

  @Field(() => WebUrl, { nullable: true })
  applicationUrl?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Can be taken up remotely; false when omitted on create." })
  remote?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120, { message: "must be 1 to 120 characters" })
  city?: string | null;

  @Field(() => CountryCode, { nullable: true })
  country?: CountryCode | null;

  @Field(() => [LanguageTag], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30, { message: "must hold at most 30 languages" })
  workingLanguages?: string[] | null;
}

@InputType({ description: "A new opportunity." })
export class CreateOpportunityInput extends withPublicationDraft(withNetworkSource(OpportunityFieldsInput)) {
  @Field(() => OpportunityType)
  type!: OpportunityType;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  title!: LocalizedTextInput;

  @Field(() => ID, { description: "Id of the publishing organisation (an Organisation of the organisations subgraph)." })
  publisherId!: string;

  @Field(() => Date, { nullable: true, description: "When applications open; now when omitted." })
  opensAt?: Date | null;
}

@InputType({ description: "An opportunity to create or update by its network and source id (idempotent sync)." })
export class UpsertOpportunityInput extends CreateOpportunityInput {
  @Field({ description: "The opportunity's identifier in its source network; with `network`, says which opportunity to create or update." })
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  override sourceId!: string;
}

@InputType({ description: "Changes to an opportunity: omitted fields stay as they are, null clears a field." })
export class UpdateOpportunityInput extends OpportunityFieldsInput {
  @Field(() => OpportunityType, { nullable: true })
  type?: OpportunityType | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  title?: LocalizedTextInput | null;

  @Field(() => ID, { nullable: true })
  publisherId?: string | null;

  @Field(() => Date, { nullable: true })
  opensAt?: Date | null;
}
