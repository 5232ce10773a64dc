import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import express, { type Request, type Response, type Router } from "express";
import type { GraphQLFormattedError } from "graphql";
import type { Child } from "hono/jsx";
import { isUuid, logger } from "@agora-hub/runtime";
import { alertsOffered } from "./alerts/alert-criteria";
import { SubscribeForm } from "./alerts/alerts.page";
import { alertsRouter } from "./alerts/alerts.routes";
import { DIRECTORY_CSS } from "./assets/directory-css";
import type { DirectoryOptions } from "./directory-options";
import { embedRouter } from "./embed/embed.routes";
import type { MessageKey } from "./i18n/messages";
import { negotiateLanguage, type PageLanguage } from "./i18n/negotiate";
import { EVENT_OPERATION, type EventData, EventPage } from "./pages/event.page";
import { RESOURCE_OPERATION, type ResourceData, ResourcePage } from "./pages/resource.page";
import { HIT_TYPES, type HitType, HomePage, SEARCH_OPERATION, type SearchResults } from "./pages/home.page";
import { LIST_DEFINITIONS, listOperation, SEARCH_CRITERIA } from "./lists/list-definitions";
import { filterOf, ListParameterError, listVariables, readCriteria, readListRequest } from "./lists/list-parameters";
import { type ListData, ListPage } from "./pages/list.page";
import { NETWORKS_OPERATION, NetworksPage } from "./pages/networks.page";
import { failedNetworks, PartnerFacts, partnerFields, partnerOperation } from "./pages/partner-fields";
import { ORGANISATION_OPERATION, type OrganisationData, OrganisationPage } from "./pages/organisation.page";
import { OPPORTUNITY_OPERATION, type OpportunityData, OpportunityPage } from "./pages/opportunity.page";
import { PERSON_OPERATION, type PersonData, PersonPage } from "./pages/person.page";
import { type ReportDraft, ReportForm, ReportPage, reportReasons } from "./pages/report";
import { fromAnotherSite, MessagePage, sendPage } from "./pages/responses";
import {
  readVocabulary,
  type Vocabulary,
  VOCABULARIES,
  VocabulariesPage,
  vocabulariesJsonLd,
  vocabularyDefinition,
  vocabularyJsonLd,
  VocabularyPage,
} from "./pages/vocabulary.page";
import { seoRouter } from "./seo/seo.routes";

export type { DirectoryOperation, DirectoryOptions } from "./directory-options";

const SEARCH_MAX_LENGTH = 200;
const CURSOR_MAX_LENGTH = 2000;
const CSS_ETAG = `"${createHash("sha256").update(DIRECTORY_CSS).digest("base64url").slice(0, 16)}"`;

/** Each detail page: its collection (the JSON-LD `@id` path), its `ReportableType`, the root field, the operation and the page. */
const DETAILS = [
  {
    collection: "people",
    reportable: "PERSON",
    field: "person",
    typename: "Person",
    operation: PERSON_OPERATION,
    page: (data: unknown, language: PageLanguage, hubUrl: string, partner: Child, report: Child) => (
      <PersonPage person={data as PersonData} language={language} hubUrl={hubUrl} partner={partner} report={report} />
    ),
  },
  {
    collection: "organisations",
    reportable: "ORGANISATION",
    field: "organisation",
    typename: "Organisation",
    operation: ORGANISATION_OPERATION,
    page: (data: unknown, language: PageLanguage, hubUrl: string, partner: Child, report: Child) => (
      <OrganisationPage organisation={data as OrganisationData} language={language} hubUrl={hubUrl} partner={partner} report={report} />
    ),
  },
  {
    collection: "opportunities",
    reportable: "OPPORTUNITY",
    field: "opportunity",
    typename: "Opportunity",
    operation: OPPORTUNITY_OPERATION,
    page: (data: unknown, language: PageLanguage, hubUrl: string, partner: Child, report: Child) => (
      <OpportunityPage opportunity={data as OpportunityData} language={language} hubUrl={hubUrl} partner={partner} report={report} />
    ),
  },
  {
    collection: "events",
    reportable: "EVENT",
    field: "event",
    typename: "Event",
    operation: EVENT_OPERATION,
    page: (data: unknown, language: PageLanguage, hubUrl: string, partner: Child, report: Child) => (
      <EventPage event={data as EventData} language={language} hubUrl={hubUrl} partner={partner} report={report} />
    ),
  },
  {
    collection: "resources",
    reportable: "RESOURCE",
    field: "resource",
    typename: "Resource",
    operation: RESOURCE_OPERATION,
    page: (data: unknown, language: PageLanguage, hubUrl: string, partner: Child, report: Child) => (
      <ResourcePage resource={data as ResourceData} language={language} hubUrl={hubUrl} partner={partner} report={report} />
    ),
  },
] as const;

