import type { DataSource } from "typeorm";
import { DISCIPLINES } from "@agora-hub/runtime";
import { bulkInsert, type Discipline, LocalizedText, publishedSince, type SeedSizes } from "@agora-hub/subgraph-kit";
import { createSeededFaker, demoId } from "@agora-hub/subgraph-kit/testing";
import { Resource } from "../resource/resource.entity";
import { ResourceAuthor, ResourceEvent, ResourceOpportunity, ResourceOrganisation, ResourcePublisher } from "../resource/resource-relations.entity";
import { ResourceKind } from "../resource/resource.type";
import { type CatalogueResource, type CatalogueText, DEMO_RESOURCES } from "./resources.catalogue";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DEMO_NETWORKS = ["culture-agora", "creative-tracks", "mediterranean-hubs"];

type ResourceRow = Omit<Resource, "authors" | "searchMatch">;
interface RelationRow {
  resourceId: string;
  position: number;
  [column: string]: string | number;
}

interface SeedRows {
  resources: ResourceRow[];
  authors: RelationRow[];
  publishers: RelationRow[];
  organisations: RelationRow[];
  opportunities: RelationRow[];
  events: RelationRow[];
}

/**
 * Seeds `sizes.resources` resources (none when not given) with ids `demoId("resource", i)`: the hand-written
 * catalogue first (real reports of the field named, their links not verified; see the catalogue), then
 * synthetic resources for scale tests. Authors, publishers and related records are demo people,
 * organisations, opportunities and events by index, mapped onto the seeded ranges.
 */
export async function seedResources(dataSource: DataSource, sizes: SeedSizes, now: Date = new Date()): Promise<void> {
  const count = sizes.resources ?? 0;
  const rows: SeedRows = { resources: [], authors: [], publishers: [], organisations: [], opportunities: [], events: [] };
  const demoCount = Math.min(count, DEMO_RESOURCES.length);
  for (let index = 0; index < demoCount; index++) addDemoResource(rows, index, DEMO_RESOURCES[index], sizes, now);
  addSyntheticResources(rows, demoCount, count, sizes, now);

  await dataSource.transaction(async (manager) => {
    await bulkInsert(manager, Resource, rows.resources as Resource[]);
    await bulkInsert(manager, ResourceAuthor, rows.authors as unknown as ResourceAuthor[]);
    await bulkInsert(manager, ResourcePublisher, rows.publishers as unknown as ResourcePublisher[]);
    await bulkInsert(manager, ResourceOrganisation, rows.organisations as unknown as ResourceOrganisation[]);
    await bulkInsert(manager, ResourceOpportunity, rows.opportunities as unknown as ResourceOpportunity[]);
    await bulkInsert(manager, ResourceEvent, rows.events as unknown as ResourceEvent[]);
  });
}

function localizedText({ original, versions, machine = [] }: CatalogueText): LocalizedText {
  return LocalizedText.from({
    originalLanguage: original,
    translations: Object.entries(versions).map(([lang, value]) => ({ lang, value, machineTranslated: machine.includes(lang) })),
  });
}

type DemoKind = "person" | "organisation" | "opportunity" | "event";

// Scale seeds reference the same few hundred ids many times: hash each once.
const demoIdCache = new Map<string, string>();
function cachedDemoId(kind: DemoKind, index: number): string {
  const key = `${kind}:${index}`;
  let id = demoIdCache.get(key);
  if (id === undefined) demoIdCache.set(key, (id = demoId(kind, index)));
  return id;
}

/** Maps catalogue indexes onto the seeded range (smaller seeds reuse the first records), without duplicates. */
function demoRefs(kind: DemoKind, indexes: number[] | undefined, available: number): string[] {
  if (available === 0 || !indexes) return [];
  return [...new Set(indexes.map((index) => cachedDemoId(kind, index % available)))];
}

function addRelations(rows: SeedRows, resourceId: string, relations: Record<Exclude<keyof SeedRows, "resources">, string[]>): void {
  const columns = { authors: "personId", publishers: "organisationId", organisations: "organisationId", opportunities: "opportunityId", events: "eventId" };
  for (const [list, ids] of Object.entries(relations) as Array<[keyof typeof columns, string[]]>) {
    ids.forEach((id, position) => rows[list].push({ resourceId, position, [columns[list]]: id }));
  }
}

