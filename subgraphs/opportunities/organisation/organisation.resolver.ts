import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { OpportunityConnection } from "../opportunity/opportunity.resolver";
import { listPublishedOpportunities, type OpportunitiesContext } from "../opportunity/opportunity.service";
import { Organisation } from "./organisation.stub";

/** Fields this subgraph contributes to `Organisation`; nullable so the gateway can drop them when it is down. */
@Resolver(() => Organisation)
export class OrganisationOpportunitiesResolver {
  @FieldResolver(() => OpportunityConnection, { nullable: true, description: "Opportunities the organisation published, newest first." })
  async opportunities(@Root() organisation: Organisation, @Args() page: PageArgs, @Ctx() context: OpportunitiesContext): Promise<OpportunityConnection> {
    return new OpportunityConnection(await listPublishedOpportunities(context, organisation.id, page));
  }
}
