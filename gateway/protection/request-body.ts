import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { MIMEType } from "node:util";
import { sendRefusal } from "./protection-errors";

/** The charsets a JSON request body may declare: UTF-8 only (RFC 8259), under either spelling; none means UTF-8. */
const JSON_CHARSETS = new Set(["utf-8", "utf8"]);

/**
 * The charset a JSON body declares when it is not UTF-8, else null. body-parser would decode any
 * `utf-*` (UTF-7 too, where `+ACI-` is a quote a filter in front of the hub never sees), so the hub
 * takes UTF-8 alone. Non-JSON types are left to Apollo Server, which refuses them.
 */
export function unsupportedJsonCharset(contentType: string | undefined): string | null {
  if (!contentType) return null;
  let type: MIMEType;
  try {
    type = new MIMEType(contentType);
  } catch {
    return null; // not a media type at all: Apollo Server's CSRF check or body handling answers it
  }
  if (type.essence !== "application/json") return null;
  const charset = type.params.get("charset");
  return charset === null || JSON_CHARSETS.has(charset.toLowerCase()) ? null : charset;
}

/**
 * Parses JSON bodies up to `maxBytes`, GraphQL-shaped refusals for the rest: a charset other than UTF-8
 * (or an unsupported Content-Encoding) is 415 UNSUPPORTED_MEDIA_TYPE, a larger body 413 REQUEST_TOO_LARGE,
 * bad JSON 400. GET requests have no body and pass as Apollo Server allows them.
 */
export function graphqlBodyParser(maxBytes: number): Array<RequestHandler | ErrorRequestHandler> {
  const refuseCharset: RequestHandler = (req, res, next) => {
    const charset = unsupportedJsonCharset(req.header("content-type"));
    if (charset !== null) {
      sendRefusal(
        res,
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        `JSON request bodies must be UTF-8: send Content-Type: application/json (optionally charset=utf-8), not charset=${charset}.`,
      );
      return;
    }
    next();
  };
  const answerBodyErrors: ErrorRequestHandler = (error: { type?: string; charset?: string; encoding?: string }, _req, res, next) => {
    if (error.type === "entity.too.large") {
      sendRefusal(res, 413, "REQUEST_TOO_LARGE", `The request body is larger than ${maxBytes} bytes.`, { limit: maxBytes });
    } else if (error.type === "entity.parse.failed") {
      sendRefusal(res, 400, "BAD_REQUEST", "The request body is not valid JSON.");
    } else if (error.type === "charset.unsupported" || error.type === "encoding.unsupported") {
      sendRefusal(
        res,
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        error.type === "encoding.unsupported"
          ? "Unsupported Content-Encoding: send the body uncompressed, or with gzip, deflate or br."
          : "JSON request bodies must be UTF-8.",
      );
    } else {
      next(error);
    }
  };
  return [refuseCharset, express.json({ limit: maxBytes }), answerBodyErrors];
}
