import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { SuggestionArgs } from "../../../domain/matchmaking/matchmaking";
import type { OpportunitiesContext } from "../opportunity/opportunity.service";
import { Person } from "../person/person.stub";
import { suggestOpportunities } from "./matchmaking.service";
import { OpportunitySuggestion } from "./matchmaking.type";

@Resolver(() => Person)
export class PersonSuggestedOpportunitiesResolver {
  @Directive('@requires(fields: "disciplines country careerStage")')
  @FieldResolver(() => [OpportunitySuggestion], {
    nullable: true,
    description:
      "Open opportunities the person is eligible for in matching disciplines, best first (closing sooner slightly higher), each with its score and reasons.",
  })
  suggestedOpportunities(@Root() person: Person, @Args() { first }: SuggestionArgs, @Ctx() context: OpportunitiesContext): Promise<OpportunitySuggestion[]> {
    return suggestOpportunities(context, person, first);
  }
}
