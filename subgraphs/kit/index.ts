/**
 * The subgraph kit: everything a subgraph of Agora Hub (core or partner) shares: schema building,
 * server, database, loaders, pagination, multilingual text, vocabularies, errors and validation.
 */
export * from "./build-subgraph-schema";
export * from "./config";
export * from "./connect-database";
export * from "./database";
export * from "./embedded-postgres";
export * from "./errors";
export * from "./ids";
export * from "./loaders";
export * from "./localized-text";
export * from "./logger";
export * from "./pagination";
export * from "./query-counter";
export * from "./run-subgraph";
export * from "./shutdown";
export * from "./subgraph";
export * from "./subgraph-server";
export * from "./validation";
export * from "./vocabulary.types";
export * from "./shared-enums.types";
export * from "./matchmaking";
export * from "./network-record";
export * from "./sql";
export * from "./demo";
export * from "./bulk-insert";
export * from "./preferred-languages";
export * from "./json-ld";
export * from "./search";
export * from "./authorisation";
export * from "./request-signature";
export * from "./calendar";
export * from "./poller";
export * from "./person-data";
export * from "./erasure-follower";
export * from "./partial-errors";
export * from "./observability";
export * from "./directory-filter";
export * from "./peer-subgraphs";
export * from "./reference-check";
