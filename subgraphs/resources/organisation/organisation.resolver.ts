import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { ResourceConnection } from "../resource/resource.resolver";
import { listOrganisationResources, type ResourcesContext } from "../resource/resource.service";
import { Organisation } from "./organisation.stub";

/** Contributes `Organisation.resources`: this subgraph stores who published which resource and which it is about. */
@Resolver(() => Organisation)
export class OrganisationResourcesResolver {
  @FieldResolver(() => ResourceConnection, {
    nullable: true,
    description: "Resources this organisation published or that are about it, most recently published first (from the resources subgraph).",
  })
  async resources(@Root() organisation: Organisation, @Args() page: PageArgs, @Ctx() context: ResourcesContext): Promise<ResourceConnection> {
    return new ResourceConnection(await listOrganisationResources(context, organisation.id, page));
  }
}
