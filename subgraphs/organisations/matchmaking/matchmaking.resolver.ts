import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { SuggestionArgs } from "../../../domain/matchmaking/matchmaking";
import { Opportunity } from "../opportunity/opportunity.stub";
import { Organisation } from "../organisation/organisation.entity";
import type { OrganisationsContext } from "../organisations.loaders";
import { Person } from "../person/person.stub";
import { suggestPartnersForOpportunity, suggestPartnersForOrganisation, suggestPartnersForPerson } from "./matchmaking.service";
import { PartnerSuggestion } from "./matchmaking.type";

const DESCRIPTION = "Organisations to partner with, best first, each with its score and reasons (see the matchmaking README).";

@Resolver(() => Organisation)
export class OrganisationPartnerSuggestionsResolver {
  @FieldResolver(() => [PartnerSuggestion], { nullable: true, description: DESCRIPTION })
  partnerSuggestions(
    @Root() organisation: Organisation,
    @Args() { first }: SuggestionArgs,
    @Ctx() context: OrganisationsContext,
  ): Promise<PartnerSuggestion[]> {
    return suggestPartnersForOrganisation(context, organisation, first);
  }
}

@Resolver(() => Person)
export class PersonPartnerSuggestionsResolver {
  @Directive('@requires(fields: "disciplines country spokenLanguages")')
  @FieldResolver(() => [PartnerSuggestion], { nullable: true, description: `${DESCRIPTION} The person's own organisations are left out.` })
  partnerSuggestions(@Root() person: Person, @Args() { first }: SuggestionArgs, @Ctx() context: OrganisationsContext): Promise<PartnerSuggestion[]> {
    return suggestPartnersForPerson(context, person, first);
  }
}

@Resolver(() => Opportunity)
export class OpportunityPartnerSuggestionsResolver {
  @Directive('@requires(fields: "type disciplines eligibleCountries workingLanguages publisher { id }")')
  @FieldResolver(() => [PartnerSuggestion], {
    nullable: true,
    description: `${DESCRIPTION} Only for PARTNER_SEARCH and COLLABORATION_CALL opportunities (empty for other types); candidates are in the eligible countries.`,
  })
  partnerSuggestions(@Root() opportunity: Opportunity, @Args() { first }: SuggestionArgs, @Ctx() context: OrganisationsContext): Promise<PartnerSuggestion[]> {
    return suggestPartnersForOpportunity(context, opportunity, first);
  }
}
