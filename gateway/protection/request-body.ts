import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { sendRefusal } from "./protection-errors";

/** Parses JSON bodies up to `maxBytes`; a larger body is answered 413 REQUEST_TOO_LARGE, bad JSON 400, both GraphQL-shaped. */
export function graphqlBodyParser(maxBytes: number): Array<RequestHandler | ErrorRequestHandler> {
  const answerBodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (error.type === "entity.too.large") {
      sendRefusal(res, 413, "REQUEST_TOO_LARGE", `The request body is larger than ${maxBytes} bytes.`, { limit: maxBytes });
    } else if (error.type === "entity.parse.failed") {
      sendRefusal(res, 400, "BAD_REQUEST", "The request body is not valid JSON.");
    } else {
      next(error);
    }
  };
  return [express.json({ limit: maxBytes }), answerBodyErrors];
}
