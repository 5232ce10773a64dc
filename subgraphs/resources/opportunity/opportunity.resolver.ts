import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { ResourceConnection } from "../resource/resource.resolver";
import { listOpportunityResources, type ResourcesContext } from "../resource/resource.service";
import { Opportunity } from "./opportunity.stub";

/** Contributes `Opportunity.resources`: this subgraph stores which resources relate to which opportunity. */
@Resolver(() => Opportunity)
export class OpportunityResourcesResolver {
  @FieldResolver(() => ResourceConnection, {
    nullable: true,
    description:
      "Resources that relate to this opportunity, e.g. reports of the projects it funded, most recently published first (from the resources subgraph).",
  })
  async resources(@Root() opportunity: Opportunity, @Args() page: PageArgs, @Ctx() context: ResourcesContext): Promise<ResourceConnection> {
    return new ResourceConnection(await listOpportunityResources(context, opportunity.id, page));
  }
}
