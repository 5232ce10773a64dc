import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { classifyDatabaseError } from "@agora-hub/runtime";
import { ANONYMOUS, OPERATOR, type Viewer } from "@agora-hub/runtime";
import type { RateBudget } from "./protection/rate-limit";
import { tokensMatch } from "../registry/api-keys";
import type { Actor, PartnerRegistry } from "../registry/registry.service";

const BEARER = /^Bearer (\S{1,512})$/;

/** Where the gateway checks credentials: the registry's keys (registry mode) and the operator's token. */
export interface Credentials {
  registry: PartnerRegistry | null;
  adminToken?: string;
}

/** The operator or a network for a bearer token, or null when it is none; a registry outage is a 503 GraphQL error. */
async function actorOf(token: string, credentials: Credentials): Promise<Actor | null> {
  if (!credentials.registry) return credentials.adminToken && tokensMatch(token, credentials.adminToken) ? { kind: "operator" } : null;
  try {
    return await credentials.registry.authenticate(token);
  } catch (error) {
    if (!classifyDatabaseError(error)) throw error;
    throw new GraphQLError("The hub cannot check API keys right now: its registry database is unavailable. Try again shortly.", {
      originalError: error as Error,
      extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503, headers: new HeaderMap([["retry-after", "5"]]) } },
    });
  }
}

/**
 * Identifies the caller of a GraphQL request from its `Authorization` header: none → anonymous; the
 * operator's token → operator; a network's API key (registry mode only) → that network, trusted or not as
 * the operator set it; a moderator's key → that moderator. A header that is
 * present but names no valid, unrevoked credential is refused with 401, never downgraded to anonymous;
 * when the registry cannot be asked, 503 SERVICE_UNAVAILABLE.
 */
export async function identifyViewer(authorization: string | undefined, credentials: Credentials): Promise<Viewer> {
  if (authorization === undefined || authorization.trim() === "") return ANONYMOUS;
  const token = BEARER.exec(authorization.trim())?.[1];
  const actor = token ? await actorOf(token, credentials) : null;
  if (actor?.kind === "operator") return OPERATOR;
  if (actor?.kind === "moderator") return { kind: "moderator", moderator: actor.handle };
  if (actor) return actor.trusted ? { kind: "network", network: actor.slug, trusted: true } : { kind: "network", network: actor.slug };
  throw new GraphQLError("The bearer token is not valid: send a network API key or the operator token, or no Authorization header to read as anonymous", {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: new HeaderMap([["www-authenticate", "Bearer"]]) } },
  });
}

/**
 * The rate budget a bearer token draws on: its network's (shared by all the network's keys, so minting
 * keys buys no extra budget), the operator's, or null when the token is not a valid credential.
 */
export async function rateBudgetOf(token: string, credentials: Credentials): Promise<RateBudget | null> {
  const actor = await actorOf(token, credentials);
  if (!actor) return null;
  if (actor.kind === "operator") return { key: "operator", per: "API key" };
  if (actor.kind === "moderator") return { key: `moderator:${actor.moderatorId}`, per: "moderator (all their API keys together)" };
  return { key: `network:${actor.networkId}`, per: "network (all its API keys together)" };
}
