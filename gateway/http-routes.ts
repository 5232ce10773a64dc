import type { ApolloGateway } from "@apollo/gateway";
import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import type { Express, Request, RequestHandler, Response } from "express";
import { randomUUID } from "node:crypto";
import { preferredLanguages, type RequestDrain } from "@agora-hub/runtime";
import { directoryRouter } from "../directory/directory.routes";
import { adminRouter } from "../registry/admin.routes";
import type { PartnerRegistry } from "../registry/registry.service";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./gateway-context";
import { alertsAdminRouter } from "./alerts-admin.routes";
import { anonymousOperations, operationsAs } from "./graphql-server";
import type { GatewayObservability } from "./observability/gateway-observability";
import { openFormatsRouter } from "./open-formats.routes";
import { requestBudgetOf } from "./protection/admission-control";
import type { GatewayProtection } from "./protection/gateway-protection";
import { identifyViewer } from "./viewer";
import { createClientPseudonyms } from "./protection/client-pseudonym";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The request's id (the client's `x-request-id` when well formed, else a new one), echoed in the response. */
function requestIdOf(req: Request, res: Response): string {
  const given = req.header("x-request-id");
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader("x-request-id", requestId);
  return requestId;
}

/** The client's preferred languages: Accept-Language by quality (express/negotiator), canonicalised, unknown tags dropped, at most 10. */
function requestLanguages(req: Request): string[] {
  return req.header("accept-language") ? preferredLanguages(req.acceptsLanguages()) : [];
}

/** One entry of the gateway's route table. */
export interface GatewayRoute {
  /** What the route serves, for readers and logs. */
  name: string;
  /** Mounted ahead of the request drain: answered while the gateway drains and not counted as an open request. */
  outsideDrain?: boolean;
  mount: (app: Express) => void;
}

/** What the routes are built from. */
export interface GatewayRouteParts {
  config: GatewayConfig;
  gateway: ApolloGateway;
  server: ApolloServer<GatewayContext>;
  registry: PartnerRegistry | null;
  observability: GatewayObservability;
  guard: GatewayProtection;
}

/** The directory's vocabulary pages, the alerts' links and feeds, and what crawlers read (robots.txt, the sitemaps, each built by walking lists). */
const DIRECTORY_PATHS = [
  "/networks",
  "/alerts/*path",
  "/embed",
  "/embed/*path",
  "/vocabularies",
  "/vocabularies/*path",
  "/robots.txt",
  "/sitemap.xml",
  "/sitemaps/*path",
];

/** Collections whose JSON-LD pages the open formats router serves, and its feeds. */
const OPEN_FORMAT_PATHS = ["/people", "/organisations", "/opportunities", "/events", "/resources", "/feeds"];

/**
 * How long verifiers may cache the JWKS: short enough that a key dropped after a rotation is soon forgotten;
 * a verifier meeting a new kid fetches the set again anyway.
 */
const JWKS_MAX_AGE_S = 300;

/**
 * The gateway's route table, in mounting order: probes and metrics, the admin API, the JWKS, `/health`, the
 * open formats (JSON-LD pages, iCalendar feeds), the member directory (`/` and the detail pages at the JSON-LD
 * `@id` URLs) and GraphQL at `/graphql` (Apollo Sandbox there outside production). A new route is one more entry.
 */
