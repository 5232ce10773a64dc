import { createHash } from "node:crypto";
import express, { type Request, type Response, type Router } from "express";
import { logger } from "@agora-hub/runtime";
import type { DirectoryOptions } from "../directory-options";
import { negotiateLanguage, type PageLanguage } from "../i18n/negotiate";
import { AGORA_LIST_JS } from "./agora-list-js";
import { EmbedDocument, embedDocumentCss, EmbedMessageDocument } from "./embed-document";
import { type EmbedList, EmbedUnavailableError, loadEmbedList } from "./embed-lists";
import { EMBED_COLLECTIONS, EmbedParameterError, type EmbedRequest, isEmbedCollection, parseEmbedRequest } from "./embed-parameters";
import { EmbedPage, type EmbedPageProps } from "./embed.page";

const SCRIPT_ETAG = `"${createHash("sha256").update(AGORA_LIST_JS).digest("base64url").slice(0, 16)}"`;
/** How long partners' visitors and caches may keep a list: a new open call shows within minutes. */
const LIST_MAX_AGE_S = 300;
/** The /embed page frames its own preview; otherwise the directory's policy (nothing from elsewhere, no script). */
const PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** A list to send, or why there is none (the parameter's problem in English, the hub's trouble in the visitor's language). */
type ListAnswer = { list: EmbedList; colours: EmbedRequest["colours"] } | { error: string; parameter?: string; lang: string; dir: "ltr" | "rtl" };

/**
 * Sends a list answer: as JSON for the web component, readable from any origin without credentials; else as
 * an iframe's document, with no script and its one stylesheet allowed by hash.
 */
async function sendList(res: Response, json: boolean, status: number, language: PageLanguage, answer: ListAnswer): Promise<void> {
  res.status(status);
  res.setHeader("cache-control", status === 200 ? `public, max-age=${LIST_MAX_AGE_S}` : "no-store");
  res.setHeader("vary", "Accept-Language");
  res.setHeader("content-language", "list" in answer ? language.ui.tag : answer.lang);
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("x-content-type-options", "nosniff");
  // Pages with a Cross-Origin-Embedder-Policy may frame or fetch it too.
  res.setHeader("cross-origin-resource-policy", "cross-origin");
  if (json) {
    res.setHeader("access-control-allow-origin", "*");
    res.type("application/json").send(JSON.stringify("list" in answer ? answer.list : { error: answer.error, parameter: answer.parameter }));
    return;
  }
  const css = embedDocumentCss("list" in answer ? answer.colours : {});
  const hash = createHash("sha256").update(css).digest("base64");
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-security-policy", `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors *`);
  const body =
    "list" in answer ? (
      <EmbedDocument list={answer.list} css={css} />
    ) : (
      <EmbedMessageDocument message={answer.error} lang={answer.lang} dir={answer.dir} css={css} />
    );
  res.send(`<!doctype html>${await body.toString()}`);
}

/** Reads the list a request asks for; a bad parameter and the hub's trouble become answers, anything else is thrown. */
async function listAnswer(options: DirectoryOptions, req: Request, res: Response, language: PageLanguage): Promise<{ status: number; answer: ListAnswer }> {
  const collection = String(req.params.collection);
  const english = { lang: "en", dir: "ltr" } as const;
  if (!isEmbedCollection(collection)) {
    return { status: 404, answer: { error: `no list ${JSON.stringify(collection.slice(0, 40))}: one of ${EMBED_COLLECTIONS.join(", ")}`, ...english } };
  }
  try {
    const request = parseEmbedRequest(collection, req.query);
    const list = await loadEmbedList(options.run, { ...request, language, hubUrl: options.hubUrl, requestId: options.requestIdOf(req, res) });
    return { status: 200, answer: { list, colours: request.colours } };
  } catch (error) {
    if (error instanceof EmbedParameterError) return { status: 400, answer: { error: error.message, parameter: error.parameter, ...english } };
    if (!(error instanceof EmbedUnavailableError)) throw error;
    logger.warn({ errors: error.errors?.slice(0, 3), collection }, "embedded list failed");
    return { status: 503, answer: { error: language.t("unavailableText"), lang: language.ui.tag, dir: language.ui.dir } };
  }
}

/** The /embed page for the form's criteria (opportunities by default); the graph checks them, so snippets are only offered for criteria it accepts. */
async function pageProps(options: DirectoryOptions, req: Request, res: Response, language: PageLanguage): Promise<EmbedPageProps> {
  const form = Object.fromEntries(Object.entries(req.query).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "lang"));
  const props: EmbedPageProps = { language, hubUrl: options.hubUrl, form, request: null, problem: null, unavailable: false };
  try {
    const { collection = "opportunities", ...criteria } = req.query;
    if (typeof collection !== "string" || !isEmbedCollection(collection)) {
      throw new EmbedParameterError("collection", `must be one of ${EMBED_COLLECTIONS.join(", ")}`);
    }
    props.request = parseEmbedRequest(collection, criteria);
    await loadEmbedList(options.run, { ...props.request, language, hubUrl: options.hubUrl, requestId: options.requestIdOf(req, res) });
  } catch (error) {
    if (error instanceof EmbedParameterError) props.problem = error.message;
    else if (error instanceof EmbedUnavailableError) props.unavailable = true;
    else throw error;
  }
  return props;
}

/**
 * Lists partner networks put on their own websites, built on the public API like the rest of the directory:
 * `GET /embed/<people|organisations|opportunities|events>?network=…&discipline=…` is a self-contained
 * document for an iframe (`format=json`: the same list for the `<agora-list>` web component, with CORS),
 * `GET /embed/agora-list.js` is that component, and `GET /embed` explains both and makes the snippets.
 */
export function embedRouter(options: DirectoryOptions): Router {
  const router = express.Router();
  const languageOf = (req: Request) => negotiateLanguage(req.query.lang, options.languagesOf(req));

  router.get("/embed/agora-list.js", (req, res) => {
    res.setHeader("etag", SCRIPT_ETAG);
    res.setHeader("cache-control", "public, max-age=3600");
    // A module script from another origin is fetched in CORS mode: without this header partners' pages cannot run it.
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("cross-origin-resource-policy", "cross-origin");
    res.setHeader("x-content-type-options", "nosniff");
    if (req.header("if-none-match") === SCRIPT_ETAG) {
      res.status(304).end();
      return;
    }
    res.type("text/javascript; charset=utf-8").send(AGORA_LIST_JS);
  });

  router.get("/embed", async (req, res, next) => {
    const language = languageOf(req);
    try {
      const props = await pageProps(options, req, res, language);
      res.status(props.problem ? 400 : 200);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-language", language.ui.tag);
      res.setHeader("vary", "Accept-Language");
      res.setHeader("content-security-policy", PAGE_POLICY);
      res.setHeader("x-content-type-options", "nosniff");
      res.setHeader("referrer-policy", "same-origin");
      res.send(`<!doctype html>${await (<EmbedPage {...props} />).toString()}`);
    } catch (error) {
      next(error);
    }
  });

  router.get("/embed/:collection", async (req, res, next) => {
    const language = languageOf(req);
    try {
      const { status, answer } = await listAnswer(options, req, res, language);
      // Even a refused query answers in the format it asked for, so the web component can show why.
      await sendList(res, req.query.format === "json", status, language, answer);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
