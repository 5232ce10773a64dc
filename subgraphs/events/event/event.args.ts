import { IsOptional, ValidateNested } from "class-validator";
import { ArgsType, Field, Float, ID, InputType } from "type-graphql";
import { DirectoryFilterInput, LanguageTag, MaxFilterValues, SearchableListArgs } from "@agora-hub/subgraph-kit";
import { EventAttendanceMode, EventFormat, EventOrder } from "./event.type";

/** Half the Earth's circumference: every point is within this distance of any other. */
export const MAX_RADIUS_KM = 20_000;

@InputType({ description: "A circle on the map: events whose venue lies within `radiusKm` of the point. Give all three fields." })
export class NearInput {
  @Field(() => Float, { nullable: true, description: "Latitude of the centre, -90 to 90." })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: "Longitude of the centre, -180 to 180." })
  longitude?: number | null;

  @Field(() => Float, { nullable: true, description: `Radius in kilometres, more than 0 and at most ${MAX_RADIUS_KM}.` })
  radiusKm?: number | null;
}

@InputType({ description: "Narrows a list of events; every given criterion must hold, values within one criterion are alternatives." })
export class EventsFilter extends DirectoryFilterInput({
  disciplines: true,
  countries: "Held at a venue in any of these countries.",
  languages: 'Held in any of these languages; "pt" also matches "pt-BR".',
  networks: true,
  text: "Part of the title in any language, case-insensitive.",
}) {
  @Field(() => [EventFormat], { nullable: true, description: "Any of these formats." })
  @IsOptional()
  formats?: EventFormat[];

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

  @Field(() => NearInput, {
    nullable: true,
    description: "Held at a venue within a radius of a point (great-circle distance); online-only events never match.",
  })
  @IsOptional()
  near?: NearInput;

  @Field(() => [ID], { nullable: true, description: "Organised by any of these organisations." })
  @IsOptional()
  @MaxFilterValues()
  organiserIds?: string[];

  @Field(() => [ID], { nullable: true, description: "With any of these people speaking." })
  @IsOptional()
  @MaxFilterValues()
  speakerIds?: string[];
}

@ArgsType()
export class EventsArgs extends SearchableListArgs({
  filter: EventsFilter,
  searches: "the title, venue, description and city",
  order: EventOrder,
  defaultOrder: EventOrder.STARTS_AT,
  moderated: true,
}) {}

@ArgsType()
export class EventsCalendarArgs {
  @Field(() => EventsFilter, {
    nullable: true,
    description: "Which events, as for `events`; unless `upcoming`, `startsAfter` or `startsBefore` is given, only events not over yet.",
  })
  @IsOptional()
  @ValidateNested()
  filter?: EventsFilter;

  @Field(() => LanguageTag, { nullable: true, description: "Language of titles and descriptions; when omitted, the request's Accept-Language." })
  lang?: string | null;
}
