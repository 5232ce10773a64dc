import type { RequestHandler } from "express";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";

/** A request id a client or the gateway may choose; anything else is replaced by a new UUID. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
/** Probes are polled every few seconds: at info they would drown the requests that matter. */
const QUIET_PATHS = new Set(["/health", "/ready", "/metrics"]);

/**
 * Marks a request the hub's own background work sends (an erasure follower polling the people feed, …): its
 * request log line is at debug level, so polling never scrolls the client requests (info) away.
 */
export const BACKGROUND_REQUEST_HEADER = "x-agora-background";

/** Whether a request is polling: a probe, or (where `trustBackgroundHeader`) marked with BACKGROUND_REQUEST_HEADER. */
function isPolling(req: IncomingMessage, trustBackgroundHeader: boolean): boolean {
  return QUIET_PATHS.has(pathOf(req.url)) || (trustBackgroundHeader && req.headers[BACKGROUND_REQUEST_HEADER] !== undefined);
}

function pathOf(url: string | undefined): string {
  return (url ?? "/").split("?")[0];
}

/** The operation name the client gave (the body is parsed by the time the request ends). */
function operationOf(req: IncomingMessage): { operationName?: string } {
  const operation = (req as IncomingMessage & { body?: { operationName?: unknown } }).body?.operationName;
  return typeof operation === "string" ? { operationName: operation.slice(0, 100) } : {};
}

/**
 * Express middleware that gives every request an id (the caller's valid `x-request-id`, else a new
 * UUID, echoed in the response and visible to later handlers as the `x-request-id` header) and logs one
 * JSON line when it ends: method, path, status, duration, operation name and request id. Headers, query
 * strings and bodies are never logged, so tokens and Authorization never reach the logs. Requests log at
 * info, failures (5xx) at error, polling (probes; background requests where `trustBackgroundHeader`, which
 * only processes clients cannot reach directly set, as the gateway strips client headers) at debug.
 */
export function requestLogging(log: Logger, options: { trustBackgroundHeader?: boolean } = {}): RequestHandler {
  const trustBackgroundHeader = options.trustBackgroundHeader ?? false;
  return pinoHttp({
    logger: log,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
      req.headers["x-request-id"] = id;
      res.setHeader("x-request-id", id);
      return id;
    },
    customLogLevel: (req, res, error) => {
      const level = error || res.statusCode >= 500 ? "error" : isPolling(req, trustBackgroundHeader) ? "debug" : "info";
      // A line the logger would drop is not built at all (pino-http skips "silent"): most requests, below info.
      return log.isLevelEnabled(level) ? level : "silent";
    },
    // `requestId` at the top level, as in every other log line of the request.
    customProps: (req) => ({ requestId: req.id }),
    customSuccessObject: (req, _res, value: object) => ({ ...value, ...operationOf(req) }),
    customErrorObject: (req, _res, _error, value: object) => ({ ...value, ...operationOf(req) }),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customSuccessMessage: () => "request completed",
    customErrorMessage: () => "request failed",
  }) as unknown as RequestHandler;
}
