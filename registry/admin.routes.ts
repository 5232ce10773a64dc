import express, { type NextFunction, type Request, type Response, Router } from "express";
import { z } from "zod";
import { logger } from "@agora-hub/runtime";
import { classifyDatabaseError } from "@agora-hub/runtime";
import { TRUST_LEVELS } from "./registry.entities";
import { type Actor, type AdminActor, MAX_ADMIN_PAGE, type PartnerRegistry, RegistryError } from "./registry.service";

const NetworkBody = z.strictObject({
  slug: z.string().min(1).max(63),
  name: z.string().trim().min(1).max(200),
  contact: z.string().trim().max(320).nullish(),
  trustLevel: z.enum(TRUST_LEVELS).optional(),
});

const TrustBody = z.strictObject({ trustLevel: z.enum(TRUST_LEVELS) });

const ModeratorBody = z.strictObject({
  handle: z.string().min(1).max(63),
  name: z.string().trim().min(1).max(200),
});

/** `?after=<slug or handle>&first=<1..100>` of the admin lists. */
const PageQuery = z.strictObject({
  after: z.string().min(1).max(63).optional(),
  first: z.coerce.number().int().min(1).max(MAX_ADMIN_PAGE).default(50),
});

const CandidateBody = z.strictObject({
  name: z.string().min(1).max(63),
  url: z.string().min(1).max(2048),
  sdl: z
    .string()
    .max(1024 * 1024)
    .optional(),
  network: z.string().min(1).max(63).optional(),
});

/** Largest admin request body; a partner SDL is bounded far below it by the policy. */
const ADMIN_BODY_LIMIT = "1mb";

type AuthedRequest = Request & { actor?: AdminActor };

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw new RegistryError(400, result.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; "));
  }
  return result.data;
}

/**
 * The registry's HTTP API under `/admin/`. Every call needs `Authorization: Bearer <token>`: the
 * operator's AGORA_ADMIN_TOKEN, or a network's API key (which acts for that network only); a moderator's
 * key is refused (403). Networks' trust levels and moderators are the operator's alone.
 */
export function adminRouter(registry: PartnerRegistry): Router {
  const router = Router();
  router.use(express.json({ limit: ADMIN_BODY_LIMIT }));
  router.use(async (req: AuthedRequest, res, next) => {
    const header = req.header("authorization") ?? "";
    const token = /^Bearer (\S{1,512})$/.exec(header)?.[1];
    let actor: Actor | null;
    try {
      actor = token ? await registry.authenticate(token) : null;
    } catch (error) {
      next(error); // answered by the error handler below (503 when the database is down), once
      return;
    }
    if (!actor) {
      res.status(401).set("www-authenticate", "Bearer").json({ error: "a valid bearer token is required (AGORA_ADMIN_TOKEN or a network API key)" });
      return;
    }
    if (actor.kind === "moderator") {
      res.status(403).json({
        error: "a moderator's key acts in the graph only (approving and rejecting records); the admin API takes the operator's token or a network's key",
        code: "FORBIDDEN",
      });
      return;
    }
    req.actor = actor;
    next();
  });

  const handle = (action: (req: AuthedRequest, res: Response) => Promise<void>) => (req: AuthedRequest, res: Response, next: NextFunction) => {
    action(req, res).catch(next);
  };

  router.get(
    "/networks",
    handle(async (req, res) => {
      const page = parseBody(PageQuery, req.query);
      const networks = await registry.listNetworks(req.actor!, page);
      res.json({ networks, next: networks.length === page.first ? networks[networks.length - 1].slug : null });
    }),
  );
  router.post(
    "/networks",
    handle(async (req, res) => {
      const { network, apiKey } = await registry.createNetwork(req.actor!, parseBody(NetworkBody, req.body));
      res.status(201).json({ network: { slug: network.slug, name: network.name, contact: network.contact, trustLevel: network.trustLevel }, apiKey });
    }),
  );
  router.put(
    "/networks/:slug/trust",
    handle(async (req, res) => {
      res.json({ network: await registry.setNetworkTrust(req.actor!, String(req.params.slug), parseBody(TrustBody, req.body).trustLevel) });
    }),
  );
  router.get(
    "/moderators",
    handle(async (req, res) => {
      const page = parseBody(PageQuery, req.query);
      const moderators = await registry.listModerators(req.actor!, page);
      res.json({ moderators, next: moderators.length === page.first ? moderators[moderators.length - 1].handle : null });
    }),
  );
  router.post(
    "/moderators",
    handle(async (req, res) => {
      res.status(201).json(await registry.createModerator(req.actor!, parseBody(ModeratorBody, req.body)));
    }),
  );
  router.post(
    "/moderators/:handle/keys",
    handle(async (req, res) => {
      res.status(201).json(await registry.createModeratorKey(req.actor!, String(req.params.handle)));
    }),
  );
  router.delete(
    "/moderators/:handle",
    handle(async (req, res) => {
      await registry.revokeModerator(req.actor!, String(req.params.handle));
      res.json({ revoked: req.params.handle });
    }),
  );
  router.post(
    "/networks/:slug/keys",
    handle(async (req, res) => {
      res.status(201).json(await registry.createKey(req.actor!, String(req.params.slug)));
    }),
  );
  router.delete(
    "/keys/:keyId",
    handle(async (req, res) => {
      await registry.revokeKey(req.actor!, String(req.params.keyId));
      res.json({ revoked: req.params.keyId });
    }),
  );
  router.get(
    "/subgraphs",
    handle(async (_req, res) => {
      res.json({ subgraphs: await registry.listSubgraphs() });
    }),
  );
  router.get(
    "/subgraphs/:name/history",
    handle(async (req, res) => {
      res.json({ history: await registry.history(String(req.params.name)) });
    }),
  );
  router.post(
    "/subgraphs/check",
    handle(async (req, res) => {
      const { ok, problems } = await registry.check(req.actor!, parseBody(CandidateBody, req.body));
      res.json({ ok, problems });
    }),
  );
  router.post(
    "/subgraphs/publish",
    handle(async (req, res) => {
      const { ok, problems, version } = await registry.publish(req.actor!, parseBody(CandidateBody, req.body));
      res.status(ok ? 200 : 422).json({ ok, problems, version });
    }),
  );
  router.delete(
    "/subgraphs/:name",
    handle(async (req, res) => {
      await registry.remove(req.actor!, String(req.params.name));
      res.json({ removed: req.params.name });
    }),
  );
  router.get(
    "/supergraph",
    handle(async (_req, res) => {
      const latest = await registry.latestSupergraph();
      if (!latest) throw new RegistryError(404, "no supergraph has been composed yet");
      res.type("text/plain").send(latest.sdl);
    }),
  );

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof RegistryError) {
      res.status(error.status).json({ error: error.message, ...(error.code ? { code: error.code } : {}) });
      return;
    }
    if (classifyDatabaseError(error)) {
      logger.warn({ err: error }, "admin request failed: the registry database is unavailable");
      res.status(503).set("retry-after", "5").json({ error: "the registry database is unavailable; try again shortly", code: "SERVICE_UNAVAILABLE" });
      return;
    }
    if (error instanceof SyntaxError || (error as { type?: string }).type === "entity.too.large") {
      res.status(400).json({ error: "the request body must be JSON of at most 1 MB" });
      return;
    }
    logger.error({ err: error }, "admin request failed");
    res.status(500).json({ error: "internal error" });
  });
  return router;
}
