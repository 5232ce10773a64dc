import { Field, ObjectType, registerEnumType } from "type-graphql";
import { LanguageTag, WebUrl } from "@agora-hub/subgraph-kit";

/** Defined in the kit because the alerts subgraph's saved searches name it too; re-exported here. */
export { ResourceKind } from "@agora-hub/subgraph-kit";

export enum ResourceOrder {
  PUBLISHED = "PUBLISHED",
  NEWEST = "NEWEST",
  /** Best `search` match first; needs `search`. */
  RELEVANCE = "RELEVANCE",
}
registerEnumType(ResourceOrder, {
  name: "ResourceOrder",
  description: "Order of a list of resources.",
  valuesConfig: {
    PUBLISHED: { description: "Most recently published first (by `publicationDate`; undated resources last)." },
    NEWEST: { description: "Most recently added to the hub first." },
  },
});

/** One place a resource can be read, watched or downloaded; stored in the resource's `links` jsonb column. */
@ObjectType({ description: "Where a resource can be read, watched, listened to or downloaded, in one format and language." })
export class ResourceLink {
  @Field(() => WebUrl, { description: "The http(s) address of the file or page." })
  url!: string;

  @Field({ description: 'Its media type (RFC 6838), e.g. "application/pdf", "text/html", "video/mp4".' })
  mediaType!: string;

  @Field(() => LanguageTag, { nullable: true, description: "The language of this version (BCP 47); null when it has no language of its own, e.g. a dataset." })
  language!: string | null;
}