const REPORT_OPERATION = "mutation DirectoryReport($input: ReportRecordInput!) { reportRecord(input: $input) { received message } }";
/** A report's form, urlencoded: two fields, the text at most 1,000 characters even if each takes 12 bytes encoded. */
const reportBody = express.urlencoded({ extended: false, limit: "16kb", parameterLimit: 4 });

/** Whether a client asks for JSON-LD rather than a page (`Accept: application/ld+json`, not `text/html`). */
function wantsJsonLd(req: Request): boolean {
  return (
    req.accepts(["text/html", "application/ld+json", "application/json"]) !== "text/html" &&
    req.accepts(["text/html", "application/ld+json"]) === "application/ld+json"
  );
}

/** Sends JSON-LD as such, varying as pages do. */
function sendJsonLd(res: Response, status: number, document: unknown): void {
  res.status(status);
  res.setHeader("vary", "Accept, Accept-Language");
  res.type("application/ld+json").send(JSON.stringify(document));
}

/** Whether the errors of an answer are the hub's own trouble (a subgraph down), as opposed to none or the client's. */
function unavailableTypes(errors: readonly GraphQLFormattedError[] | undefined): HitType[] {
  const types = new Set<HitType>();
  for (const error of errors ?? []) {
    const type = (error.extensions as { type?: unknown } | undefined)?.type;
    if (typeof type === "string" && (HIT_TYPES as readonly string[]).includes(type)) types.add(type as HitType);
  }
  return [...types];
}

/**
 * The member directory for people: server-rendered pages (no JavaScript needed) built only on the hub's
 * public GraphQL API, as any partner directory would be. `/` searches across people, organisations, open
 * calls and events; `/people|organisations|opportunities|events|resources/<id>` are the detail pages at the JSON-LD
 * `@id` URLs (`Accept: application/ld+json` gets the JSON-LD itself); `/vocabularies` and `/vocabularies/<name>`
 * the hub's vocabularies, read from the public schema; `POST /report/<collection>/<id>` the detail pages' "Report this"
 * form (`reportRecord` with the visitor's pseudonym); robots.txt and the sitemaps (seo/seo.routes.ts). Every
 * page in the visitor's language.
 */
