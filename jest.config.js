/** Jest: TypeScript through ts-jest (decorator metadata kept), real PostgreSQL from the global setup. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/.data/"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["reflect-metadata"],
  globalSetup: "<rootDir>/subgraphs/kit/testing/global-setup.ts",
  globalTeardown: "<rootDir>/subgraphs/kit/testing/global-teardown.ts",
  testTimeout: 30000,
  // Jest's default on 2 cores is one worker; the suite waits on PostgreSQL and sockets enough that two halve its time.
  maxWorkers: 2,
};
