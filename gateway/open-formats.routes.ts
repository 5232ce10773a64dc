import express, { type Request, type Response, type Router } from "express";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import { isUuid } from "@agora-hub/runtime";
import { logger } from "@agora-hub/runtime";
import { type FeedOperation, FeedParameterError, feedOperation, feedVariables } from "./feed-parameters";

/** Runs one GraphQL operation through the gateway's own Apollo Server, as an anonymous client. */
export type RunOperation = (
  query: string,
  variables: Record<string, unknown>,
  /** `client`: the client's pseudonym, for operations limited per client (the directory's reports). */
  request: { languages: string[]; requestId: string; client?: string },
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

/** Each entity page `/<collection>/<id>.jsonld` and the root field that answers it. */
const JSON_LD_PAGES = { people: "person", organisations: "organisation", opportunities: "opportunity", events: "event", resources: "resource" } as const;

/**
 * Each feed and the root field that answers it. Its parameters are that field's arguments and the
 * fields of its filter input, read from the schema the gateway serves: a new filter field works in the
 * feed without a change here.
 */
const FEEDS: Record<string, { field: string; filename: string }> = {
  "events.ics": { field: "eventsCalendar", filename: "agora-events.ics" },
  "deadlines.ics": { field: "opportunityDeadlinesCalendar", filename: "agora-deadlines.ics" },
};

/** Each schema's feed operations, derived once per supergraph. */
const feedOperations = new WeakMap<GraphQLSchema, Map<string, FeedOperation | null>>();

function feedOperationOf(schema: GraphQLSchema, field: string): FeedOperation | null {
  let operations = feedOperations.get(schema);
  if (!operations) {
    operations = new Map();
    feedOperations.set(schema, operations);
  }
  if (!operations.has(field)) operations.set(field, feedOperation(schema, field));
  return operations.get(field) ?? null;
}

/** The HTTP status for the errors of a GraphQL answer: the client's fault (400) or the hub's (503/500). */
function errorStatus(errors: readonly GraphQLFormattedError[]): number {
  const codes = errors.map((error) => error.extensions?.code);
  if (codes.some((code) => code === "BAD_USER_INPUT" || code === "GRAPHQL_VALIDATION_FAILED")) return 400;
  if (codes.some((code) => code === "SUBGRAPH_UNAVAILABLE")) return 503;
  return 500;
}

function sendErrors(res: Response, errors: readonly GraphQLFormattedError[]): void {
  const status = errorStatus(errors);
  if (status === 500) logger.warn({ errors: errors.slice(0, 5) }, "open format request failed");
  res.status(status).json({ error: status === 500 ? "internal error" : errors.map((error) => error.message).join("; ") });
}

/**
 * Open formats of the graph over plain HTTP, each answered by running a GraphQL operation through the
 * gateway (no domain logic here): `/people|organisations|opportunities|events|resources/<id>.jsonld` as
 * `application/ld+json`; `/events/<id>.ics` (one event), `/feeds/events.ics` and `/feeds/deadlines.ics` as `text/calendar`.
 */
export function openFormatsRouter(
  run: RunOperation,
  options: {
    languagesOf: (req: Request) => string[];
    requestIdOf: (req: Request, res: Response) => string;
    /** The (API) schema the gateway serves now, which the feeds' parameters are read from. */
    schemaOf: () => GraphQLSchema | undefined;
  },
): Router {
  const router = express.Router();

  for (const [collection, field] of Object.entries(JSON_LD_PAGES)) {
    router.get(`/${collection}/:id.jsonld`, async (req, res, next) => {
      try {
        const id: string = String(req.params.id);
        if (!isUuid(id)) {
          res.status(400).json({ error: `${JSON.stringify(String(id).slice(0, 80))} is not a valid id (a UUID)` });
          return;
        }
        const answer = await run(
          `query EntityJsonLd($id: ID!) { ${field}(id: $id) { jsonLd } }`,
          { id },
          {
            languages: options.languagesOf(req),
            requestId: options.requestIdOf(req, res),
          },
        );
        const entity = answer.data?.[field] as { jsonLd?: unknown } | null | undefined;
        if (entity?.jsonLd) {
          res.type("application/ld+json").send(JSON.stringify(entity.jsonLd));
        } else if (answer.errors?.length) {
          sendErrors(res, answer.errors);
        } else {
          res.status(404).json({ error: `no ${field} ${id}` });
        }
      } catch (error) {
        next(error);
      }
    });
  }

  // One event as an iCalendar document, for "add to calendar" (the feeds are subscriptions).
  router.get("/events/:id.ics", async (req, res, next) => {
    try {
      const id = String(req.params.id);
      const unknown = Object.keys(req.query).find((name) => name !== "lang");
      let problem: string | null = null;
      if (!isUuid(id)) problem = `${JSON.stringify(String(id).slice(0, 80))} is not a valid id (a UUID)`;
      else if (unknown !== undefined) problem = `unknown parameter ${JSON.stringify(unknown.slice(0, 80))}; parameters: lang`;
      else if (req.query.lang !== undefined && typeof req.query.lang !== "string") problem = "lang: give one language tag";
      if (problem) {
        res.status(400).json({ error: problem });
        return;
      }
      const answer = await run(
        "query EventCalendar($id: ID!, $lang: LanguageTag) { event(id: $id) { calendar(lang: $lang) } }",
        { id, lang: req.query.lang ?? null },
        { languages: options.languagesOf(req), requestId: options.requestIdOf(req, res) },
      );
      const calendar = (answer.data?.event as { calendar?: unknown } | null | undefined)?.calendar;
      if (typeof calendar === "string") {
        res.setHeader("content-disposition", `inline; filename="agora-event-${id}.ics"`);
        res.setHeader("vary", "Accept-Language");
        res.type("text/calendar; charset=utf-8").send(calendar);
      } else if (answer.errors?.length) {
        sendErrors(res, answer.errors);
      } else {
        res.status(404).json({ error: `no event ${id}` });
      }
    } catch (error) {
      next(error);
    }
  });

  router.get("/feeds/:feed", async (req, res, next) => {
    try {
      const feed = Object.hasOwn(FEEDS, req.params.feed) ? FEEDS[req.params.feed] : undefined;
      const schema = options.schemaOf();
      const operation = feed && schema ? feedOperationOf(schema, feed.field) : null;
      if (!feed || !operation) {
        res.status(404).json({ error: `no feed ${JSON.stringify(req.params.feed.slice(0, 80))}; feeds: ${Object.keys(FEEDS).join(", ")}` });
        return;
      }
      let variables: Record<string, unknown>;
      try {
        variables = feedVariables(operation, req.query);
      } catch (error) {
        if (!(error instanceof FeedParameterError)) throw error;
        res.status(400).json({ error: error.message });
        return;
      }
      const answer = await run(operation.query, variables, { languages: options.languagesOf(req), requestId: options.requestIdOf(req, res) });
      const calendar = answer.data?.[feed.field];
      if (typeof calendar !== "string") {
        sendErrors(res, answer.errors ?? []);
        return;
      }
      res.setHeader("content-disposition", `inline; filename="${feed.filename}"`);
      res.setHeader("vary", "Accept-Language");
      res.type("text/calendar; charset=utf-8").send(calendar);
    } catch (error) {
      next(error);
    }
  });

  return router;
}
