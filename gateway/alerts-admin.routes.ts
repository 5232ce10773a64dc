import { type NextFunction, type Request, type Response, Router } from "express";
import { type GraphQLFormattedError, type GraphQLSchema, isEnumType } from "graphql";
import { z } from "zod";
import { isUuid, logger, NETWORK_SLUG_PATTERN, type Viewer } from "@agora-hub/runtime";
import type { RunOperation } from "./open-formats.routes";

/** Most saved searches or deliveries a page holds (the graph's page bound). */
const MAX_PAGE = 100;
const CURSOR_MAX_LENGTH = 4096;

const SAVED_SEARCH_FIELDS = `id network personId name channel webhookUrl language frequency includeUpdates state health failingSince createdAt updatedAt
  criteria { types query disciplines countries languages networks opportunityTypes eligibleFor eventFormats organisationKinds resourceKinds }`;
const DELIVERY_FIELDS =
  "id kind recordType recordId network deadline channel status attempts responseStatus lastError createdAt deliveredAt url title { text }";

const LIST_OPERATION = `query AdminSavedSearches($network: String, $first: Int!, $after: String) {
  savedSearches(network: $network, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${SAVED_SEARCH_FIELDS} } } }
}`;
const SHOW_OPERATION = `query AdminSavedSearch($id: ID!, $status: AlertDeliveryStatus, $first: Int!, $after: String) {
  savedSearch(id: $id) { ${SAVED_SEARCH_FIELDS} deliveries(status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${DELIVERY_FIELDS} } } } }
}`;
const PAUSE_OPERATION = `mutation AdminPauseSavedSearch($id: ID!) { savedSearch: pauseSavedSearch(id: $id) { ${SAVED_SEARCH_FIELDS} } }`;
const RESUME_OPERATION = `mutation AdminResumeSavedSearch($id: ID!) { savedSearch: resumeSavedSearch(id: $id) { ${SAVED_SEARCH_FIELDS} } }`;
const DELETE_OPERATION = "mutation AdminDeleteSavedSearch($id: ID!) { deleteSavedSearch(id: $id) }";

const page = {
  first: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  after: z.string().min(1).max(CURSOR_MAX_LENGTH).optional(),
};
const ListQuery = z.strictObject({ network: z.string().regex(NETWORK_SLUG_PATTERN, "must be a network slug").optional(), ...page });
const ShowQuery = z.strictObject({ status: z.string().min(1).max(64).optional(), ...page });

/** A refusal of the admin API: its status and `{error, code?, field?}`. */
class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: { code?: string; field?: string } = {},
  ) {
    super(message);
  }
}

function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const result = schema.safeParse(query ?? {});
  if (!result.success) {
    const [first] = result.error.issues;
    const field = first.code === "unrecognized_keys" ? first.keys[0] : first.path.join(".");
    throw new AdminError(
      400,
      result.error.issues
        .map((issue) =>
          issue.code === "unrecognized_keys" ? `${issue.keys.join(", ")}: not a parameter of this request` : `${issue.path.join(".")}: ${issue.message}`,
        )
        .join("; "),
      { code: "BAD_USER_INPUT", field },
    );
  }
  return result.data;
}

function idOf(req: Request): string {
  const id = String(req.params.id);
  if (isUuid(id)) return id;
  throw new AdminError(400, `id: ${JSON.stringify(String(req.params.id).slice(0, 80))} is not a saved search id (a UUID)`, {
    code: "BAD_USER_INPUT",
    field: "id",
  });
}

/** The HTTP answer for the errors of a GraphQL answer with no data: the subgraph's own code, its message and field. */
function graphqlRefusal(errors: readonly GraphQLFormattedError[] | undefined): AdminError {
  const error = errors?.[0];
  const code = typeof error?.extensions?.code === "string" ? error.extensions.code : undefined;
  const field = typeof error?.extensions?.field === "string" ? error.extensions.field : undefined;
  const status =
    code === "BAD_USER_INPUT" || code === "GRAPHQL_VALIDATION_FAILED"
      ? 400
      : code === "NOT_FOUND"
        ? 404
        : code === "FORBIDDEN"
          ? 403
          : code === "UNAUTHENTICATED"
            ? 401
            : code === "SERVICE_UNAVAILABLE" || code === "SUBGRAPH_UNAVAILABLE"
              ? 503
              : 500;
  if (status === 500) {
    logger.warn({ errors: errors?.slice(0, 3) }, "admin saved-search request failed");
    return new AdminError(500, "internal error");
  }
  return new AdminError(status, error!.message, { code, ...(field ? { field } : {}) });
}

type Connection<T> = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: T }> };

/** A connection as the admin API lists things: the items, the total, and the cursor of the next page (null at the end). */
function listed<T>(connection: Connection<T>): { items: T[]; totalCount: number; next: string | null } {
  return {
    items: connection.edges.map((edge) => edge.node),
    totalCount: connection.totalCount,
    next: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null,
  };
}

