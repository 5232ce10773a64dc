import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { CountryCode, Discipline, LanguageTag, LocalizedText, LocalizedTextColumn, ModeratedRecord, SearchMatch, WebUrl } from "@agora-hub/subgraph-kit";
import { Person } from "../person/person.stub";
import { EventAttendanceMode, EventFormat, EventVenue } from "./event.type";

/**
 * An event of the creative networks: a forum, festival, workshop, matchmaking session... Its venue is
 * stored as plain columns (filterable by country), shown as one `EventVenue` value. Organisers and
 * speaker ids live in join tables; organisers are resolved by `EventResolver`, speakers by the people
 * subgraph (which decides who may see whom) from `speakerIds`.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "An event of the creative networks: forum, festival, workshop, screening, matchmaking session..." })
@Entity("event")
@Index(["network", "sourceId"], { unique: true, where: "source_id IS NOT NULL" })
export class Event extends ModeratedRecord {
  /** Not a column: the speakers the people subgraph resolved, sent back by the gateway for `jsonLd` (`@requires`). */
  @Directive("@external")
  @Field(() => [Person], { nullable: true })
  speakers?: Person[] | null;

  /** Set by a searched list for its page only; not a column. */
  @Field(() => SearchMatch, {
    nullable: true,
    description: "How this item matched the list's `search`: score and snippet; null when the list was not searched.",
  })
  searchMatch?: SearchMatch | null;

  @Field(() => LocalizedText, { description: "Name of the event, in one or more languages." })
  @LocalizedTextColumn()
  title!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: "What happens at the event and who it is for." })
  @LocalizedTextColumn({ nullable: true })
  description!: LocalizedText | null;

  @Field(() => EventFormat, { description: "What kind of gathering it is." })
  @Column("text")
  format!: EventFormat;

  @Field({ description: "Start instant (UTC, ISO 8601)." })
  @Column("timestamptz")
  startsAt!: Date;

  @Field({ description: "End instant (UTC, ISO 8601); never before `startsAt`." })
  @Column("timestamptz")
  endsAt!: Date;

  @Field({ description: 'IANA time zone the event is announced in, e.g. "Africa/Tunis"; shows local times.' })
  @Column("text")
  timeZone!: string;

  @Field(() => EventAttendanceMode, { description: "At a venue, online, or both." })
  @Column("text")
  attendanceMode!: EventAttendanceMode;

  @Column("text", { nullable: true })
  venueName!: string | null;

  @Column("text", { nullable: true })
  venueCity!: string | null;

  @Column("text", { nullable: true })
  venueCountry!: CountryCode | null;

  @Column("double precision", { nullable: true })
  venueLatitude!: number | null;

  @Column("double precision", { nullable: true })
  venueLongitude!: number | null;

  @Field(() => EventVenue, { nullable: true, description: "Where the event takes place; null for online-only events." })
  venue(): EventVenue | null {
    if (this.venueName === null || this.venueCity === null || this.venueCountry === null) return null;
    return Object.assign(new EventVenue(), {
      name: this.venueName,
      city: this.venueCity,
      country: this.venueCountry,
      latitude: this.venueLatitude,
      longitude: this.venueLongitude,
    });
  }

  @Field(() => WebUrl, { nullable: true, description: "Where to attend online; null for in-person-only events." })
  @Column("text", { nullable: true })
  onlineUrl!: string | null;

  @Field(() => [Discipline], { description: "Disciplines the event is about." })
  @Column("text", { array: true, default: () => "'{}'" })
  disciplines!: Discipline[];

  @Field(() => [LanguageTag], { description: "Languages the event is held in (BCP 47)." })
  @Column("text", { array: true, default: () => "'{}'" })
  languages!: string[];

  @Field(() => WebUrl, { nullable: true, description: "Where to register; registration itself stays with the source network." })
  @Column("text", { nullable: true })
  registrationUrl!: string | null;

  @Field(() => Int, { nullable: true, description: "Maximum number of attendees, when limited." })
  @Column("integer", { nullable: true })
  capacity!: number | null;
}
