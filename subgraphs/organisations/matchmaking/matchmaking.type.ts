import { Field, Float, ObjectType } from "type-graphql";
import { MatchReason } from "../../../domain/matchmaking/matchmaking";
import { Organisation } from "../organisation/organisation.entity";

@ObjectType({ description: "An organisation suggested as a partner, with its score and the reasons behind it." })
export class PartnerSuggestion {
  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => Float, { description: "0 to 100; higher is a better match. See the matchmaking README for the formula." })
  score!: number;

  @Field(() => [MatchReason], { description: "What contributed to the score, strongest criteria first." })
  reasons!: MatchReason[];
}
