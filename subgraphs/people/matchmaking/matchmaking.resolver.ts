import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { SuggestionArgs } from "../../../domain/matchmaking/matchmaking";
import { Opportunity } from "../opportunity/opportunity.stub";
import type { PeopleContext } from "../person/person.service";
import { suggestApplicants } from "./matchmaking.service";
import { ApplicantSuggestion } from "./matchmaking.type";

@Resolver(() => Opportunity)
export class OpportunityApplicantsResolver {
  @Directive('@requires(fields: "disciplines eligibleCountries type status")')
  @FieldResolver(() => [ApplicantSuggestion], {
    nullable: true,
    description:
      "People to invite to apply, best first, each with its score and reasons: eligible, open to this kind of offer, in matching disciplines. Empty once the opportunity has closed; only people listed in the directory unless the viewer's network is theirs.",
  })
  suggestedApplicants(@Root() opportunity: Opportunity, @Args() { first }: SuggestionArgs, @Ctx() context: PeopleContext): Promise<ApplicantSuggestion[]> {
    return suggestApplicants(context, opportunity, first);
  }
}
