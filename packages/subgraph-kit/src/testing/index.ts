/** Test helpers of the subgraph kit: a subgraph on a fresh database, the shared entity contract, forged cursors, write-authorisation checks, demo ids. */
export * from "./subgraph-harness";
export * from "./test-database";
export * from "./entity-contract";
export * from "./forged-cursors";
export * from "./poll";
export * from "./write-authorisation";
export * from "./demo";