export function gatewayRoutes({ config, gateway, server, registry, observability, guard }: GatewayRouteParts): GatewayRoute[] {
  const pseudonyms = createClientPseudonyms(config.signingKeys);
  const { protection, admission } = guard;
  return [
    { name: "readiness and metrics", outsideDrain: true, mount: (app) => observability.mountRoutes(app) },
    {
      name: "admin API",
      mount: (app) => {
        // Saved searches: GraphQL operations on this server as the caller (also without a registry, for the operator).
        app.use(
          "/admin/saved-searches",
          protection.rateLimit,
          alertsAdminRouter({
            runAs: (viewer) => operationsAs(server, viewer),
            identify: (authorization) => identifyViewer(authorization, { registry, adminToken: config.adminToken }),
            languagesOf: requestLanguages,
            requestIdOf,
            schemaOf: () => gateway.schema,
          }),
        );
        if (registry) {
          app.use("/admin", protection.rateLimit, adminRouter(registry));
          return;
        }
        app.use("/admin", (_req, res) => {
          res
            .status(404)
            .json({ error: "the partner registry is off: this gateway serves a supergraph file (set DATABASE_URL and unset AGORA_SUPERGRAPH_FILE)" });
        });
      },
    },
    {
      // The hub's public keys, with which every subgraph verifies the tokens the hub sends it (two during a rotation).
      name: "JSON Web Key Set",
      outsideDrain: true,
      mount: (app) =>
        app.get("/.well-known/jwks.json", (_req, res) => {
          res.setHeader("cache-control", `public, max-age=${JWKS_MAX_AGE_S}`);
          res.json(config.signer.jwks);
        }),
    },
    {
      name: "health",
      mount: (app) =>
        app.get("/health", (_req, res) => {
          // pid: which process answered, as each worker of a cluster (GATEWAY_WORKERS) answers for itself.
          res.json({ status: "ok", pid: process.pid });
        }),
    },
    {
      // JSON-LD pages and iCalendar feeds: GraphQL operations run through this server as an anonymous client.
      name: "open formats",
      mount: (app) => {
        app.use(OPEN_FORMAT_PATHS, protection.rateLimit, admission.middleware);
        app.use(openFormatsRouter(anonymousOperations(server), { languagesOf: requestLanguages, requestIdOf, schemaOf: () => gateway.schema }));
      },
    },
    {
      // The member directory for people (server-rendered pages on the public API, as an anonymous visitor).
      name: "directory",
      mount: (app) => {
        // The detail pages' paths are the open formats' collections, limited above.
        app.get(["/", "/directory/*path", ...DIRECTORY_PATHS], protection.rateLimit, admission.middleware);
        // Reports from the detail pages' form and the alerts' forms: the same limits (and the subgraphs' own per client).
        app.post(["/report/*path", "/alerts/*path"], protection.rateLimit, admission.middleware);
        app.use(
          directoryRouter({
            run: anonymousOperations(server),
            hubUrl: config.publicUrl,
            languagesOf: requestLanguages,
            requestIdOf,
            schemaOf: () => gateway.schema,
            clientOf: (req) => pseudonyms(req.ip),
            networks: registry ? () => registry.publicNetworks() : undefined,
          }),
        );
      },
    },
    {
      // Apollo Sandbox at GET /graphql (outside production); POST / still answers GraphQL, as it did.
      name: "GraphQL",
      mount: (app) =>
        app.all(
          ["/graphql", "/"],
          ...protection.httpHandlers,
          admission.middleware,
          expressMiddleware(server, {
            context: async ({ req, res }) => {
              const requestId = requestIdOf(req, res);
              const viewer = await identifyViewer(req.header("authorization"), { registry, adminToken: config.adminToken });
              return { requestId, viewer, client: pseudonyms(req.ip), languages: requestLanguages(req), budget: requestBudgetOf(res) };
            },
          }),
        ),
    },
  ];
}

/**
 * Mounts the route table on `app`: request logging first, then the routes that answer while draining,
 * the request drain, and every other route in table order.
 */
export function mountGatewayRoutes(
  app: Express,
  routes: readonly GatewayRoute[],
  options: { drain: RequestDrain; requestLogging: RequestHandler; trustProxy?: unknown },
): void {
  app.disable("x-powered-by");
  if (options.trustProxy !== undefined) app.set("trust proxy", options.trustProxy);
  app.use(options.requestLogging);
  for (const route of routes) if (route.outsideDrain) route.mount(app);
  app.use(options.drain.middleware);
  for (const route of routes) if (!route.outsideDrain) route.mount(app);
}
