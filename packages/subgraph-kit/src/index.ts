/**
 * The Agora Hub subgraph kit: what a network needs to build a Federation 2 subgraph of the hub on
 * PostgreSQL — schema from type-graphql, server, data source and migrations, loaders, pagination,
 * multilingual text, the shared vocabularies and graph types, errors and validation, the viewer.
 * Test helpers are in `@agora-hub/subgraph-kit/testing`.
 */
export * from "./subgraph";
export * from "./schema/build-subgraph-schema";
export * from "./schema/shared-types";
export * from "./server/subgraph-server";
export * from "./server/run-subgraph";
export * from "./server/partial-errors";
export * from "./data/loaders";
export * from "./data/pagination";
export * from "./data/search";
export * from "./data/sql";
export * from "./data/bulk-insert";
export * from "./graph/localized-text";
export * from "./graph/vocabulary.types";
export * from "./graph/shared-enums.types";
export * from "./graph/network-record";
export * from "./graph/directory-filter";
export * from "./input/errors";
export * from "./input/ids";
export * from "./input/validation";
export * from "./access/authorisation";
export * from "./peers/peer-subgraphs";
export * from "./peers/reference-check";
export { ANONYMOUS, logger, OPERATOR, type Viewer } from "@agora-hub/runtime";
