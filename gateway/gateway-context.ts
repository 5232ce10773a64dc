import type { Viewer } from "@agora-hub/runtime";
import type { RequestBudget } from "./protection/admission-control";

/** Per-request context of the gateway. */
export interface GatewayContext {
  /** Who is asking, from the request's bearer token; core subgraphs receive it signed. */
  viewer: Viewer;
  /** Correlates the gateway's and subgraphs' logs for one request; returned to the client as `x-request-id`. */
  requestId: string;
  /** The gateway's daily pseudonym of the client's address (`protection/client-pseudonym.ts`); core subgraphs receive it signed. */
  client?: string;
  /** The client's preferred languages from Accept-Language, best first; core subgraphs receive them as `x-agora-languages`. */
  languages?: string[];
  /** Aborts when the client goes away or the request's deadline passes; every subgraph call is abandoned with it. */
  budget?: RequestBudget;
  /** The subgraphs this request called so far (the response cache tags its answer with them). */
  subgraphCalls?: SubgraphCalls;
}

/** Which subgraphs a request called, and whether any of them was a partner's. */
export interface SubgraphCalls {
  names: Set<string>;
  partner: boolean;
}
