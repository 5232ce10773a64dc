import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { CountryCode } from "@agora-hub/subgraph-kit";

/** Defined in the kit because the alerts subgraph's saved searches name it too; re-exported here. */
export { EventFormat } from "@agora-hub/subgraph-kit";

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
