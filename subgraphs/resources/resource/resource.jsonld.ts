import {
  countryNode,
  disciplineTerms,
  entityLink,
  hubTerm,
  type JsonLdNode,
  jsonLdDocument,
  languageTagged,
  thingJsonLd,
} from "../../../domain/open-formats/json-ld";
import type { Resource } from "./resource.entity";
import type { ResourcesContext } from "./resource.service";
import { ResourceKind } from "./resource.type";

/** The schema.org type of each kind of resource; the hub's kind goes in `additionalType`. */
export const SCHEMA_TYPES: Record<ResourceKind, string> = {
  [ResourceKind.PROJECT_REPORT]: "Report",
  [ResourceKind.CASE_STUDY]: "Article",
  [ResourceKind.BEST_PRACTICE]: "Article",
  [ResourceKind.PUBLICATION]: "CreativeWork",
  [ResourceKind.TOOLKIT]: "HowTo",
  [ResourceKind.GUIDE]: "HowTo",
  [ResourceKind.RESEARCH_STUDY]: "ScholarlyArticle",
  [ResourceKind.TRAINING_MATERIAL]: "LearningResource",
  [ResourceKind.VIDEO]: "VideoObject",
  [ResourceKind.PODCAST]: "PodcastEpisode",
  [ResourceKind.DATASET]: "Dataset",
};

/**
 * A resource as schema.org `CreativeWork` or the subtype of its kind: authors (only those the people subgraph
 * resolved for the viewer), publishers and related organisations as `@id` links, its links as media objects
 * (a Dataset's as `distribution`), its SPDX licence as the licence's URL.
 */
export async function resourceJsonLd(context: ResourcesContext, resource: Resource): Promise<JsonLdNode> {
  const [publisherIds, organisationIds, opportunityIds, eventIds] = await Promise.all([
    context.loaders.publisherIdsByResourceId.load(resource.id),
    context.loaders.organisationIdsByResourceId.load(resource.id),
    context.loaders.opportunityIdsByResourceId.load(resource.id),
    context.loaders.eventIdsByResourceId.load(resource.id),
  ]);
  const hub = context.hubUrl;
  const authorIds = (resource.authors ?? []).map((author) => author.id);
  const media = resource.links.map((link) => ({
    "@type": resource.kind === ResourceKind.DATASET ? "DataDownload" : "MediaObject",
    contentUrl: link.url,
    encodingFormat: link.mediaType,
    inLanguage: link.language ?? undefined,
  }));
  const recorded = resource.kind === ResourceKind.VIDEO || resource.kind === ResourceKind.PODCAST;
  const events = eventIds.map((id) => entityLink(hub, "events", id));
  return jsonLdDocument({
    ...thingJsonLd(hub, SCHEMA_TYPES[resource.kind], "resources", resource),
    additionalType: hubTerm(hub, "resource-kinds", resource.kind),
    name: languageTagged(resource.title),
    abstract: languageTagged(resource.summary),
    text: languageTagged(resource.body),
    datePublished: resource.publicationDate,
    author: authorIds.map((id) => entityLink(hub, "people", id)),
    publisher: publisherIds.map((id) => entityLink(hub, "organisations", id)),
    about: organisationIds.map((id) => entityLink(hub, "organisations", id)),
    // The training an item belongs to, the call a report came out of; a recording's event is where it was recorded.
    mentions: [...opportunityIds.map((id) => entityLink(hub, "opportunities", id)), ...(recorded ? [] : events)],
    recordedAt: recorded ? events : undefined,
    license: resource.licence ? `https://spdx.org/licenses/${resource.licence}.html` : undefined,
    inLanguage: resource.languages,
    keywords: disciplineTerms(hub, resource.disciplines),
    spatialCoverage: resource.countries.map(countryNode),
    url: resource.links[0]?.url,
    [resource.kind === ResourceKind.DATASET ? "distribution" : "associatedMedia"]: media,
  });
}
