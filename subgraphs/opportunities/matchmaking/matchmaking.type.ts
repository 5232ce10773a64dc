import { Field, Float, ObjectType } from "type-graphql";
import { MatchReason } from "../../../domain/matchmaking/matchmaking";
import { Opportunity } from "../opportunity/opportunity.entity";

@ObjectType({ description: "An open opportunity suggested to a person, with the score and the reasons behind it." })
export class OpportunitySuggestion {
  @Field(() => Opportunity)
  opportunity!: Opportunity;

  @Field(() => Float, { description: "0 to 100; higher is a better match. See the matchmaking README for the formula." })
  score!: number;

  @Field(() => [MatchReason], { description: "What contributed to the score." })
  reasons!: MatchReason[];
}
