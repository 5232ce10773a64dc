import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { CountryCode, Discipline, LanguageTag, LocalizedTextInput, WebUrl, withNetworkSource, withPublicationDraft } from "@agora-hub/subgraph-kit";
import { EventAttendanceMode, EventFormat } from "./event.type";

/** An event has 1 to MAX_ORGANISERS organisers and at most MAX_SPEAKERS speakers. */
export const MAX_ORGANISERS = 20;
export const MAX_SPEAKERS = 100;

@InputType({ description: "Where an event takes place in person." })
export class EventVenueInput {
  @Field()
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  name!: string;

  @Field()
  @Length(1, 120, { message: "must be 1 to 120 characters" })
  city!: string;

  @Field(() => CountryCode)
  country!: CountryCode;

  @Field(() => Float, { nullable: true, description: "WGS 84 latitude, -90 to 90; give it with `longitude`." })
  @IsOptional()
  @Min(-90, { message: "must be between -90 and 90" })
  @Max(90, { message: "must be between -90 and 90" })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: "WGS 84 longitude, -180 to 180; give it with `latitude`." })
  @IsOptional()
  @Min(-180, { message: "must be between -180 and 180" })
  @Max(180, { message: "must be between -180 and 180" })
  longitude?: number | null;
}

/** Fields an event can have set; shared by create (where some are required) and update. */
@InputType()
abstract class EventFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput | null;

  @Field(() => EventVenueInput, { nullable: true, description: "Required unless the event is ONLINE." })
  @IsOptional()
  @ValidateNested()
  venue?: EventVenueInput | null;

  @Field(() => WebUrl, { nullable: true, description: "Required unless the event is IN_PERSON." })
  onlineUrl?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Ids of the people speaking or performing, in programme order (at most ${MAX_SPEAKERS}); on update, replaces them.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_SPEAKERS, { message: `must hold at most ${MAX_SPEAKERS} speakers` })
  speakerIds?: string[] | null;

  @Field(() => [Discipline], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: "must hold at most 20 disciplines" })
  disciplines?: Discipline[] | null;

  @Field(() => [LanguageTag], { nullable: true, description: "Languages the event is held in." })
  @IsOptional()
  @ArrayMaxSize(20, { message: "must hold at most 20 languages" })
  languages?: string[] | null;

  @Field(() => WebUrl, { nullable: true })
  registrationUrl?: string | null;

  @Field(() => Int, { nullable: true, description: "Maximum number of attendees, a positive number." })
  @IsOptional()
  @Min(1, { message: "must be a positive number" })
  capacity?: number | null;
}

@InputType({ description: "A new event." })
export class CreateEventInput extends withPublicationDraft(withNetworkSource(EventFieldsInput)) {
  @Field(() => LocalizedTextInput)
  @ValidateNested()
  title!: LocalizedTextInput;

  @Field(() => EventFormat)
  format!: EventFormat;

  @Field({ description: "Start instant, ISO 8601 with offset." })
  startsAt!: Date;

  @Field({ description: "End instant, ISO 8601 with offset; not before `startsAt`." })
  endsAt!: Date;

  @Field({ description: 'IANA time zone, e.g. "Europe/Brussels".' })
  timeZone!: string;

  @Field(() => EventAttendanceMode)
  attendanceMode!: EventAttendanceMode;

  @Field(() => [ID], { description: `Ids of the organising organisations, main organiser first (1 to ${MAX_ORGANISERS}).` })
  @ArrayMinSize(1, { message: "must hold at least one organiser" })
  @ArrayMaxSize(MAX_ORGANISERS, { message: `must hold at most ${MAX_ORGANISERS} organisers` })
  organiserIds!: string[];
}

@InputType({ description: "An event to create or update by its network and source id (idempotent sync)." })
export class UpsertEventInput extends CreateEventInput {
  @Field({ description: "The event's identifier in its source network; with `network`, says which event to create or update." })
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  override sourceId!: string;
}

@InputType({ description: "Changes to an event: omitted fields stay as they are, null clears an optional field." })
export class UpdateEventInput extends EventFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  title?: LocalizedTextInput | null;

  @Field(() => EventFormat, { nullable: true })
  format?: EventFormat | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  timeZone?: string | null;

  @Field(() => EventAttendanceMode, { nullable: true })
  attendanceMode?: EventAttendanceMode | null;

  @Field(() => [ID], { nullable: true, description: "Replaces the organisers when given; an event keeps at least one." })
  @IsOptional()
  @ArrayMinSize(1, { message: "must hold at least one organiser" })
  @ArrayMaxSize(MAX_ORGANISERS, { message: `must hold at most ${MAX_ORGANISERS} organisers` })
  organiserIds?: string[] | null;
}
