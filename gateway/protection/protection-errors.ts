import type { Response } from "express";
import { GraphQLError } from "graphql";

/** The `extensions.code` of every refusal made by the gateway's protections (error masking must keep them). */
export const PROTECTION_ERROR_CODES = [
  "MAX_DEPTH_EXCEEDED",
  "MAX_ALIASES_EXCEEDED",
  "MAX_ROOT_FIELDS_EXCEEDED",
  "MAX_DIRECTIVES_EXCEEDED",
  "MAX_TOKENS_EXCEEDED",
  "MAX_COST_EXCEEDED",
  "PAGE_SIZE_EXCEEDED",
  "REQUEST_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "OPERATION_NOT_IN_SAFELIST",
  "RATE_LIMITED",
  "OVERLOADED",
  "BAD_REQUEST",
] as const;

/** One of the protection error codes. */
export type ProtectionErrorCode = (typeof PROTECTION_ERROR_CODES)[number];

/** A refused operation inside Apollo Server's pipeline: HTTP 400 with the limit's code. */
export function refusal(code: ProtectionErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });
}

/** Answers a request before it reaches Apollo Server, in the GraphQL response shape. */
export function sendRefusal(res: Response, status: number, code: ProtectionErrorCode, message: string, details: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...details } }] });
}
