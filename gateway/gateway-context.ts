/** Per-request context of the gateway. */
export interface GatewayContext {
  /** Correlates the gateway's and subgraphs' logs for one request; returned to the client as `x-request-id`. */
  requestId: string;
}
