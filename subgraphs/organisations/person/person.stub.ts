import { Directive, Field } from "type-graphql";
import { CountryCode, Discipline, ExtendedKeyStub, KeyStub, LanguageTag } from "@agora-hub/subgraph-kit";

/** A person, owned by the people subgraph; this subgraph knows only the id and adds `memberships`. */
@ExtendedKeyStub()
export class Person extends KeyStub("Person") {
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
