import { Field, ObjectType, registerEnumType } from "type-graphql";
import { LanguageTag, WebUrl } from "@agora-hub/subgraph-kit";

export enum ResourceKind {
  PROJECT_REPORT = "PROJECT_REPORT",
  CASE_STUDY = "CASE_STUDY",
  BEST_PRACTICE = "BEST_PRACTICE",
  PUBLICATION = "PUBLICATION",
  TOOLKIT = "TOOLKIT",
  GUIDE = "GUIDE",
  RESEARCH_STUDY = "RESEARCH_STUDY",
  TRAINING_MATERIAL = "TRAINING_MATERIAL",
  VIDEO = "VIDEO",
  PODCAST = "PODCAST",
  DATASET = "DATASET",
}
registerEnumType(ResourceKind, {
  name: "ResourceKind",
  description: "What kind of knowledge resource it is.",
  valuesConfig: {
    PROJECT_REPORT: { description: "Report of a project: what was done, with whom, what came of it." },
    CASE_STUDY: { description: "A close look at one organisation, project or place, to learn from it." },
    BEST_PRACTICE: { description: "A practice that worked, described so that others can take it up." },
    PUBLICATION: { description: "A book, journal issue, article or policy paper." },
    TOOLKIT: { description: "Templates, checklists and tools to do something step by step." },
    GUIDE: { description: "A how-to guide: funding, mobility, contracts, audiences..." },
    RESEARCH_STUDY: { description: "A study or scholarly article with its method and findings." },
    TRAINING_MATERIAL: { description: "Course material: slides, exercises, a curriculum." },
    VIDEO: { description: "A recorded talk, documentary or tutorial." },
    PODCAST: { description: "An audio episode or series." },
    DATASET: { description: "Data for reuse: statistics, mappings, surveys." },
  },
});

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
