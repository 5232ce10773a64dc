import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../../kit";
import { resolveOrganisationReference } from "../organisation/organisation.reference";
import { Organisation } from "../organisation/organisation.stub";
import { resolvePersonReference } from "../person/person.reference";
import { Person } from "../person/person.stub";
import { OpportunitiesArgs } from "./opportunity.args";
import { Opportunity } from "./opportunity.entity";
import { CreateOpportunityInput, UpdateOpportunityInput } from "./opportunity.inputs";
import {
  createOpportunity,
  deleteOpportunity,
  findOpportunity,
  listOpportunities,
  type OpportunitiesContext,
  updateOpportunity,
} from "./opportunity.service";

@ObjectType({ description: "A page of opportunities." })
export class OpportunityConnection extends ConnectionType(Opportunity, "Opportunity") {}

@Resolver(() => Opportunity)
export class OpportunityResolver {
  @Query(() => Opportunity, { nullable: true, description: "One opportunity by id; null when unknown." })
  opportunity(@Arg("id", () => ID) id: string, @Ctx() context: OpportunitiesContext): Promise<Opportunity | null> {
    return findOpportunity(context, id);
  }

  @Query(() => OpportunityConnection, { description: "Opportunities of all networks, filtered and paginated." })
  async opportunities(@Args() args: OpportunitiesArgs, @Ctx() context: OpportunitiesContext): Promise<OpportunityConnection> {
    return new OpportunityConnection(await listOpportunities(context, args));
  }

  @FieldResolver(() => Organisation, { description: "The organisation that publishes the opportunity and answers for it." })
  publisher(@Root() opportunity: Opportunity): Organisation {
    return resolveOrganisationReference({ id: opportunity.publisherId });
  }

  @FieldResolver(() => Person, { nullable: true, description: "Whom to ask about the opportunity." })
  contact(@Root() opportunity: Opportunity): Person | null {
    return opportunity.contactId ? resolvePersonReference({ id: opportunity.contactId }) : null;
  }

  @Mutation(() => Opportunity, { description: "Publishes an opportunity." })
  createOpportunity(@Arg("input") input: CreateOpportunityInput, @Ctx() context: OpportunitiesContext): Promise<Opportunity> {
    return createOpportunity(context, input);
  }

  @Mutation(() => Opportunity, { description: "Changes an opportunity's fields." })
  updateOpportunity(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: UpdateOpportunityInput,
    @Ctx() context: OpportunitiesContext,
  ): Promise<Opportunity> {
    return updateOpportunity(context, id, input);
  }

  @Mutation(() => ID, { description: "Deletes an opportunity; returns its id." })
  deleteOpportunity(@Arg("id", () => ID) id: string, @Ctx() context: OpportunitiesContext): Promise<string> {
    return deleteOpportunity(context, id);
  }
}
