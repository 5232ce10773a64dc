import { Directive, Field } from "type-graphql";
import { CareerStage, CountryCode, Discipline, ExtendedKeyStub, KeyStub } from "@agora-hub/subgraph-kit";

/** A person, owned by the people subgraph; this subgraph knows its key and adds `suggestedOpportunities`. */
@ExtendedKeyStub()
export class Person extends KeyStub("Person") {
  // Owned by the people subgraph; sent by the gateway for `suggestedOpportunities` (`@requires`).
  @Directive("@external")
  @Field(() => [Discipline])
  disciplines?: Discipline[];

  @Directive("@external")
  @Field(() => CountryCode, { nullable: true })
  country?: CountryCode | null;

  @Directive("@external")
  @Field(() => CareerStage, { nullable: true })
  careerStage?: CareerStage | null;
}
