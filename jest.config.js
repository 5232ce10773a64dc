/** Jest: TypeScript through ts-jest (decorator metadata kept), real PostgreSQL from the global setup. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/.data/"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["reflect-metadata"],
  // The workspace packages from their sources, so a test sees one copy of each class (type-graphql metadata) and needs no build.
  moduleNameMapper: {
    "^@agora-hub/runtime$": "<rootDir>/packages/runtime/src/index.ts",
    "^@agora-hub/runtime/tracing-preload$": "<rootDir>/packages/runtime/src/observability/tracing-preload.ts",
    "^@agora-hub/subgraph-kit$": "<rootDir>/packages/subgraph-kit/src/index.ts",
    "^@agora-hub/subgraph-kit/testing$": "<rootDir>/packages/subgraph-kit/src/testing/index.ts",
  },
  globalSetup: "<rootDir>/testing/global-setup.ts",
  globalTeardown: "<rootDir>/testing/global-teardown.ts",
  testTimeout: 30000,
  // Jest's default on 2 cores is one worker; the suite waits on PostgreSQL and sockets enough that two halve its time.
  maxWorkers: 2,
};
