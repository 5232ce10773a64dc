/** Jest global teardown: stops the embedded PostgreSQL started by the global setup, if any. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __agoraEmbeddedPostgres?: { stop: () => Promise<void> } }).__agoraEmbeddedPostgres?.stop();
}
