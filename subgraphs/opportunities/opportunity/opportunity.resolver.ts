import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, Info } from "type-graphql";
import { FacetsType, SearchableConnectionType, listSelection } from "@agora-hub/subgraph-kit";
import type { JsonLdNode } from "../../../domain/open-formats/json-ld";
import { JSONObject } from "../../../domain/open-formats/json-ld";
import { MAX_CALENDAR_ENTRIES } from "../../../domain/open-formats/calendar";
import { Organisation } from "../organisation/organisation.stub";
import { OpportunitiesArgs, OpportunityDeadlinesCalendarArgs } from "./opportunity.args";
import { opportunityDeadlinesCalendar } from "./opportunity.calendar";
import { Opportunity } from "./opportunity.entity";
import { opportunityJsonLd } from "./opportunity.jsonld";
import { CreateOpportunityInput, UpdateOpportunityInput, UpsertOpportunityInput } from "./opportunity.inputs";
import {
  createOpportunity,
  deleteOpportunity,
  findOpportunity,
  listOpportunities,
  type OpportunitiesContext,
  updateOpportunity,
  upsertOpportunity,
  type OpportunitiesFacetDimension,
} from "./opportunity.service";

export const OpportunitiesFacets = FacetsType<OpportunitiesFacetDimension>("OpportunitiesFacets", {
  items: "opportunities",
  dimensions: {
    types: "Per type of opportunity.",
    statuses: "Per status as of now (FORTHCOMING, OPEN, CLOSED).",
    countries: "Per country where it takes place (ISO 3166-1 alpha-2).",
    disciplines: "Per discipline it is open to.",
  },
});

@ObjectType({ description: "A page of opportunities." })
export class OpportunityConnection extends SearchableConnectionType(Opportunity, "Opportunity", OpportunitiesFacets) {}

@Resolver(() => Opportunity)
export class OpportunityResolver {
  @Query(() => Opportunity, { nullable: true, description: "One opportunity by id; null when unknown." })
  opportunity(@Arg("id", () => ID) id: string, @Ctx() context: OpportunitiesContext): Promise<Opportunity | null> {
    return findOpportunity(context, id);
  }

  @Query(() => OpportunityConnection, { nullable: true, description: "Opportunities of all networks, filtered and paginated." })
  async opportunities(@Args() args: OpportunitiesArgs, @Ctx() context: OpportunitiesContext, @Info() info: GraphQLResolveInfo): Promise<OpportunityConnection> {
    return new OpportunityConnection(await listOpportunities(context, args, listSelection(info)));
  }

  @Query(() => String, {
    nullable: true,
    description: `Deadlines of the opportunities matching a filter as an iCalendar (RFC 5545) feed, earliest first, at most ${MAX_CALENDAR_ENTRIES}; served by the gateway at /feeds/deadlines.ics.`,
  })
  opportunityDeadlinesCalendar(@Args() args: OpportunityDeadlinesCalendarArgs, @Ctx() context: OpportunitiesContext): Promise<string> {
    return opportunityDeadlinesCalendar(context, args);
  }

  @FieldResolver(() => JSONObject, {
    description:
      "The opportunity as schema.org JSON-LD: `MonetaryGrant`, `JobPosting`, `Course` or `Offer` by type, for search engines and linked-data clients; an ARCHIVED one says so in `additionalProperty` (publicationState), a `Course` also in `creativeWorkStatus`.",
  })
  jsonLd(@Root() opportunity: Opportunity, @Ctx() context: OpportunitiesContext): JsonLdNode {
    return opportunityJsonLd(context.hubUrl, opportunity);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation that publishes the opportunity and answers for it." })
  publisher(@Root() opportunity: Opportunity): Organisation {
    return Organisation.of({ id: opportunity.publisherId });
  }

  @Directive("@inaccessible")
  @FieldResolver(() => ID, {
    nullable: true,
    description: "The contact person's id: the people subgraph resolves `contact` from it, showing only people the viewer may see.",
  })
  contactId(@Root() opportunity: Opportunity): string | null {
    return opportunity.contactId;
  }

  @Mutation(() => Opportunity, { nullable: true, description: "Publishes an opportunity." })
  createOpportunity(@Arg("input") input: CreateOpportunityInput, @Ctx() context: OpportunitiesContext): Promise<Opportunity> {
    return createOpportunity(context, input);
  }

  @Mutation(() => Opportunity, {
    nullable: true,
    description: "Creates or updates the opportunity with this network and source id, so a network can sync the same record again and again.",
  })
  upsertOpportunity(@Arg("input") input: UpsertOpportunityInput, @Ctx() context: OpportunitiesContext): Promise<Opportunity> {
    return upsertOpportunity(context, input);
  }

  @Mutation(() => Opportunity, { nullable: true, description: "Changes an opportunity's fields." })
  updateOpportunity(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateOpportunityInput, @Ctx() context: OpportunitiesContext): Promise<Opportunity> {
    return updateOpportunity(context, id, input);
  }

  @Mutation(() => ID, { nullable: true, description: "Deletes an opportunity; returns its id." })
  deleteOpportunity(@Arg("id", () => ID) id: string, @Ctx() context: OpportunitiesContext): Promise<string> {
    return deleteOpportunity(context, id);
  }
}
