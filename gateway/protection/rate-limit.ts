import type { RequestHandler } from "express";
import Redis from "ioredis";
import { createHash } from "node:crypto";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { logger } from "../../subgraphs/kit/logger";
import { sendRefusal } from "./protection-errors";

/** Rate limits per client IP and per API key, with the middleware that applies them. */
export interface RateLimits {
  middleware: RequestHandler;
  close: () => Promise<void>;
}

/** How long a token's validity is remembered, so a flood of requests costs one lookup per key per minute. */
const TOKEN_CACHE_MS = 60_000;
const TOKEN_CACHE_SIZE = 10_000;

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

/**
 * Requests per minute: with a valid API key (the Authorization bearer token, known only by its
 * SHA-256) against that key's budget, otherwise against the client IP's: an unknown token is charged
 * to the IP, so random tokens cannot escape the IP budget. Tokens are checked with `verifyToken` at most
 * once a minute each. Shared by every replica through Redis when `redisUrl` is set.
 */
export async function createRateLimits(options: {
  perMinuteIp: number;
  perMinuteKey: number;
  redisUrl?: string;
  verifyToken: (token: string) => Promise<boolean>;
}): Promise<RateLimits> {
  let redis: Redis | null = null;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on("error", (error: Error) => logger.warn({ err: error.message }, "rate limits: Redis unavailable, limiting per process"));
    await redis.connect().catch(() => undefined);
  }
  const byIp = options.perMinuteIp > 0 ? limiter(options.perMinuteIp, "agora:rate:ip", redis) : null;
  const byKey = options.perMinuteKey > 0 ? limiter(options.perMinuteKey, "agora:rate:key", redis) : null;
  const validTokens = new Map<string, { valid: boolean; until: number }>();

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

  /** Whether a token is a valid key, remembered for a minute (the registry lookup is the only cost). */
  const isValidToken = async (token: string, hash: string): Promise<boolean> => {
    const known = validTokens.get(hash);
    if (known && known.until >= Date.now()) return known.valid;
    let valid = false;
    try {
      valid = await options.verifyToken(token);
    } catch (error) {
      logger.warn({ err: (error as Error).message }, "rate limits: could not check an API key");
    }
    if (validTokens.size >= TOKEN_CACHE_SIZE) validTokens.clear();
    validTokens.set(hash, { valid, until: Date.now() + TOKEN_CACHE_MS });
    return valid;
  };

  const middleware: RequestHandler = async (req, res, next) => {
    const token = bearerToken(req.header("authorization"));
    const hash = token ? createHash("sha256").update(token).digest("hex") : null;
    const refused =
      token && hash && (await isValidToken(token, hash))
        ? await consume(byKey, hash, "API key", options.perMinuteKey)
        : await consume(byIp, req.ip ?? req.socket.remoteAddress ?? "unknown", "client IP", options.perMinuteIp);
    if (refused) {
      res.setHeader("Retry-After", String(refused.retryAfter));
      sendRefusal(res, 429, "RATE_LIMITED", `Too many requests: the limit is ${refused.perMinute} per minute per ${refused.what}. Retry in ${refused.retryAfter} s.`, {
        retryAfterSeconds: refused.retryAfter,
      });
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
