import type { RequestHandler } from "express";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";

/** A request id a client or the gateway may choose; anything else is replaced by a new UUID. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
/** Probes are polled every few seconds: logging them would drown the requests that matter. */
const QUIET_PATHS = new Set(["/health", "/ready", "/metrics"]);

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
 * strings and bodies are never logged, so tokens and Authorization never reach the logs.
 */
export function requestLogging(log: Logger): RequestHandler {
  return pinoHttp({
    logger: log,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
      req.headers["x-request-id"] = id;
      res.setHeader("x-request-id", id);
      return id;
    },
    autoLogging: { ignore: (req) => QUIET_PATHS.has(pathOf(req.url)) },
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
