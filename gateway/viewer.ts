import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { ANONYMOUS, OPERATOR, type Viewer } from "../subgraphs/kit/subgraph";
import { tokensMatch } from "./registry/api-keys";
import type { PartnerRegistry } from "./registry/registry.service";

const BEARER = /^Bearer (\S{1,512})$/;

/**
 * Identifies the caller of a GraphQL request from its `Authorization` header: none → anonymous; the
 * operator's token → operator; a network's API key (registry mode only) → that network. A header that is
 * present but names no valid, unrevoked credential is refused with 401, never downgraded to anonymous.
 */
export async function identifyViewer(
  authorization: string | undefined,
  credentials: { registry: PartnerRegistry | null; adminToken?: string },
): Promise<Viewer> {
  if (authorization === undefined || authorization.trim() === "") return ANONYMOUS;
  const token = BEARER.exec(authorization.trim())?.[1];
  if (token) {
    if (credentials.registry) {
      const actor = await credentials.registry.authenticate(token);
      if (actor) return actor.kind === "operator" ? OPERATOR : { kind: "network", network: actor.slug };
    } else if (credentials.adminToken && tokensMatch(token, credentials.adminToken)) {
      return OPERATOR;
    }
  }
  throw new GraphQLError("The bearer token is not valid: send a network API key or the operator token, or no Authorization header to read as anonymous", {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: new HeaderMap([["www-authenticate", "Bearer"]]) } },
  });
}
