import { CountryCode, LocalizedTextInput } from "@agora-hub/subgraph-kit";
import { ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";

@InputType("FestivalsFestivalInput", { description: "A festival to list." })
export class FestivalInput {
  @Field(() => LocalizedTextInput, { description: "The festival's name, in the languages it is known by." })
  @ValidateNested()
  name!: LocalizedTextInput;

  @Field(() => CountryCode, { description: "Where it takes place." })
  country!: CountryCode;
}
