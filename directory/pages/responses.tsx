import { performance } from "node:perf_hooks";
import type { Request, Response } from "express";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { PageLanguage } from "../i18n/negotiate";
import { Layout } from "./layout";

/** Pages load nothing from elsewhere and run no script; JSON-LD blocks are data, not scripts. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Sends a page: HTML5, the language's `Content-Language`, and headers that keep it self-contained. */
export async function sendPage(res: Response, status: number, page: JSX.Element, language: PageLanguage): Promise<void> {
  const html = await page.toString();
  res.status(status);
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-language", language.ui.tag);
  res.setHeader("vary", "Accept, Accept-Language");
  res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "same-origin");
  const started = res.locals.directoryStartedAt;
  // The page's time on the server (its GraphQL operations and rendering), for browsers' tools and bench:directory.
  if (typeof started === "number") res.setHeader("server-timing", `page;dur=${(performance.now() - started).toFixed(1)}`);
  res.send(`<!doctype html>${html}`);
}

/** A page that only says something went wrong (not found, invalid address, unavailable). */
export function MessagePage({ language, hubUrl, path, title, text }: { language: PageLanguage; hubUrl: string; path: string; title: string; text: string }) {
  return (
    <Layout frame={{ language, title, path, hubUrl }}>
      <h1>{title}</h1>
      <p>{text}</p>
    </Layout>
  );
}

/**
 * Whether a POST comes from another site's page: browsers say so in `Sec-Fetch-Site` and `Origin`. The directory's
 * forms need no credentials, so this is not about forged sessions; it only keeps other sites from posting them
 * through visitors (filing reports, subscribing addresses).
 */
export function fromAnotherSite(req: Request, hubUrl: string): boolean {
  if (req.header("sec-fetch-site") === "cross-site") return true;
  const origin = req.header("origin");
  if (origin === undefined) return false;
  return origin !== new URL(hubUrl).origin && origin !== `${req.protocol}://${req.get("host")}`;
}
