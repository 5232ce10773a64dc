import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { FacetCount, type FacetCounter } from "@agora-hub/subgraph-kit";
import { type JsonLdNode } from "../../../domain/open-formats/json-ld";
import { type Page } from "@agora-hub/subgraph-kit";
import { ConnectionType } from "@agora-hub/subgraph-kit";
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

@ObjectType({ description: "How many of the listed organisations (same search and filters, all pages) carry each value; top 50 per dimension." })
export class OrganisationsFacets {
  constructor(private readonly counter: FacetCounter<OrganisationsFacetDimension>) {}

  @Field(() => [FacetCount], { description: "Per kind of organisation." })
  kinds(): Promise<FacetCount[]> {
    return this.counter.count("kinds");
  }

  @Field(() => [FacetCount], { description: "Per service offered." })
  services(): Promise<FacetCount[]> {
    return this.counter.count("services");
  }

  @Field(() => [FacetCount], { description: "Per country of establishment (ISO 3166-1 alpha-2)." })
  countries(): Promise<FacetCount[]> {
    return this.counter.count("countries");
  }

  @Field(() => [FacetCount], { description: "Per discipline." })
  disciplines(): Promise<FacetCount[]> {
    return this.counter.count("disciplines");
  }
}

@ObjectType({ description: "A page of organisations." })
export class OrganisationConnection extends ConnectionType(Organisation, "Organisation") {
  private readonly facetCounter: FacetCounter<OrganisationsFacetDimension> | null;

  constructor(page: Page<Organisation> & { facets?: FacetCounter<OrganisationsFacetDimension> }) {
    super(page);
    this.facetCounter = page.facets ?? null;
  }

  @Field(() => OrganisationsFacets, { nullable: true, description: "Value counts of the whole list for filter menus, computed only when asked for; null on lists without facets (lists nested in another item)." })
  facets(): OrganisationsFacets | null {
    return this.facetCounter && new OrganisationsFacets(this.facetCounter);
  }
}

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
  async organisations(@Args() args: OrganisationsArgs, @Ctx() context: OrganisationsContext): Promise<OrganisationConnection> {
    return new OrganisationConnection(await listOrganisations(context, args));
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
