import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * One revision counter for the whole registry, bumped by every change that alters what composes
 * (networks, partner subgraphs, supergraphs). Writers compose outside any transaction and then store
 * only if the revision they read is still current (optimistic concurrency).
 */
export class RegistryRevision1765200000000 implements MigrationInterface {
  name = "RegistryRevision1765200000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE registry_state (id int PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL)`);
    await runner.query(`INSERT INTO registry_state (id, revision) VALUES (1, 0)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE registry_state`);
  }
}
