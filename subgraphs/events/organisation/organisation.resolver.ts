import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { EventConnection } from "../event/event.resolver";
import { type EventsContext, listOrganisationEvents } from "../event/event.service";
import { Organisation } from "./organisation.stub";

/** Contributes `Organisation.events`: this subgraph stores who organises which event. */
@Resolver(() => Organisation)
export class OrganisationEventsResolver {
  @FieldResolver(() => EventConnection, {
    nullable: true,
    description: "Events this organisation organises, most recent start first (from the events subgraph).",
  })
  async events(@Root() organisation: Organisation, @Args() page: PageArgs, @Ctx() context: EventsContext): Promise<EventConnection> {
    return new EventConnection(await listOrganisationEvents(context, organisation.id, page));
  }
}
