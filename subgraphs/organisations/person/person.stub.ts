import { Directive, Field, ID, ObjectType } from "type-graphql";
import { CountryCode, Discipline, LanguageTag } from "@agora-hub/subgraph-kit";

/** A person, owned by the people subgraph; this subgraph knows only the id and adds `memberships`. */
@Directive('@key(fields: "id")')
@ObjectType("Person")
export class Person {
  @Field(() => ID, { description: "Stable hub-wide identifier (UUID)." })
  id!: string;

  // Owned by the people subgraph; sent by the gateway for `partnerSuggestions` (`@requires`).
  @Directive("@external")
  @Field(() => [Discipline])
  disciplines?: Discipline[];

  @Directive("@external")
  @Field(() => CountryCode, { nullable: true })
  country?: CountryCode | null;

  @Directive("@external")
  @Field(() => [LanguageTag])
  spokenLanguages?: string[];
}
