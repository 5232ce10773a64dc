import { Field, Float, ObjectType } from "type-graphql";
import { MatchReason } from "../../../domain/matchmaking/matchmaking";
import { Person } from "../person/person.entity";

@ObjectType({ description: "A person suggested as an applicant for an opportunity, with the score and the reasons behind it." })
export class ApplicantSuggestion {
  @Field(() => Person)
  person!: Person;

  @Field(() => Float, { description: "0 to 100; higher is a better match. See the matchmaking README for the formula." })
  score!: number;

  @Field(() => [MatchReason], { description: "What contributed to the score." })
  reasons!: MatchReason[];
}
