import { randomUUID } from "node:crypto";
import { BACKGROUND_REQUEST_HEADER, type HubTokenSigner, LANGUAGES_HEADER, outgoingCallBudget, type RequestScope, type Viewer } from "@agora-hub/runtime";

/**
 * The one client for calls between the hub's own subgraphs (reference checks, the erasure feed, search):
 * a GraphQL POST to a peer with a hub token for that peer's audience and the viewer to act as, the request
 * id and languages passed on, within the time left of the request being served and abandoned with it, no
 * redirects. Only core subgraphs sign, with the hub's key set (`PeerSubgraphs.signer`); partners never hold it.
 */

/** Whom a peer call acts for: the viewer the calling subgraph received (or the operator, for background work). */
export interface PeerCaller {
  viewer: Viewer;
  /** Correlates the peer's logs with the request being served; a new id when absent. */
  requestId?: string;
  /** The client's preferred languages, passed on so texts come back in them. */
  languages?: readonly string[];
}

/** One GraphQL operation. */
export interface PeerOperation {
  query: string;
  variables?: Record<string, unknown>;
}

/** A GraphQL error as a peer answered it. */
export interface PeerError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** What a peer answered: the HTTP status and the GraphQL body. */
export interface PeerAnswer<TData> {
  status: number;
  data?: TData | null;
  errors?: PeerError[];
}

/** How a subgraph reaches its peers (see `PeerSubgraphs`). */
export interface PeerTargets {
  /** GraphQL URL of each peer, by subgraph name (the name is also the token's audience). */
  urls: Readonly<Record<string, string>>;
  /** The hub's key set; without it (development) calls go without a token and peers that verify refuse them. */
  signer?: HubTokenSigner;
  /** How long a peer may take, unless the request being served has less time left. */
  timeoutMs: number;
  /** The request being served, whose deadline and abandonment calls follow: set on each request's `context.peers`. */
  scope?: RequestScope;
}

/** The peer gave no usable GraphQL answer (no URL, unreachable, timed out, not JSON). */
export class PeerUnavailableError extends Error {
  constructor(
    readonly peer: string,
    readonly detail: string,
  ) {
    super(`the ${peer} subgraph did not answer: ${detail}`);
  }
}

/**
 * Posts `operation` to the peer subgraph `peer` as `caller`; the status and GraphQL body it answered
 * (errors included: the caller decides what they mean). Throws `PeerUnavailableError` without a usable answer.
 */
export async function callPeer<TData>(
  targets: PeerTargets,
  peer: string,
  caller: PeerCaller,
  operation: PeerOperation,
  options: { timeoutMs?: number; /** Marks polling (BACKGROUND_REQUEST_HEADER), which the peer logs at debug level. */ background?: string } = {},
): Promise<PeerAnswer<TData>> {
  const url = targets.urls[peer];
  if (!url) throw new PeerUnavailableError(peer, "no URL is configured for it (SUBGRAPH_<NAME>_URL)");
  const body = JSON.stringify(operation);
  const budget = outgoingCallBudget(options.timeoutMs ?? targets.timeoutMs, targets.scope);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...budget.headers,
    "x-request-id": caller.requestId ?? randomUUID(),
    ...(options.background ? { [BACKGROUND_REQUEST_HEADER]: options.background } : {}),
    ...(caller.languages?.length ? { [LANGUAGES_HEADER]: caller.languages.join(",") } : {}),
    // Minted per call, just before sending: each token is good for this body, this peer and once.
    ...(targets.signer ? { authorization: `Bearer ${await targets.signer.sign({ audience: peer, viewer: caller.viewer, body })}` } : {}),
  };
  try {
    const response = await fetch(url, { method: "POST", headers, body, redirect: "error", signal: budget.signal });
    const answer = (await response.json()) as { data?: TData | null; errors?: PeerError[] } | null;
    return { status: response.status, data: answer?.data, errors: Array.isArray(answer?.errors) ? answer.errors : undefined };
  } catch (error) {
    throw new PeerUnavailableError(peer, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}
