import type { GraphQLFormattedError } from "graphql";
import { INTERFACE_LANGUAGES } from "../i18n/messages";
import { withLanguage } from "../pages/layout";

/** Runs one GraphQL operation through the hub's public API as an anonymous visitor (the directory's `run`). */
export type SitemapOperation = (
  query: string,
  variables: Record<string, unknown>,
  request: { languages: string[]; requestId: string },
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

/** The collections with a sitemap of their detail pages, each the list field that walks it (the JSON-LD `@id` paths). */
export const SITEMAP_COLLECTIONS = {
  people: "people",
  organisations: "organisations",
  opportunities: "opportunities",
  events: "events",
  resources: "resources",
} as const;

/** A collection with a sitemap. */
export type SitemapCollection = keyof typeof SITEMAP_COLLECTIONS;

/** The lists' largest page (`first`: 0 to 100): the fewest operations per walk. */
export const SITEMAP_PAGE_SIZE = 100;

/**
 * Most URLs one collection's sitemap lists: the protocol's limit for one file (50,000), so a walk reads at
 * most 500 pages. A larger collection lists its newest 50,000 (every list is walked newest first).
 */
export const MAX_SITEMAP_URLS = 50_000;

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text escaped for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character]);
}

/** A detail page's canonical URL, as its `<link rel="canonical">` has it. */
function pageUrl(hubUrl: string, path: string): string {
  return new URL(path, hubUrl).toString();
}

/** One page of a sitemap: where it is and when it last changed, when known. */
export interface SitemapPage {
  path: string;
  lastModified?: string;
}

/** A sitemap (urlset) of `pages`, each with its alternates in every interface language (`?lang=`). */
export function urlsetXml(hubUrl: string, pages: readonly SitemapPage[]): string {
  const urls = pages.map((page) => {
    const alternates = INTERFACE_LANGUAGES.map(
      (language) => `<xhtml:link rel="alternate" hreflang="${language.tag}" href="${xmlEscape(pageUrl(hubUrl, withLanguage(page.path, language.tag)))}"/>`,
    );
    const lastModified = page.lastModified ? `<lastmod>${xmlEscape(page.lastModified)}</lastmod>` : "";
    return `<url><loc>${xmlEscape(pageUrl(hubUrl, page.path))}</loc>${lastModified}${alternates.join("")}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/** A sitemap index of the sitemaps at `paths`. */
export function sitemapIndexXml(hubUrl: string, paths: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...paths.map((path) => `<sitemap><loc>${xmlEscape(pageUrl(hubUrl, path))}</loc></sitemap>`),
    "</sitemapindex>",
    "",
  ].join("\n");
}

/** A list could not be walked (a subgraph down, an error): no sitemap rather than one missing pages. */
export class SitemapUnavailableError extends Error {}

type ListPage = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string; updatedAt?: string | null } | null }> };

/**
 * The detail pages of a collection, newest first, walking its public list as an anonymous visitor, so only
 * what anyone may see (a person who is not discoverable is not in the list): pages of `SITEMAP_PAGE_SIZE`,
 * at most `MAX_SITEMAP_URLS`. `lastModified` is the record's `updatedAt`.
 */
export async function walkCollection(run: SitemapOperation, collection: SitemapCollection, requestId: string): Promise<SitemapPage[]> {
  const field = SITEMAP_COLLECTIONS[collection];
  const query = `query Sitemap($first: Int!, $after: String) {
    ${field}(first: $first, after: $after, orderBy: NEWEST) { pageInfo { hasNextPage endCursor } edges { node { id updatedAt } } }
  }`;
  const pages: SitemapPage[] = [];
  let after: string | null = null;
  while (pages.length < MAX_SITEMAP_URLS) {
    const answer = await run(query, { first: Math.min(SITEMAP_PAGE_SIZE, MAX_SITEMAP_URLS - pages.length), after }, { languages: [], requestId });
    const list = answer.data?.[field] as ListPage | null | undefined;
    if (!list || answer.errors?.length) throw new SitemapUnavailableError(`${field}: ${answer.errors?.[0]?.message ?? "no list"}`);
    for (const edge of list.edges) {
      if (edge.node) pages.push({ path: `/${collection}/${encodeURIComponent(edge.node.id)}`, lastModified: edge.node.updatedAt ?? undefined });
    }
    if (!list.pageInfo.hasNextPage || !list.pageInfo.endCursor || list.edges.length === 0) break;
    after = list.pageInfo.endCursor;
  }
  return pages;
}
