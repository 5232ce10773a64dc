import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { ResourceConnection } from "../resource/resource.resolver";
import { listAuthorResources, type ResourcesContext } from "../resource/resource.service";
import { Person } from "./person.stub";

/** Contributes `Person.resources`: this subgraph stores who wrote which resource. */
@Resolver(() => Person)
export class PersonResourcesResolver {
  @FieldResolver(() => ResourceConnection, {
    nullable: true,
    description: "Resources this person wrote or co-wrote, most recently published first (from the resources subgraph).",
  })
  async resources(@Root() person: Person, @Args() page: PageArgs, @Ctx() context: ResourcesContext): Promise<ResourceConnection> {
    return new ResourceConnection(await listAuthorResources(context, person.id, page));
  }
}
