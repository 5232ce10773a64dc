import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, Info } from "type-graphql";
import { FacetsType, LanguageTag, SearchableConnectionType, listSelection } from "@agora-hub/subgraph-kit";
import type { JsonLdNode } from "../../../domain/open-formats/json-ld";
import { JSONObject } from "../../../domain/open-formats/json-ld";
import { MAX_CALENDAR_ENTRIES } from "../../../domain/open-formats/calendar";
import { Organisation } from "../organisation/organisation.stub";
import { EventsArgs, EventsCalendarArgs } from "./event.args";
import { eventCalendar, eventsCalendar } from "./event.calendar";
import { Event } from "./event.entity";
import { eventJsonLd } from "./event.jsonld";
import { CreateEventInput, UpdateEventInput, UpsertEventInput } from "./event.inputs";
import {
  createEvent,
  deleteEvent,
  type EventsContext,
  findEvent,
  listEvents,
  listOrganisers,
  updateEvent,
  upsertEvent,
  type EventsFacetDimension,
} from "./event.service";

export const EventsFacets = FacetsType<EventsFacetDimension>("EventsFacets", {
  items: "events",
  dimensions: {
    formats: "Per format.",
    countries: "Per venue country (ISO 3166-1 alpha-2).",
    attendanceModes: "Per attendance mode.",
    disciplines: "Per discipline.",
  },
});

@ObjectType({ description: "A page of events." })
export class EventConnection extends SearchableConnectionType(Event, "Event", EventsFacets) {}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: "One event by id; null when unknown." })
  event(@Arg("id", () => ID) id: string, @Ctx() context: EventsContext): Promise<Event | null> {
    return findEvent(context, id);
  }

  @Query(() => EventConnection, { nullable: true, description: "Events of all networks, filtered and paginated; earliest start first by default." })
  async events(@Args() args: EventsArgs, @Ctx() context: EventsContext, @Info() info: GraphQLResolveInfo): Promise<EventConnection> {
    return new EventConnection(await listEvents(context, args, listSelection(info)));
  }

  @Query(() => String, {
    nullable: true,
    description: `The events matching a filter as an iCalendar (RFC 5545) feed, earliest first, at most ${MAX_CALENDAR_ENTRIES}; served by the gateway at /feeds/events.ics.`,
  })
  eventsCalendar(@Args() args: EventsCalendarArgs, @Ctx() context: EventsContext): Promise<string> {
    return eventsCalendar(context, args);
  }

  @Directive('@requires(fields: "speakers { id }")')
  @FieldResolver(() => JSONObject, {
    description:
      "The event as schema.org JSON-LD (`Event` or a subtype by format), for search engines and linked-data clients; an ARCHIVED event says so in `additionalProperty` (publicationState).",
  })
  jsonLd(@Root() event: Event, @Ctx() context: EventsContext): Promise<JsonLdNode> {
    return eventJsonLd(context, event);
  }

  @FieldResolver(() => String, {
    description:
      "This event as an iCalendar (RFC 5545) document of one entry, its times in the event's own time zone, to add to a calendar; served by the gateway at /events/<id>.ics.",
  })
  calendar(
    @Root() event: Event,
    @Arg("lang", () => LanguageTag, { nullable: true, description: "Language of the title and description; when omitted, the request's Accept-Language." })
    lang: string | null | undefined,
    @Ctx() context: EventsContext,
  ): string {
    return eventCalendar(context, event, lang);
  }

  @FieldResolver(() => [Organisation], {
    nullable: "items",
    description: "Organisations organising the event, main organiser first; null in place of one that is gone or cannot be resolved.",
  })
  organisers(@Root() event: Event, @Ctx() context: EventsContext): Promise<Organisation[]> {
    return listOrganisers(context, event);
  }

  @Directive("@inaccessible")
  @FieldResolver(() => [ID], {
    description: "Ids of the people speaking, in programme order: the people subgraph resolves `speakers` from them, showing only those the viewer may see.",
  })
  speakerIds(@Root() event: Event, @Ctx() context: EventsContext): Promise<string[]> {
    return context.loaders.speakerIdsByEventId.load(event.id);
  }

  @Mutation(() => Event, { nullable: true, description: "Adds an event with its organisers and speakers." })
  createEvent(@Arg("input") input: CreateEventInput, @Ctx() context: EventsContext): Promise<Event> {
    return createEvent(context, input);
  }

  @Mutation(() => Event, {
    nullable: true,
    description: "Creates or updates the event with this network and source id, so a network can sync the same record again and again.",
  })
  upsertEvent(@Arg("input") input: UpsertEventInput, @Ctx() context: EventsContext): Promise<Event> {
    return upsertEvent(context, input);
  }

  @Mutation(() => Event, { nullable: true, description: "Changes an event's fields; given organiser or speaker lists replace the current ones." })
  updateEvent(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateEventInput, @Ctx() context: EventsContext): Promise<Event> {
    return updateEvent(context, id, input);
  }

  @Mutation(() => ID, { nullable: true, description: "Deletes an event; returns its id." })
  deleteEvent(@Arg("id", () => ID) id: string, @Ctx() context: EventsContext): Promise<string> {
    return deleteEvent(context, id);
  }
}
