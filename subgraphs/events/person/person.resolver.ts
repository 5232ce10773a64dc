import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { EventConnection } from "../event/event.resolver";
import { type EventsContext, listSpeakerEvents } from "../event/event.service";
import { Person } from "./person.stub";

/** Contributes `Person.events`: this subgraph stores who speaks at which event. */
@Resolver(() => Person)
export class PersonEventsResolver {
  @FieldResolver(() => EventConnection, {
    nullable: true,
    description: "Events where this person speaks or performs, most recent start first (from the events subgraph).",
  })
  async events(@Root() person: Person, @Args() page: PageArgs, @Ctx() context: EventsContext): Promise<EventConnection> {
    return new EventConnection(await listSpeakerEvents(context, person.id, page));
  }
}
