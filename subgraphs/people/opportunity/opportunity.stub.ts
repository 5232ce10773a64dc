import { Directive, Field, ID } from "type-graphql";
import { CountryCode, Discipline, ExtendedKeyStub, KeyStub, OpportunityStatus, OpportunityType } from "@agora-hub/subgraph-kit";

/**
 * An opportunity, owned by the opportunities subgraph. This subgraph adds `suggestedApplicants`, which
 * needs the call's disciplines, countries, type and status, and `contact`, which needs the contact's id:
 * declared `@external` here and sent by the gateway with each representation (`@requires`).
 */
@ExtendedKeyStub()
export class Opportunity extends KeyStub("Opportunity") {
  @Directive("@external")
  @Field(() => [Discipline])
  disciplines!: Discipline[];

  @Directive("@external")
  @Field(() => [CountryCode])
  eligibleCountries!: CountryCode[];

  @Directive("@external")
  @Field(() => OpportunityType)
  type!: OpportunityType;

  @Directive("@external")
  @Field(() => OpportunityStatus)
  status!: OpportunityStatus;

  /** The contact person's id, for `contact` (hidden from clients by the opportunities subgraph). */
  @Directive("@external")
  @Field(() => ID, { nullable: true })
  contactId!: string | null;
}
