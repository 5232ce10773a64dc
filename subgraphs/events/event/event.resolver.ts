import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../../kit";
import { Organisation } from "../organisation/organisation.stub";
import { Person } from "../person/person.stub";
import { EventsArgs } from "./event.args";
import { Event } from "./event.entity";
import { CreateEventInput, UpdateEventInput } from "./event.inputs";
import {
  createEvent,
  deleteEvent,
  type EventsContext,
  findEvent,
  listEvents,
  listOrganisers,
  listSpeakers,
  updateEvent,
} from "./event.service";

@ObjectType({ description: "A page of events." })
export class EventConnection extends ConnectionType(Event, "Event") {}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: "One event by id; null when unknown." })
  event(@Arg("id", () => ID) id: string, @Ctx() context: EventsContext): Promise<Event | null> {
    return findEvent(context, id);
  }

  @Query(() => EventConnection, { description: "Events of all networks, filtered and paginated; earliest start first by default." })
  async events(@Args() args: EventsArgs, @Ctx() context: EventsContext): Promise<EventConnection> {
    return new EventConnection(await listEvents(context, args));
  }

  @FieldResolver(() => [Organisation], { description: "Organisations organising the event, main organiser first." })
  organisers(@Root() event: Event, @Ctx() context: EventsContext): Promise<Organisation[]> {
    return listOrganisers(context, event);
  }

  @FieldResolver(() => [Person], { description: "People speaking or performing at the event, in programme order." })
  speakers(@Root() event: Event, @Ctx() context: EventsContext): Promise<Person[]> {
    return listSpeakers(context, event);
  }

  @Mutation(() => Event, { description: "Adds an event with its organisers and speakers." })
  createEvent(@Arg("input") input: CreateEventInput, @Ctx() context: EventsContext): Promise<Event> {
    return createEvent(context, input);
  }

  @Mutation(() => Event, { description: "Changes an event's fields; given organiser or speaker lists replace the current ones." })
  updateEvent(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateEventInput, @Ctx() context: EventsContext): Promise<Event> {
    return updateEvent(context, id, input);
  }

  @Mutation(() => ID, { description: "Deletes an event; returns its id." })
  deleteEvent(@Arg("id", () => ID) id: string, @Ctx() context: EventsContext): Promise<string> {
    return deleteEvent(context, id);
  }
}
