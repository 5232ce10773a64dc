import { Directive, Field, ID, ObjectType } from "type-graphql";
import { CountryCode, Discipline, LanguageTag, OpportunityType } from "@agora-hub/subgraph-kit";
import { Organisation } from "../organisation/organisation.entity";

/**
 * An opportunity, owned by the opportunities subgraph. This subgraph adds `partnerSuggestions`, which
 * needs the call's type, disciplines, countries, languages and publisher: declared `@external` here
 * and sent by the gateway with each representation (`@requires`).
 */
@Directive('@key(fields: "id")')
@ObjectType("Opportunity")
export class Opportunity {
  @Field(() => ID, { description: "Stable hub-wide identifier (UUID)." })
  id!: string;

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
