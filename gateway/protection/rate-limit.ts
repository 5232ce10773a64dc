import type { RequestHandler } from "express";
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { logger } from "@agora-hub/runtime";
import { sendRefusal } from "./protection-errors";

/** Rate limits per client IP and per API key, with the middleware that applies them. */
export interface RateLimits {
  middleware: RequestHandler;
  close: () => Promise<void>;
}

function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : null;
}

function limiter(points: number, keyPrefix: string, redis: Redis | null): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points, duration: 60, keyPrefix });
  if (!redis) return memory;
  // When Redis is unreachable each replica falls back to its own in-memory budget rather than refusing traffic.
  return new RateLimiterRedis({ storeClient: redis, points, duration: 60, keyPrefix, rejectIfRedisNotReady: true, insuranceLimiter: memory });
}

/** The budget a valid credential draws on: its key in the limiter and what the refusal says it is per. */
export interface RateBudget {
  key: string;
  per: string;
}

/**
 * Requests per minute: with a valid credential (the Authorization bearer token) against the budget
 * `budgetOf` names for it — a network's, shared by all its keys, so minting keys buys nothing —
 * otherwise against the client IP's: an unknown token is charged to the IP, so random tokens cannot
 * escape the IP budget. `budgetOf` must be cheap (the registry caches its key lookups). Shared by every
 * replica through Redis when `redisUrl` is set.
 */
export async function createRateLimits(options: {
  perMinuteIp: number;
  perMinuteKey: number;
  redisUrl?: string;
  budgetOf: (token: string) => Promise<RateBudget | null>;
}): Promise<RateLimits> {
  let redis: Redis | null = null;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on("error", (error: Error) => logger.warn({ err: error.message }, "rate limits: Redis unavailable, limiting per process"));
    await redis.connect().catch(() => undefined);
  }
  const byIp = options.perMinuteIp > 0 ? limiter(options.perMinuteIp, "agora:rate:ip", redis) : null;
  const byKey = options.perMinuteKey > 0 ? limiter(options.perMinuteKey, "agora:rate:key", redis) : null;

  /** Consumes one point; the refusal to send, or null when the request may go on. */
  const consume = async (budget: RateLimiterAbstract | null, key: string, what: string, perMinute: number) => {
    if (!budget) return null;
    try {
      await budget.consume(key);
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        logger.warn({ err: (rejection as Error).message }, "rate limits: store failed, request let through");
        return null;
      }
      return { retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), what, perMinute };
    }
  };

  /** The budget of a token, or null (charged to the IP) when it is invalid or cannot be checked now. */
  const budgetOfToken = async (token: string): Promise<RateBudget | null> => {
    try {
      return await options.budgetOf(token);
    } catch (error) {
      logger.warn({ err: (error as Error).message }, "rate limits: could not check an API key");
      return null;
    }
  };

  const middleware: RequestHandler = async (req, res, next) => {
    if (!byKey && !byIp) {
      next();
      return;
    }
    const token = bearerToken(req.header("authorization"));
    const budget = token ? await budgetOfToken(token) : null;
    const refused = budget
      ? await consume(byKey, budget.key, budget.per, options.perMinuteKey)
      : await consume(byIp, req.ip ?? req.socket.remoteAddress ?? "unknown", "client IP", options.perMinuteIp);
    if (refused) {
      res.setHeader("Retry-After", String(refused.retryAfter));
      sendRefusal(
        res,
        429,
        "RATE_LIMITED",
        `Too many requests: the limit is ${refused.perMinute} per minute per ${refused.what}. Retry in ${refused.retryAfter} s.`,
        {
          retryAfterSeconds: refused.retryAfter,
        },
      );
      return;
    }
    next();
  };

  return {
    middleware,
    close: async () => {
      if (redis) await redis.quit().catch(() => redis?.disconnect());
    },
  };
}
