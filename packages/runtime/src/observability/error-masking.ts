import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";

/**
 * Error codes whose message reaches clients: client mistakes (parse, validation, input), the hub's own
 * typed errors, and the outage errors the hub words itself. Append a code here when a feature adds one;
 * every other error becomes "Internal server error".
 */
export const EXPOSED_ERROR_CODES = new Set<string>([
  // Apollo Server: the request itself is wrong.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  // The hub's own typed errors.
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "RATE_LIMITED",
  "SUBGRAPH_UNAVAILABLE",
  "SUBGRAPH_INVALID_RESPONSE",
  "SERVICE_UNAVAILABLE",
]);

/** The message of every masked error. */
export const INTERNAL_ERROR_MESSAGE = "Internal server error";
export const INTERNAL_ERROR_CODE = "INTERNAL_SERVER_ERROR";

/** Extensions that carry internals even on an exposed error (stack traces, subgraph URLs and bodies). */
const HIDDEN_EXTENSIONS = new Set(["stacktrace", "exception", "response"]);

/** Whether a (formatted or original) error's code lets its message reach the client. */
export function isExposedError(error: { extensions?: Record<string, unknown> | null }): boolean {
  const code = error.extensions?.code;
  return typeof code === "string" && EXPOSED_ERROR_CODES.has(code);
}

// PostgreSQL SQLSTATEs meaning "no usable connection": class 08 (connection exception), shutdown and
// start-up (57P01-57P03), too many connections, database missing or closed to connections (55000 is
// what ALLOW_CONNECTIONS false answers).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300|3D000|55000)$/;
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|not queryable|Cannot use a pool after calling end/i;
const QUERY_CANCELED = "57014";

/** The errors an error wraps: GraphQL's originalError, TypeORM's driverError, and `cause`. */
function* errorChain(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const record = current as Record<string, unknown>;
    yield record;
    current = record.originalError ?? record.driverError ?? record.cause;
  }
}

/** How a database failure shows: unavailable (no connection) or too slow (statement timeout). */
export function classifyDatabaseError(error: unknown): "unavailable" | "timeout" | null {
  for (const link of errorChain(error)) {
    const code = typeof link.code === "string" ? link.code : "";
    if (code === QUERY_CANCELED) return "timeout";
    if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code)) return "unavailable";
    if (typeof link.message === "string" && UNAVAILABLE_MESSAGE.test(link.message)) return "unavailable";
  }
  return null;
}

/**
 * Apollo Server's `formatError` for the gateway and every subgraph: exposed errors keep their message
 * (without stack traces or internal extensions), database outages of subgraph `database` become a clear
 * SERVICE_UNAVAILABLE, and everything else "Internal server error". `path` is kept so clients know which
 * field failed; the request id is added by {@link errorLoggingPlugin}, which also logs the original.
 */
export function createErrorFormatter(options: { database?: string } = {}): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const path = formatted.path ? { path: formatted.path } : {};
    if (isExposedError(formatted)) {
      const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([name]) => !HIDDEN_EXTENSIONS.has(name)));
      return { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...path, extensions };
    }
    const database = options.database ? classifyDatabaseError(unwrapResolverError(error)) : null;
    if (database) {
      const message = database === "timeout" ? `The ${options.database} database took too long to answer` : `The ${options.database} database is unavailable`;
      return { message, ...path, extensions: { code: "SERVICE_UNAVAILABLE" } };
    }
    return { message: INTERNAL_ERROR_MESSAGE, ...path, extensions: { code: INTERNAL_ERROR_CODE } };
  };
}

/**
 * Logs every error a client does not see as such (with the request id, so an operator can find it from
 * what the client reports) and adds `requestId` to the masked errors of the response.
 */
export function errorLoggingPlugin<TContext extends { requestId?: string }>(log: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isExposedError(error)) continue;
            const original = unwrapResolverError(error);
            log.error({ err: original, requestId: contextValue.requestId, operationName, path: error.path }, "GraphQL request failed");
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors || !contextValue.requestId) return;
          const result = response.body.singleResult as { errors?: GraphQLFormattedError[] };
          result.errors = result.errors?.map((error) =>
            error.extensions?.code === INTERNAL_ERROR_CODE || error.extensions?.code === "SERVICE_UNAVAILABLE"
              ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
              : error,
          );
        },
      };
    },
  };
}
