import express, { type Request, type Response, type Router } from "express";
import { LRUCache } from "lru-cache";
import { logger } from "@agora-hub/runtime";
import { VOCABULARIES } from "../pages/vocabulary.page";
import {
  SITEMAP_COLLECTIONS,
  type SitemapCollection,
  type SitemapOperation,
  SitemapUnavailableError,
  sitemapIndexXml,
  urlsetXml,
  walkCollection,
} from "./sitemaps";

/** What the crawler routes need of the directory's options. */
export interface SeoOptions {
  run: SitemapOperation;
  /** The hub's public base URL: every URL of robots.txt and the sitemaps is absolute. */
  hubUrl: string;
  requestIdOf: (req: Request, res: Response) => string;
}

/** How long a collection's sitemap is kept: crawlers asking again meanwhile get the same document, and the hub walks no list. */
export const SITEMAP_CACHE_MS = 5 * 60_000;

/** Paths crawlers are asked to leave alone: the API, the operator's API and the embeddable widgets. */
const DISALLOWED = ["/graphql", "/admin", "/embed"];

/** The sitemaps the index lists: one per collection of detail pages, and the vocabularies. */
const SITEMAPS = [...Object.keys(SITEMAP_COLLECTIONS), "vocabularies"] as const;

function sendXml(res: Response, xml: string): void {
  res.setHeader("cache-control", `public, max-age=${SITEMAP_CACHE_MS / 1000}`);
  res.setHeader("x-content-type-options", "nosniff");
  res.type("application/xml; charset=utf-8").send(xml);
}

/**
 * What crawlers read: `/robots.txt` (the directory is open, the APIs are not; where the sitemap is) and
 * `/sitemap.xml`, an index of `/sitemaps/<collection>.xml`, one per collection of detail pages (people,
 * organisations, opportunities, events, resources) plus the vocabularies. Each collection's sitemap is built by walking
 * its public list anonymously (`walkCollection`) and kept `SITEMAP_CACHE_MS`; walks of one collection in
 * flight are shared.
 */
export function seoRouter(options: SeoOptions): Router {
  const router = express.Router();
  const collectionSitemaps = new LRUCache<SitemapCollection, string, { requestId: string }>({
    max: Object.keys(SITEMAP_COLLECTIONS).length,
    ttl: SITEMAP_CACHE_MS,
    fetchMethod: async (collection, _stale, { context }) => urlsetXml(options.hubUrl, await walkCollection(options.run, collection, context.requestId)),
  });

  router.get("/robots.txt", (_req, res) => {
    const lines = [
      "User-agent: *",
      "Allow: /",
      ...DISALLOWED.map((path) => `Disallow: ${path}`),
      "",
      `Sitemap: ${new URL("/sitemap.xml", options.hubUrl)}`,
      "",
    ];
    res.setHeader("cache-control", "public, max-age=3600");
    res.type("text/plain; charset=utf-8").send(lines.join("\n"));
  });

  router.get("/sitemap.xml", (_req, res) => {
    sendXml(
      res,
      sitemapIndexXml(
        options.hubUrl,
        SITEMAPS.map((name) => `/sitemaps/${name}.xml`),
      ),
    );
  });

  router.get("/sitemaps/vocabularies.xml", (_req, res) => {
    sendXml(res, urlsetXml(options.hubUrl, [{ path: "/vocabularies" }, ...VOCABULARIES.map((vocabulary) => ({ path: `/vocabularies/${vocabulary.name}` }))]));
  });

  router.get("/sitemaps/:collection.xml", async (req, res, next) => {
    const collection = String(req.params.collection);
    if (!Object.hasOwn(SITEMAP_COLLECTIONS, collection)) {
      res
        .status(404)
        .type("text/plain; charset=utf-8")
        .send(`no sitemap ${JSON.stringify(collection.slice(0, 80))}; sitemaps: ${SITEMAPS.join(", ")}`);
      return;
    }
    try {
      const xml = await collectionSitemaps.fetch(collection as SitemapCollection, { context: { requestId: options.requestIdOf(req, res) } });
      if (xml === undefined) throw new SitemapUnavailableError(collection);
      sendXml(res, xml);
    } catch (error) {
      if (!(error instanceof SitemapUnavailableError)) {
        next(error);
        return;
      }
      logger.warn({ err: error, collection }, "sitemap unavailable");
      res.setHeader("retry-after", "60");
      res.status(503).type("text/plain; charset=utf-8").send("temporarily unavailable");
    }
  });

  return router;
}
