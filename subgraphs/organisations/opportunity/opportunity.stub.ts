import { Directive, Field } from "type-graphql";
import { CountryCode, Discipline, ExtendedKeyStub, KeyStub, LanguageTag, OpportunityType } from "@agora-hub/subgraph-kit";
import { Organisation } from "../organisation/organisation.entity";

/**
 * An opportunity, owned by the opportunities subgraph. This subgraph adds `partnerSuggestions`, which
 * needs the call's type, disciplines, countries, languages and publisher: declared `@external` here
 * and sent by the gateway with each representation (`@requires`).
 */
@ExtendedKeyStub()
export class Opportunity extends KeyStub("Opportunity") {
  @Directive("@external")
  @Field(() => OpportunityType)
  type!: OpportunityType;

  @Directive("@external")
  @Field(() => [Discipline])
  disciplines!: Discipline[];

  @Directive("@external")
  @Field(() => [CountryCode])
  eligibleCountries!: CountryCode[];

  @Directive("@external")
  @Field(() => [LanguageTag])
  workingLanguages!: string[];

  @Directive("@external")
  @Field(() => Organisation, { nullable: true })
  publisher!: { id: string } | null;
}
