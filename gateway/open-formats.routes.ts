import express, { type Request, type Response, type Router } from "express";
import type { GraphQLFormattedError } from "graphql";
import { isUuid } from "@agora-hub/runtime";
import { logger } from "@agora-hub/runtime";

/** Runs one GraphQL operation through the gateway's own Apollo Server, as an anonymous client. */
export type RunOperation = (
  query: string,
  variables: Record<string, unknown>,
  request: { languages: string[]; requestId: string },
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

/** Each entity page `/<collection>/<id>.jsonld` and the root field that answers it. */
const JSON_LD_PAGES = { people: "person", organisations: "organisation", opportunities: "opportunity", events: "event" } as const;

/** How a query-string parameter of a feed becomes a GraphQL filter field. */
type ParameterKind = "list" | "string" | "boolean" | "int";

interface Feed {
  query: string;
  field: string;
  filename: string;
  parameters: Record<string, ParameterKind>;
}

const FEEDS: Record<string, Feed> = {
  "events.ics": {
    query: "query EventsFeed($filter: EventsFilter, $lang: LanguageTag) { eventsCalendar(filter: $filter, lang: $lang) }",
    field: "eventsCalendar",
    filename: "agora-events.ics",
    parameters: {
      formats: "list",
      disciplines: "list",
      countries: "list",
      languages: "list",
      networks: "list",
      attendanceModes: "list",
      organiserIds: "list",
      speakerIds: "list",
      startsAfter: "string",
      startsBefore: "string",
      upcoming: "boolean",
      text: "string",
    },
  },
  "deadlines.ics": {
    query:
      "query DeadlinesFeed($filter: OpportunitiesFilter, $lang: LanguageTag) { opportunityDeadlinesCalendar(filter: $filter, lang: $lang) }",
    field: "opportunityDeadlinesCalendar",
    filename: "agora-deadlines.ics",
    parameters: {
      types: "list",
      statuses: "list",
      disciplines: "list",
      eligibleFor: "string",
      countries: "list",
      languages: "list",
      networks: "list",
      publisherIds: "list",
      text: "string",
      closingWithinDays: "int",
    },
  },
};

/** Most values one list parameter may carry; the subgraphs allow 50 per filter criterion. */
const MAX_LIST_VALUES = 50;

class ParameterError extends Error {}

/** Turns the query string of a feed into `{ filter, lang }` variables; the GraphQL types then validate the values. */
function feedVariables(feed: Feed, query: Request["query"]): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  let lang: string | undefined;
  for (const [name, raw] of Object.entries(query)) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === "string");
    if (values.length === 0) throw new ParameterError(`parameter ${name}: must be a plain value`);
    const kind = name === "lang" ? "string" : feed.parameters[name];
    if (!kind) {
      throw new ParameterError(`unknown parameter ${JSON.stringify(name.slice(0, 40))}; allowed: ${[...Object.keys(feed.parameters), "lang"].join(", ")}`);
    }
    if (kind !== "list" && values.length > 1) throw new ParameterError(`parameter ${name}: give it once`);
    const [value] = values;
    let parsed: unknown;
    switch (kind) {
      case "list":
        parsed = values.flatMap((item) => item.split(",")).map((item) => item.trim()).filter((item) => item !== "");
        if ((parsed as string[]).length > MAX_LIST_VALUES) throw new ParameterError(`parameter ${name}: at most ${MAX_LIST_VALUES} values`);
        break;
      case "boolean":
        if (value !== "true" && value !== "false") throw new ParameterError(`parameter ${name}: must be true or false`);
        parsed = value === "true";
        break;
      case "int":
        if (!/^-?\d{1,9}$/.test(value)) throw new ParameterError(`parameter ${name}: must be a whole number`);
        parsed = Number(value);
        break;
      case "string":
        parsed = value;
        break;
    }
    if (name === "lang") lang = parsed as string;
    else filter[name] = parsed;
  }
  return { filter, ...(lang === undefined ? {} : { lang }) };
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
 * gateway (no domain logic here): `/people|organisations|opportunities|events/<id>.jsonld` as
 * `application/ld+json`, `/feeds/events.ics` and `/feeds/deadlines.ics` as `text/calendar`.
 */
export function openFormatsRouter(run: RunOperation, options: { languagesOf: (req: Request) => string[]; requestIdOf: (req: Request, res: Response) => string }): Router {
  const router = express.Router();

  for (const [collection, field] of Object.entries(JSON_LD_PAGES)) {
    router.get(`/${collection}/:id.jsonld`, async (req, res, next) => {
      try {
        const id: string = String(req.params.id);
        if (!isUuid(id)) {
          res.status(400).json({ error: `${JSON.stringify(String(id).slice(0, 80))} is not a valid id (a UUID)` });
          return;
        }
        const answer = await run(`query EntityJsonLd($id: ID!) { ${field}(id: $id) { jsonLd } }`, { id }, {
          languages: options.languagesOf(req),
          requestId: options.requestIdOf(req, res),
        });
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

  router.get("/feeds/:feed", async (req, res, next) => {
    try {
      const feed = Object.hasOwn(FEEDS, req.params.feed) ? FEEDS[req.params.feed] : undefined;
      if (!feed) {
        res.status(404).json({ error: `no feed ${JSON.stringify(req.params.feed.slice(0, 80))}; feeds: ${Object.keys(FEEDS).join(", ")}` });
        return;
      }
      let variables: Record<string, unknown>;
      try {
        variables = feedVariables(feed, req.query);
      } catch (error) {
        if (!(error instanceof ParameterError)) throw error;
        res.status(400).json({ error: error.message });
        return;
      }
      const answer = await run(feed.query, variables, { languages: options.languagesOf(req), requestId: options.requestIdOf(req, res) });
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
