import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { CountryCode } from "@agora-hub/subgraph-kit";

export enum EventFormat {
  CONFERENCE = "CONFERENCE",
  FORUM = "FORUM",
  WORKSHOP = "WORKSHOP",
  MEETUP = "MEETUP",
  FESTIVAL = "FESTIVAL",
  EXHIBITION = "EXHIBITION",
  PERFORMANCE = "PERFORMANCE",
  SCREENING = "SCREENING",
  WEBINAR = "WEBINAR",
  FAIR = "FAIR",
  MATCHMAKING_SESSION = "MATCHMAKING_SESSION",
}
registerEnumType(EventFormat, {
  name: "EventFormat",
  description: "What kind of gathering an event is.",
  valuesConfig: {
    CONFERENCE: { description: "Talks and panels for professionals of a field." },
    FORUM: { description: "A debate-oriented gathering of a sector or a network, often with policy makers." },
    WORKSHOP: { description: "Hands-on session where participants learn or make something together." },
    MEETUP: { description: "Informal get-together of a community." },
    FESTIVAL: { description: "Programme of performances, screenings or exhibitions over several days." },
    EXHIBITION: { description: "Works shown to the public for a period." },
    PERFORMANCE: { description: "A show: theatre, dance, concert, circus, reading." },
    SCREENING: { description: "Public showing of films or videos." },
    WEBINAR: { description: "Talk or training held online." },
    FAIR: { description: "Market or trade fair where creative work is shown and sold." },
    MATCHMAKING_SESSION: { description: "Pre-scheduled one-to-one meetings to find project partners (b2match style)." },
  },
});

export enum EventAttendanceMode {
  IN_PERSON = "IN_PERSON",
  ONLINE = "ONLINE",
  MIXED = "MIXED",
}
registerEnumType(EventAttendanceMode, {
  name: "EventAttendanceMode",
  description: "How people attend an event (schema.org eventAttendanceMode).",
  valuesConfig: {
    IN_PERSON: { description: "At a venue only; the event has a venue." },
    ONLINE: { description: "Online only; the event has an online URL." },
    MIXED: { description: "At a venue and online at the same time; the event has both." },
  },
});

export enum EventOrder {
  STARTS_AT = "STARTS_AT",
  NEWEST = "NEWEST",
  /** Best `search` match first; needs `search`. */
  RELEVANCE = "RELEVANCE",
}
registerEnumType(EventOrder, {
  name: "EventOrder",
  description: "Order of a list of events.",
  valuesConfig: {
    STARTS_AT: { description: "Earliest start first." },
    NEWEST: { description: "Most recently added first." },
  },
});

@ObjectType({ description: "Where an event takes place in person." })
export class EventVenue {
  @Field({ description: "Name of the place, e.g. a cultural centre or a theatre." })
  name!: string;

  @Field()
  city!: string;

  @Field(() => CountryCode)
  country!: CountryCode;

  @Field(() => Float, { nullable: true, description: "WGS 84 latitude, -90 to 90." })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: "WGS 84 longitude, -180 to 180." })
  longitude!: number | null;
}
