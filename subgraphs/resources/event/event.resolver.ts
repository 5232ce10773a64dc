import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { ResourceConnection } from "../resource/resource.resolver";
import { listEventResources, type ResourcesContext } from "../resource/resource.service";
import { Event } from "./event.stub";

/** Contributes `Event.resources`: this subgraph stores which resources relate to which event. */
@Resolver(() => Event)
export class EventResourcesResolver {
  @FieldResolver(() => ResourceConnection, {
    nullable: true,
    description: "Resources that relate to this event, e.g. its training material or recordings, most recently published first (from the resources subgraph).",
  })
  async resources(@Root() event: Event, @Args() page: PageArgs, @Ctx() context: ResourcesContext): Promise<ResourceConnection> {
    return new ResourceConnection(await listEventResources(context, event.id, page));
  }
}
