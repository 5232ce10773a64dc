/**
 * The runtime every Agora Hub process shares, the gateway's and each subgraph's: configuration, logging,
 * PostgreSQL, lifecycle (shutdown, draining, background polling), deadlines, identity of the viewer,
 * observability, outbound-address policy and the controlled vocabularies.
 */
export * from "./config";
export * from "./logger";
export * from "./ids";
export * from "./networks";
export * from "./text-safety";
export * from "./database/database";
export * from "./database/connect-database";
export * from "./database/embedded-postgres";
export * from "./database/query-counter";
export * from "./database/write-announcements";
export * from "./database/type-parsers";
export * from "./lifecycle/shutdown";
export * from "./lifecycle/draining";
export * from "./lifecycle/poller";
export * from "./deadlines/cancellation";
export * from "./identity/viewer";
export * from "./identity/hub-token";
export * from "./http/preferred-languages";
export * from "./http/free-ports";
export * from "./observability";
export * from "./outbound/address-policy";
export * from "./outbound/subgraph-url";
export * from "./outbound/guarded-lookup";
export * from "./vocabularies";
