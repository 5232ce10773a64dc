import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { operationLimitsPlugin, tokenLimit } from "./operation-limits";
import type { ProtectionConfig } from "./protection-config";
import { createRateLimits, type RateBudget } from "./rate-limit";
import { graphqlBodyParser } from "./request-body";
import { requestValidationPlugin } from "./request-validation";
import { loadSafelist, safelistGuard, safelistPlugin } from "./safelist";

/** Apollo Server settings the protections own (spread into the ApolloServer options). */
export type ProtectionServerOptions = Pick<
  ApolloServerOptions<BaseContext>,
  "csrfPrevention" | "allowBatchedHttpRequests" | "hideSchemaDetailsFromClientErrors" | "maxRecursiveSelections" | "parseOptions" | "persistedQueries"
>;

/** The gateway's request protections, ready to mount. */
export interface Protection {
  serverOptions: ProtectionServerOptions;
  plugins: ApolloServerPlugin[];
  /** Express handlers to put in front of the GraphQL endpoint, in order (they replace express.json). */
  httpHandlers: Array<RequestHandler | ErrorRequestHandler>;
  /** The rate limits alone, for the gateway's other routes (admin API, JSON-LD pages, feeds). */
  rateLimit: RequestHandler;
  close: () => Promise<void>;
}

/**
 * Builds the protections: rate limits, body size and charset, token limit and safelist in front of
 * Apollo Server; the operation to run (known, not a subscription), no U+0000 in any string, then depth,
 * aliases, root fields, directives, page size and cost inside it; CSRF prevention, no HTTP
 * batching, a fragment-bomb cap, and no schema hints in production errors.
 */
export async function createProtection(
  config: ProtectionConfig,
  options: { production: boolean; budgetOf: (token: string) => Promise<RateBudget | null> },
): Promise<Protection> {
  const safelist = config.safelistFile ? loadSafelist(config.safelistFile) : null;
  const rateLimits = await createRateLimits({
    perMinuteIp: config.rateLimitPerMinuteIp,
    perMinuteKey: config.rateLimitPerMinuteKey,
    redisUrl: config.redisUrl,
    budgetOf: options.budgetOf,
  });
  return {
    serverOptions: {
      // Apollo Server's defaults, stated so that they stay: a simple (form-style) request cannot run an operation, and one request is one operation.
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      hideSchemaDetailsFromClientErrors: options.production,
      maxRecursiveSelections: config.limits.maxRecursiveSelections,
      // A backstop for the token limit, which tokenLimit() answers with its own code before parsing.
      parseOptions: { maxTokens: config.limits.maxTokens },
      // Automatic persisted queries in a bounded in-memory cache (Apollo Server's default); not a safelist.
      persistedQueries: {},
    },
    plugins: [...(safelist ? [safelistPlugin(safelist)] : []), requestValidationPlugin(), operationLimitsPlugin(config.limits)],
    httpHandlers: [
      rateLimits.middleware,
      ...graphqlBodyParser(config.maxBodyBytes),
      ...(safelist ? [safelistGuard(safelist)] : []),
      tokenLimit(config.limits.maxTokens),
    ],
    rateLimit: rateLimits.middleware,
    close: rateLimits.close,
  };
}
