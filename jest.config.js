/**
 * Jest: TypeScript through ts-jest (decorator metadata kept), in two projects that split the suite
 * without overlap, so `npm test` runs each test once:
 * - `unit`: `*.unit.test.ts`, tests that need no database, no socket and no build; run alone by
 *   `npm run test:unit`, they refuse to open a socket (testing/unit-setup.ts).
 * - `integration`: every other `*.test.ts`, against a real PostgreSQL from the global setup.
 */
const shared = {
  testEnvironment: "node",
  rootDir: __dirname,
  roots: ["<rootDir>"],
  // The partner project's own test runs under Node's runner, inside the packed-kit test.
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/.data/", "/partner-project/"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["reflect-metadata"],
  // The workspace packages from their sources, so a test sees one copy of each class (type-graphql metadata) and needs no build.
  moduleNameMapper: {
    "^@agora-hub/runtime$": "<rootDir>/packages/runtime/src/index.ts",
    "^@agora-hub/runtime/tracing-preload$": "<rootDir>/packages/runtime/src/observability/tracing-preload.ts",
    "^@agora-hub/subgraph-kit$": "<rootDir>/packages/subgraph-kit/src/index.ts",
    "^@agora-hub/subgraph-kit/testing$": "<rootDir>/packages/subgraph-kit/src/testing/index.ts",
  },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["**/*.unit.test.ts"],
      setupFilesAfterEnv: ["<rootDir>/testing/unit-setup.ts"],
    },
    {
      ...shared,
      displayName: "integration",
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, "\\.unit\\.test\\.ts$"],
      // Only when a test of this project runs: the unit tests need no PostgreSQL.
      globalSetup: "<rootDir>/testing/global-setup.ts",
      globalTeardown: "<rootDir>/testing/global-teardown.ts",
    },
  ],
  testTimeout: 30000,
  // Jest's default on 2 cores is one worker; the suite waits on PostgreSQL and sockets enough that two halve its time.
  maxWorkers: 2,
};
