import { ArrayMaxSize, IsOptional, Length, Matches, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { CountryCode, Discipline, LanguageTag, NETWORK_SLUG_PATTERN, PageArgs } from "../../kit";
import { EventAttendanceMode, EventFormat, EventOrder } from "./event.type";

const MAX_FILTER_VALUES = 50;

@InputType({ description: "Narrows a list of events; every given criterion must hold, values within one criterion are alternatives." })
export class EventsFilter {
  @Field(() => [EventFormat], { nullable: true, description: "Any of these formats." })
  @IsOptional()
  formats?: EventFormat[];

  @Field(() => [Discipline], { nullable: true, description: "Any of these disciplines; a domain also matches its practices." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  disciplines?: Discipline[];

  @Field(() => [CountryCode], { nullable: true, description: "Held at a venue in any of these countries." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  countries?: CountryCode[];

  @Field(() => [LanguageTag], { nullable: true, description: 'Held in any of these languages; "pt" also matches "pt-BR".' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  languages?: string[];

  @Field(() => [String], { nullable: true, description: "From any of these networks (slugs)." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Matches(NETWORK_SLUG_PATTERN, { each: true, message: "each network must be a slug" })
  networks?: string[];

  @Field(() => [EventAttendanceMode], { nullable: true, description: "Any of these attendance modes." })
  @IsOptional()
  attendanceModes?: EventAttendanceMode[];

  @Field(() => Date, { nullable: true, description: "Starts at or after this instant." })
  @IsOptional()
  startsAfter?: Date;

  @Field(() => Date, { nullable: true, description: "Starts before this instant." })
  @IsOptional()
  startsBefore?: Date;

  @Field(() => Boolean, { nullable: true, description: "True: not over yet (ends now or later). False: already over." })
  @IsOptional()
  upcoming?: boolean;

  @Field(() => [ID], { nullable: true, description: "Organised by any of these organisations." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  organiserIds?: string[];

  @Field(() => [ID], { nullable: true, description: "With any of these people speaking." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  speakerIds?: string[];

  @Field(() => String, { nullable: true, description: "Part of the title in any language, case-insensitive." })
  @IsOptional()
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  text?: string;
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => EventsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: EventsFilter;

  @Field(() => EventOrder, { defaultValue: EventOrder.STARTS_AT })
  orderBy!: EventOrder;
}
