/**
 * Who is asking: anonymous clients read public data; a partner network (by its API key) writes its own
 * records; the operator may do everything. Established by the gateway and passed to subgraphs.
 */
export type Viewer = { kind: "anonymous" } | { kind: "network"; network: string } | { kind: "operator" };

export const ANONYMOUS: Viewer = { kind: "anonymous" };
export const OPERATOR: Viewer = { kind: "operator" };