export function directoryRouter(options: DirectoryOptions): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.locals.directoryStartedAt = performance.now();
    next();
  });
  const languageOf = (req: Request) => negotiateLanguage(req.query.lang, options.languagesOf(req));
  const request = (req: Request, res: Response, language: PageLanguage) => ({ languages: language.content, requestId: options.requestIdOf(req, res) });

  router.get("/directory/assets/directory.css", (req, res) => {
    res.setHeader("etag", CSS_ETAG);
    res.setHeader("cache-control", "public, max-age=3600");
    if (req.header("if-none-match") === CSS_ETAG) {
      res.status(304).end();
      return;
    }
    res.type("text/css; charset=utf-8").send(DIRECTORY_CSS);
  });
  router.use(embedRouter(options));

  router.get("/", async (req, res, next) => {
    const language = languageOf(req);
    const query = typeof req.query.q === "string" ? req.query.q.trim() : "";
    const type = typeof req.query.type === "string" && (HIT_TYPES as readonly string[]).includes(req.query.type) ? (req.query.type as HitType) : null;
    const after = typeof req.query.after === "string" && req.query.after.length > 0 ? req.query.after : null;
    const schema = options.schemaOf();
    const props = {
      language,
      hubUrl: options.hubUrl,
      query,
      type,
      chosen: new Map<string, string[]>(),
      schema,
      results: null as SearchResults | null,
      unavailable: [] as HitType[],
    };
    try {
      try {
        props.chosen = readCriteria(SEARCH_CRITERIA, req.query as Record<string, unknown>, schema);
      } catch (error) {
        if (!(error instanceof ListParameterError)) throw error;
        await sendPage(
          res,
          400,
          <MessagePage
            language={language}
            hubUrl={options.hubUrl}
            path="/"
            title={language.t("badRequestTitle")}
            text={language.t("badParameter", { param: error.param, reason: error.reason })}
          />,
          language,
        );
        return;
      }
      if (query.length > SEARCH_MAX_LENGTH || (after && after.length > CURSOR_MAX_LENGTH)) {
        await sendPage(
          res,
          400,
          <MessagePage language={language} hubUrl={options.hubUrl} path="/" title={language.t("badRequestTitle")} text={language.t("noResults")} />,
          language,
        );
        return;
      }
      if (query) {
        const answer = await options.run(
          SEARCH_OPERATION,
          { query, types: type ? [type] : null, filter: filterOf(SEARCH_CRITERIA, props.chosen), after },
          request(req, res, language),
        );
        const results = answer.data?.search as SearchResults | null | undefined;
        if (!results) {
          const clientFault = answer.errors?.some((error) => error.extensions?.code === "BAD_USER_INPUT");
          if (!clientFault) logger.warn({ errors: answer.errors?.slice(0, 3) }, "directory search failed");
          await sendPage(
            res,
            clientFault ? 400 : 503,
            <MessagePage
              language={language}
              hubUrl={options.hubUrl}
              path="/"
              title={language.t(clientFault ? "badRequestTitle" : "unavailableTitle")}
              text={language.t(clientFault ? "noResults" : "unavailableText")}
            />,
            language,
          );
          return;
        }
        props.results = results;
        props.unavailable = unavailableTypes(answer.errors);
      }
      await sendPage(res, 200, <HomePage {...props} />, language);
    } catch (error) {
      next(error);
    }
  });

  router.get("/networks", async (req, res, next) => {
    const language = languageOf(req);
    try {
      const [networks, answer] = await Promise.all([options.networks?.() ?? null, options.run(NETWORKS_OPERATION, {}, request(req, res, language))]);
      const facet = (answer.data?.people as { facets?: { networks?: Array<{ value: string; count: number }> } } | null | undefined)?.facets?.networks;
      if (answer.errors?.length) logger.warn({ errors: answer.errors.slice(0, 3) }, "directory networks page: people per network unavailable");
      const people = new Map((facet ?? []).map((entry) => [entry.value, entry.count]));
      await sendPage(
        res,
        200,
        <NetworksPage language={language} hubUrl={options.hubUrl} networks={networks} people={people} schema={options.schemaOf()} />,
        language,
      );
    } catch (error) {
      next(error);
    }
  });

  for (const definition of LIST_DEFINITIONS) {
    const operation = listOperation(definition);
    router.get(`/${definition.collection}`, async (req, res, next) => {
      const language = languageOf(req);
      const schema = options.schemaOf();
      const message = (status: number, title: string, text: string) =>
        sendPage(
          res,
          status,
          <MessagePage language={language} hubUrl={options.hubUrl} path={`/${definition.collection}`} title={title} text={text} />,
          language,
        );
      try {
        let listRequest;
        try {
          listRequest = readListRequest(definition, req.query as Record<string, unknown>, schema);
        } catch (error) {
          if (!(error instanceof ListParameterError)) throw error;
          await message(400, language.t("badRequestTitle"), language.t("badParameter", { param: error.param, reason: error.reason }));
          return;
        }
        const answer = await options.run(operation, listVariables(definition, listRequest), request(req, res, language));
        const data = answer.data?.list as ListData | null | undefined;
        if (!data) {
          const clientFault = answer.errors?.some((error) => error.extensions?.code === "BAD_USER_INPUT");
          if (!clientFault) logger.warn({ errors: answer.errors?.slice(0, 3), collection: definition.collection }, "directory list failed");
          await message(
            clientFault ? 400 : 503,
            language.t(clientFault ? "badRequestTitle" : "unavailableTitle"),
            clientFault ? (answer.errors?.[0]?.message ?? "") : language.t("unavailableText"),
          );
          return;
        }
        await sendPage(
          res,
          200,
          <ListPage
            definition={definition}
            request={listRequest}
            data={data}
            schema={schema}
            language={language}
            hubUrl={options.hubUrl}
            partial={Boolean(answer.errors?.length)}
            alerts={
              alertsOffered(schema) ? (
                <SubscribeForm definition={definition} chosen={listRequest.chosen} search={listRequest.search} language={language} />
              ) : null
            }
          />,
          language,
        );
      } catch (error) {
        next(error);
      }
    });
  }

  for (const detail of DETAILS) {
    router.get(`/${detail.collection}/:id`, async (req, res, next) => {
      const language = languageOf(req);
      const id = String(req.params.id);
      const path = `/${detail.collection}/${encodeURIComponent(id)}`;
      const jsonLd = wantsJsonLd(req);
      try {
        if (!isUuid(id)) {
          if (jsonLd) res.status(400).json({ error: `${JSON.stringify(String(req.params.id).slice(0, 80))} is not a valid id (a UUID)` });
          else
            await sendPage(
              res,
              400,
              <MessagePage language={language} hubUrl={options.hubUrl} path={path} title={language.t("badRequestTitle")} text={language.t("notFoundText")} />,
              language,
            );
          return;
        }
        const networks = (await options.networks?.().catch(() => [])) ?? [];
        const fields = partnerFields(options.schemaOf(), detail.typename, networks);
        // A partner's fields come in an operation of their own, at the same time: its failure costs only them.
        const [answer, partnerAnswer] = await Promise.all([
          options.run(detail.operation, { id }, request(req, res, language)),
          fields.length > 0 && !jsonLd ? options.run(partnerOperation(detail.field, fields), { id }, request(req, res, language)) : null,
        ]);
        const data = answer.data?.[detail.field] as { jsonLd?: unknown } | null | undefined;
        if (!data) {
          const missing = !answer.errors?.length;
          if (!missing) logger.warn({ errors: answer.errors?.slice(0, 3), collection: detail.collection }, "directory page failed");
          const status = missing ? 404 : 503;
          if (jsonLd) res.status(status).json({ error: missing ? `no ${detail.field} ${id}` : "temporarily unavailable" });
          else
            await sendPage(
              res,
              status,
              <MessagePage
                language={language}
                hubUrl={options.hubUrl}
                path={path}
                title={language.t(missing ? "notFoundTitle" : "unavailableTitle")}
                text={language.t(missing ? "notFoundText" : "unavailableText")}
              />,
              language,
            );
          return;
        }
        if (jsonLd) {
          sendJsonLd(res, 200, data.jsonLd);
          return;
        }
        if (partnerAnswer?.errors?.length) logger.warn({ errors: partnerAnswer.errors.slice(0, 3) }, "directory page: partner fields unavailable");
        const partner =
          fields.length > 0 ? (
            <PartnerFacts
              fields={fields}
              data={(partnerAnswer?.data?.[detail.field] as Record<string, unknown> | null | undefined) ?? null}
              failed={failedNetworks(fields, networks, partnerAnswer?.errors)}
              language={language}
            />
          ) : null;
        const report = <ReportForm action={`/report${path}`} reasons={reportReasons(options.schemaOf())} language={language} />;
        await sendPage(res, 200, detail.page(data, language, options.hubUrl, partner, report), language);
      } catch (error) {
        next(error);
      }
    });
  }

  // "Report this": the detail pages' form, run as the anonymous visitor with their pseudonym (limits per client).
  for (const detail of DETAILS) {
    router.post(`/report/${detail.collection}/:id`, async (req, res, next) => {
      const language = languageOf(req);
      const id = String(req.params.id);
      const recordPath = `/${detail.collection}/${encodeURIComponent(id)}`;
      const reasons = reportReasons(options.schemaOf());
      const outcome = (status: number, shown: { received: string } | { error: string; draft: ReportDraft | null }) =>
        sendPage(
          res,
          status,
          <ReportPage language={language} hubUrl={options.hubUrl} recordPath={recordPath} action={`/report${recordPath}`} reasons={reasons} outcome={shown} />,
          language,
        );
      const message = (status: number, title: MessageKey, text: MessageKey) =>
        sendPage(
          res,
          status,
          <MessagePage language={language} hubUrl={options.hubUrl} path={recordPath} title={language.t(title)} text={language.t(text)} />,
          language,
        );
      try {
        // The body parser's refusals (too large, too many fields, a bad encoding) as a page rather than express's own.
        const parsed = await new Promise<{ status: number } | null>((resolve) =>
          reportBody(req, res, (error?: unknown) => resolve(error ? { status: Number((error as { status?: unknown }).status) || 400 } : null)),
        );
        if (parsed) {
          await outcome(parsed.status, { error: language.t(parsed.status === 413 ? "reportTooLarge" : "badRequestTitle"), draft: null });
          return;
        }
        if (fromAnotherSite(req, options.hubUrl)) {
          await outcome(403, { error: language.t("reportRefused"), draft: null });
          return;
        }
        if (!isUuid(id)) {
          await message(404, "notFoundTitle", "notFoundText");
          return;
        }
        if (reasons.length === 0) {
          await message(503, "unavailableTitle", "unavailableText");
          return;
        }
        const body = (req.body ?? {}) as Record<string, unknown>;
        const draft = { reason: typeof body.reason === "string" ? body.reason : "", text: typeof body.text === "string" ? body.text : "" };
        if (!reasons.includes(draft.reason)) {
          const reason = `${draft.reason ? JSON.stringify(draft.reason.slice(0, 40)) : "nothing"} is not one of ${reasons.join(", ")}`;
          await outcome(400, { error: language.t("reportBadField", { field: "reason", reason }), draft });
          return;
        }
        const answer = await options.run(
          REPORT_OPERATION,
          { input: { type: detail.reportable, id, reason: draft.reason, text: draft.text.trim() || null } },
          { ...request(req, res, language), client: options.clientOf?.(req) },
        );
        const receipt = answer.data?.reportRecord as { received: boolean; message: string } | null | undefined;
        if (receipt) {
          await outcome(200, { received: receipt.message });
          return;
        }
        const error = answer.errors?.[0];
        const code = error?.extensions?.code;
        const field = error?.extensions?.field;
        if (code === "RATE_LIMITED") await outcome(429, { error: language.t("reportRateLimited"), draft });
        // The id names no published record: as its page would, a 404.
        else if (code === "BAD_USER_INPUT" && field === "id") await message(404, "notFoundTitle", "notFoundText");
        else if (code === "BAD_USER_INPUT")
          await outcome(400, { error: language.t("reportBadField", { field: typeof field === "string" ? field : "input", reason: error!.message }), draft });
        else {
          logger.warn({ errors: answer.errors?.slice(0, 3), collection: detail.collection }, "directory report failed");
          await message(503, "unavailableTitle", "unavailableText");
        }
      } catch (error) {
        next(error);
      }
    });
  }

  // The vocabularies, read from the schema itself: introspection is off in production, and the schema object is at hand.
  const vocabularyUnavailable = async (req: Request, res: Response, path: string) => {
    const language = languageOf(req);
    if (wantsJsonLd(req)) res.status(503).json({ error: "temporarily unavailable" });
    else
      await sendPage(
        res,
        503,
        <MessagePage language={language} hubUrl={options.hubUrl} path={path} title={language.t("unavailableTitle")} text={language.t("unavailableText")} />,
        language,
      );
  };

  router.get("/vocabularies", async (req, res, next) => {
    try {
      const schema = options.schemaOf();
      const vocabularies = schema ? VOCABULARIES.map((definition) => readVocabulary(schema, definition)).filter((v): v is Vocabulary => v !== null) : [];
      if (vocabularies.length === 0) {
        await vocabularyUnavailable(req, res, "/vocabularies");
        return;
      }
      if (wantsJsonLd(req)) {
        sendJsonLd(res, 200, vocabulariesJsonLd(options.hubUrl, vocabularies));
        return;
      }
      const language = languageOf(req);
      await sendPage(res, 200, <VocabulariesPage vocabularies={vocabularies} language={language} hubUrl={options.hubUrl} />, language);
    } catch (error) {
      next(error);
    }
  });

  router.get("/vocabularies/:name", async (req, res, next) => {
    try {
      const language = languageOf(req);
      const definition = vocabularyDefinition(String(req.params.name));
      const path = `/vocabularies/${encodeURIComponent(String(req.params.name))}`;
      if (!definition) {
        if (wantsJsonLd(req)) res.status(404).json({ error: `no vocabulary ${JSON.stringify(String(req.params.name).slice(0, 80))}` });
        else
          await sendPage(
            res,
            404,
            <MessagePage language={language} hubUrl={options.hubUrl} path={path} title={language.t("notFoundTitle")} text={language.t("notFoundText")} />,
            language,
          );
        return;
      }
      const schema = options.schemaOf();
      const vocabulary = schema ? readVocabulary(schema, definition) : null;
      if (!vocabulary) {
        await vocabularyUnavailable(req, res, path);
        return;
      }
      if (wantsJsonLd(req)) {
        sendJsonLd(res, 200, vocabularyJsonLd(options.hubUrl, vocabulary));
        return;
      }
      await sendPage(res, 200, <VocabularyPage vocabulary={vocabulary} language={language} hubUrl={options.hubUrl} />, language);
    } catch (error) {
      next(error);
    }
  });

  router.use(alertsRouter(options));
  router.use(seoRouter(options));
  return router;
}
