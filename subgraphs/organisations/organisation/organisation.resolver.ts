import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, Info } from "type-graphql";
import { FacetsType, SearchableConnectionType, listSelection } from "@agora-hub/subgraph-kit";
import type { JsonLdNode } from "../../../domain/open-formats/json-ld";
import { JSONObject } from "../../../domain/open-formats/json-ld";
import type { OrganisationsFacetDimension } from "./organisation.service";
import type { OrganisationsContext } from "../organisations.loaders";
import { OrganisationsArgs } from "./organisation.args";
import { Organisation } from "./organisation.entity";
import { organisationJsonLd } from "./organisation.jsonld";
import { CreateOrganisationInput, UpdateOrganisationInput, UpsertOrganisationInput } from "./organisation.inputs";
import {
  createOrganisation,
  deleteOrganisation,
  findOrganisation,
  findOrganisationBySlug,
  listOrganisations,
  updateOrganisation,
  upsertOrganisation,
} from "./organisation.service";

export const OrganisationsFacets = FacetsType<OrganisationsFacetDimension>("OrganisationsFacets", {
  items: "organisations",
  dimensions: {
    kinds: "Per kind of organisation.",
    services: "Per service offered.",
    countries: "Per country of establishment (ISO 3166-1 alpha-2).",
    disciplines: "Per discipline.",
  },
});

@ObjectType({ description: "A page of organisations." })
export class OrganisationConnection extends SearchableConnectionType(Organisation, "Organisation", OrganisationsFacets) {}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { nullable: true, description: "One organisation by id; null when unknown." })
  organisation(@Arg("id", () => ID) id: string, @Ctx() context: OrganisationsContext): Promise<Organisation | null> {
    return findOrganisation(context, id);
  }

  @Query(() => Organisation, { nullable: true, description: "One organisation by its slug; null when unknown." })
  organisationBySlug(@Arg("slug") slug: string, @Ctx() context: OrganisationsContext): Promise<Organisation | null> {
    return findOrganisationBySlug(context, slug);
  }

  @Query(() => OrganisationConnection, { nullable: true, description: "Organisations of all networks, filtered and paginated." })
  async organisations(
    @Args() args: OrganisationsArgs,
    @Ctx() context: OrganisationsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OrganisationConnection> {
    return new OrganisationConnection(await listOrganisations(context, args, listSelection(info)));
  }

  @FieldResolver(() => JSONObject, {
    description: "The organisation as schema.org JSON-LD (`Organization` or a subtype by kind), for search engines and linked-data clients.",
  })
  jsonLd(@Root() organisation: Organisation, @Ctx() context: OrganisationsContext): JsonLdNode {
    return organisationJsonLd(context.hubUrl, organisation);
  }

  @Mutation(() => Organisation, { nullable: true, description: "Adds an organisation; its slug is generated from the name unless given." })
  createOrganisation(@Arg("input") input: CreateOrganisationInput, @Ctx() context: OrganisationsContext): Promise<Organisation> {
    return createOrganisation(context, input);
  }

  @Mutation(() => Organisation, {
    nullable: true,
    description: "Creates or updates the organisation with this network and source id, so a network can sync the same record again and again.",
  })
  upsertOrganisation(@Arg("input") input: UpsertOrganisationInput, @Ctx() context: OrganisationsContext): Promise<Organisation> {
    return upsertOrganisation(context, input);
  }

  @Mutation(() => Organisation, { nullable: true, description: "Changes an organisation's fields." })
  updateOrganisation(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: UpdateOrganisationInput,
    @Ctx() context: OrganisationsContext,
  ): Promise<Organisation> {
    return updateOrganisation(context, id, input);
  }

  @Mutation(() => ID, { nullable: true, description: "Deletes an organisation and every membership in it or of it; returns its id." })
  deleteOrganisation(@Arg("id", () => ID) id: string, @Ctx() context: OrganisationsContext): Promise<string> {
    return deleteOrganisation(context, id);
  }
}
