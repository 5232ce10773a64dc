import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { FacetsType, listSelection, SearchableConnectionType } from "@agora-hub/subgraph-kit";
import type { JsonLdNode } from "../../../domain/open-formats/json-ld";
import { JSONObject } from "../../../domain/open-formats/json-ld";
import { Event } from "../event/event.stub";
import { Opportunity } from "../opportunity/opportunity.stub";
import { Organisation } from "../organisation/organisation.stub";
import { ResourcesArgs } from "./resource.args";
import { Resource } from "./resource.entity";
import { CreateResourceInput, UpdateResourceInput, UpsertResourceInput } from "./resource.inputs";
import { resourceJsonLd } from "./resource.jsonld";
import {
  createResource,
  deleteResource,
  findResource,
  listPublishers,
  listRelatedOrganisations,
  listResources,
  type ResourcesContext,
  type ResourcesFacetDimension,
  updateResource,
  upsertResource,
} from "./resource.service";

export const ResourcesFacets = FacetsType<ResourcesFacetDimension>("ResourcesFacets", {
  items: "resources",
  dimensions: {
    kinds: "Per kind.",
    licences: "Per SPDX licence id.",
    countries: "Per country the resources are about (ISO 3166-1 alpha-2).",
    languages: "Per language they are available in.",
    disciplines: "Per discipline.",
  },
});

@ObjectType({ description: "A page of resources." })
export class ResourceConnection extends SearchableConnectionType(Resource, "Resource", ResourcesFacets) {}

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => Resource, { nullable: true, description: "One resource by id; null when unknown." })
  resource(@Arg("id", () => ID) id: string, @Ctx() context: ResourcesContext): Promise<Resource | null> {
    return findResource(context, id);
  }

  @Query(() => ResourceConnection, {
    nullable: true,
    description:
      "Knowledge resources of all networks (reports, case studies, guides, studies, videos...), filtered and paginated; most recently published first by default.",
  })
  async resources(@Args() args: ResourcesArgs, @Ctx() context: ResourcesContext, @Info() info: GraphQLResolveInfo): Promise<ResourceConnection> {
    return new ResourceConnection(await listResources(context, args, listSelection(info)));
  }

  @Directive('@requires(fields: "authors { id }")')
  @FieldResolver(() => JSONObject, {
    description:
      "The resource as schema.org JSON-LD (`CreativeWork` or a subtype by kind: `Report`, `ScholarlyArticle`, `Dataset`, `VideoObject`, `PodcastEpisode`, `HowTo`, `LearningResource`...), for search engines and linked-data clients.",
  })
  jsonLd(@Root() resource: Resource, @Ctx() context: ResourcesContext): Promise<JsonLdNode> {
    return resourceJsonLd(context, resource);
  }

  @FieldResolver(() => [Organisation], {
    nullable: "items",
    description: "Organisations that published the resource, in the order given; null in place of one that is gone or cannot be resolved.",
  })
  publishers(@Root() resource: Resource, @Ctx() context: ResourcesContext): Promise<Organisation[]> {
    return listPublishers(context, resource);
  }

  @FieldResolver(() => [Organisation], {
    nullable: "items",
    description: "Organisations the resource is about or came out of (partners, cases); null in place of one that is gone or cannot be resolved.",
  })
  relatedOrganisations(@Root() resource: Resource, @Ctx() context: ResourcesContext): Promise<Organisation[]> {
    return listRelatedOrganisations(context, resource);
  }

  @FieldResolver(() => [Opportunity], {
    nullable: "items",
    description: "Opportunities the resource relates to, e.g. the call a project report came out of; null in place of one the viewer may not see.",
  })
  async relatedOpportunities(@Root() resource: Resource, @Ctx() context: ResourcesContext): Promise<Opportunity[]> {
    return (await context.loaders.opportunityIdsByResourceId.load(resource.id)).map((id) => Opportunity.of({ id }));
  }

  @FieldResolver(() => [Event], {
    nullable: "items",
    description: "Events the resource relates to, e.g. the training it belongs to; null in place of one the viewer may not see.",
  })
  async relatedEvents(@Root() resource: Resource, @Ctx() context: ResourcesContext): Promise<Event[]> {
    return (await context.loaders.eventIdsByResourceId.load(resource.id)).map((id) => Event.of({ id }));
  }

  @Directive("@inaccessible")
  @FieldResolver(() => [ID], {
    description: "Ids of the authors, in title-page order: the people subgraph resolves `authors` from them, showing only those the viewer may see.",
  })
  authorIds(@Root() resource: Resource, @Ctx() context: ResourcesContext): Promise<string[]> {
    return context.loaders.authorIdsByResourceId.load(resource.id);
  }

  @Mutation(() => Resource, { nullable: true, description: "Adds a resource with its authors, publishers, related records and links." })
  createResource(@Arg("input") input: CreateResourceInput, @Ctx() context: ResourcesContext): Promise<Resource> {
    return createResource(context, input);
  }

  @Mutation(() => Resource, {
    nullable: true,
    description: "Creates or updates the resource with this network and source id, so a network can sync the same record again and again.",
  })
  upsertResource(@Arg("input") input: UpsertResourceInput, @Ctx() context: ResourcesContext): Promise<Resource> {
    return upsertResource(context, input);
  }

  @Mutation(() => Resource, {
    nullable: true,
    description: "Changes a resource's fields; given lists (links, authors, publishers, related records) replace the current ones.",
  })
  updateResource(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateResourceInput, @Ctx() context: ResourcesContext): Promise<Resource> {
    return updateResource(context, id, input);
  }

  @Mutation(() => ID, { nullable: true, description: "Deletes a resource; returns its id." })
  deleteResource(@Arg("id", () => ID) id: string, @Ctx() context: ResourcesContext): Promise<string> {
    return deleteResource(context, id);
  }
}