/**
 * The saved searches' part of the admin API, `/admin/saved-searches…`: list, show with the delivery log, pause, resume
 * and delete, each a GraphQL operation run on the gateway itself as the caller (the operator's AGORA_ADMIN_TOKEN, or a
 * network's API key for that network's own), so the alerts subgraph keeps every rule; this router only maps HTTP to
 * GraphQL and the answer's errors to statuses.
 */
export function alertsAdminRouter(options: {
  /** Runs an operation on the gateway as `viewer`. */
  runAs: (viewer: Viewer) => RunOperation;
  /** The caller of an `Authorization` header, as GraphQL requests are identified (throws the same errors). */
  identify: (authorization: string | undefined) => Promise<Viewer>;
  languagesOf: (req: Request) => string[];
  requestIdOf: (req: Request, res: Response) => string;
  /** The API schema served now: whether it has saved searches, and the delivery statuses it knows. */
  schemaOf: () => GraphQLSchema | undefined;
}): Router {
  const router = Router();
  type Authed = Request & { viewer?: Viewer };

  router.use(async (req: Authed, res, next) => {
    try {
      const viewer = req.header("authorization") ? await options.identify(req.header("authorization")) : null;
      if (!viewer || viewer.kind === "anonymous") {
        res.status(401).set("www-authenticate", "Bearer").json({ error: "a valid bearer token is required (AGORA_ADMIN_TOKEN or a network API key)" });
        return;
      }
      if (viewer.kind === "moderator") {
        res
          .status(403)
          .json({ error: "a moderator's key acts in the graph only; the admin API takes the operator's token or a network's key", code: "FORBIDDEN" });
        return;
      }
      req.viewer = viewer;
      next();
    } catch (error) {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      if (code === "UNAUTHENTICATED")
        res
          .status(401)
          .set("www-authenticate", "Bearer")
          .json({ error: (error as Error).message, code });
      else if (code === "SERVICE_UNAVAILABLE")
        res
          .status(503)
          .set("retry-after", "5")
          .json({ error: (error as Error).message, code });
      else next(error);
    }
  });

  /** Runs an operation as the caller; its data, or the refusal its errors mean. */
  const run = async (req: Authed, res: Response, query: string, variables: Record<string, unknown>) => {
    if (!options.schemaOf()?.getQueryType()?.getFields().savedSearches) {
      throw new AdminError(503, "the graph served now has no saved searches (the alerts subgraph is not part of it)", { code: "SERVICE_UNAVAILABLE" });
    }
    const answer = await options.runAs(req.viewer!)(query, variables, { languages: options.languagesOf(req), requestId: options.requestIdOf(req, res) });
    const data = answer.data ?? {};
    const [field] = Object.keys(data);
    if (field === undefined || data[field] === null || data[field] === undefined) throw graphqlRefusal(answer.errors);
    return data;
  };
  const handle = (action: (req: Authed, res: Response) => Promise<void>) => (req: Authed, res: Response, next: NextFunction) => {
    action(req, res).catch(next);
  };
  const deliveryStatuses = () => {
    const type = options.schemaOf()?.getType("AlertDeliveryStatus");
    return isEnumType(type) ? type.getValues().map((value) => value.name) : [];
  };

  router.get(
    "/",
    handle(async (req, res) => {
      const query = parseQuery(ListQuery, req.query);
      const data = await run(req, res, LIST_OPERATION, { network: query.network ?? null, first: query.first, after: query.after ?? null });
      const { items, totalCount, next } = listed(data.savedSearches as Connection<unknown>);
      res.json({ savedSearches: items, totalCount, next });
    }),
  );
  router.get(
    "/:id",
    handle(async (req, res) => {
      const id = idOf(req);
      const query = parseQuery(ShowQuery, req.query);
      const statuses = deliveryStatuses();
      if (query.status && !statuses.includes(query.status)) {
        throw new AdminError(400, `status: ${JSON.stringify(query.status)} is not one of ${statuses.join(", ")}`, { code: "BAD_USER_INPUT", field: "status" });
      }
      const data = await run(req, res, SHOW_OPERATION, { id, status: query.status ?? null, first: query.first, after: query.after ?? null });
      const { deliveries, ...savedSearch } = data.savedSearch as { deliveries: Connection<{ title: { text: string } }> };
      const { items, totalCount, next } = listed(deliveries);
      res.json({ savedSearch, deliveries: items.map((item) => ({ ...item, title: item.title.text })), totalCount, next });
    }),
  );
  for (const [action, operation] of [
    ["pause", PAUSE_OPERATION],
    ["resume", RESUME_OPERATION],
  ] as const) {
    router.post(
      `/:id/${action}`,
      handle(async (req, res) => {
        res.json({ savedSearch: (await run(req, res, operation, { id: idOf(req) })).savedSearch });
      }),
    );
  }
  router.delete(
    "/:id",
    handle(async (req, res) => {
      res.json({ deleted: (await run(req, res, DELETE_OPERATION, { id: idOf(req) })).deleteSavedSearch });
    }),
  );

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof AdminError) {
      res.status(error.status).json({ error: error.message, ...error.extra });
      return;
    }
    logger.error({ err: error }, "admin saved-search request failed");
    res.status(500).json({ error: "internal error" });
  });
  return router;
}