function addDemoResource(rows: SeedRows, index: number, resource: CatalogueResource, sizes: SeedSizes, now: Date): void {
  const id = demoId("resource", index);
  // Added to the hub a few days after publication, and never in the future.
  const createdAt = new Date(
    Math.min(new Date(`${resource.published}T09:00:00.000Z`).getTime() + 3 * DAY, now.getTime() - (DEMO_RESOURCES.length - index) * HOUR),
  );
  const links = resource.links.map(([url, mediaType, language]) => ({ url, mediaType, language }));
  rows.resources.push({
    id,
    network: DEMO_NETWORKS[index % DEMO_NETWORKS.length],
    sourceId: `demo-resource-${index + 1}`,
    kind: resource.kind,
    title: localizedText(resource.title),
    summary: localizedText(resource.summary),
    body: null,
    links,
    licence: resource.licence ?? null,
    publicationDate: resource.published,
    disciplines: resource.disciplines,
    countries: resource.countries,
    languages: [...new Set([...Object.keys(resource.title.versions), ...links.flatMap((link) => (link.language ? [link.language] : []))])],
    createdAt,
    updatedAt: createdAt,
    ...publishedSince(createdAt),
  });
  addRelations(rows, id, {
    authors: demoRefs("person", resource.authors, sizes.people),
    publishers: demoRefs("organisation", resource.publishers, sizes.organisations),
    organisations: demoRefs("organisation", resource.organisations, sizes.organisations),
    opportunities: demoRefs("opportunity", resource.opportunities, sizes.opportunities),
    events: demoRefs("event", resource.events, sizes.events),
  });
}

const SYNTHETIC_THEMES = [
  "Creative Hubs",
  "Green Transition",
  "Audience Development",
  "Artist Mobility",
  "Heritage Futures",
  "Digital Skills",
  "Fair Pay",
  "Cultural Policy",
];
const KIND_NOUNS: Record<ResourceKind, string> = {
  PROJECT_REPORT: "Project Report",
  CASE_STUDY: "Case Study",
  BEST_PRACTICE: "Good Practice",
  PUBLICATION: "Publication",
  TOOLKIT: "Toolkit",
  GUIDE: "Guide",
  RESEARCH_STUDY: "Study",
  TRAINING_MATERIAL: "Course Material",
  VIDEO: "Video",
  PODCAST: "Podcast Episode",
  DATASET: "Dataset",
};
const MEDIA_TYPES: Record<ResourceKind, string> = {
  PROJECT_REPORT: "application/pdf",
  CASE_STUDY: "application/pdf",
  BEST_PRACTICE: "application/pdf",
  PUBLICATION: "application/pdf",
  TOOLKIT: "application/pdf",
  GUIDE: "text/html",
  RESEARCH_STUDY: "application/pdf",
  TRAINING_MATERIAL: "text/html",
  VIDEO: "video/mp4",
  PODCAST: "audio/mpeg",
  DATASET: "text/csv",
};
const KINDS = Object.values(ResourceKind);
const DISCIPLINE_CODES = Object.keys(DISCIPLINES) as Discipline[];
const LICENCES = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC0-1.0"];

/** Synthetic resources (English titles built from themes and kinds), for scale tests. */
function addSyntheticResources(rows: SeedRows, from: number, to: number, sizes: SeedSizes, now: Date): void {
  const faker = createSeededFaker(4006);
  const pick = (available: number, min: number, max: number) =>
    available === 0 ? [] : Array.from({ length: faker.number.int({ min, max }) }, () => faker.number.int({ min: 0, max: available - 1 }));
  for (let index = from; index < to; index++) {
    const kind = faker.helpers.arrayElement(KINDS);
    const theme = faker.helpers.arrayElement(SYNTHETIC_THEMES);
    const published = new Date(now.getTime() - faker.number.int({ min: 1, max: 3_000 }) * DAY);
    const createdAt = new Date(Math.min(now.getTime() - HOUR, published.getTime() + faker.number.int({ min: 1, max: 30 }) * DAY));
    const id = demoId("resource", index);
    const english = (value: string) => LocalizedText.from({ originalLanguage: "en", translations: [{ lang: "en", value, machineTranslated: false }] });
    rows.resources.push({
      id,
      network: faker.helpers.arrayElement(DEMO_NETWORKS),
      sourceId: `synthetic-resource-${index + 1}`,
      kind,
      title: english(`${theme} ${KIND_NOUNS[kind]} #${index + 1}`),
      summary: english(`A ${KIND_NOUNS[kind].toLowerCase()} on ${theme.toLowerCase()} for artists and cultural professionals.`),
      body: null,
      links: [
        {
          url: `https://resources.agora-hub.example/synthetic/${index + 1}`,
          mediaType: MEDIA_TYPES[kind],
          language: kind === ResourceKind.DATASET ? null : "en",
        },
      ],
      licence: faker.datatype.boolean() ? faker.helpers.arrayElement(LICENCES) : null,
      publicationDate: published.toISOString().slice(0, 10),
      disciplines: faker.helpers.arrayElements(DISCIPLINE_CODES, { min: 1, max: 3 }),
      countries: [],
      languages: ["en"],
      createdAt,
      updatedAt: createdAt,
      ...publishedSince(createdAt),
    });
    addRelations(rows, id, {
      authors: demoRefs("person", pick(sizes.people, 0, 3), sizes.people),
      publishers: demoRefs("organisation", pick(sizes.organisations, 1, 1), sizes.organisations),
      organisations: [],
      opportunities: [],
      events: [],
    });
  }
}
