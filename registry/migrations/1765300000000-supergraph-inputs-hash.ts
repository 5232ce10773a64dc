import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What each stored supergraph was composed from (a hash of the subgraphs and the composition version), so a
 * gateway restarted with nothing changed serves the stored supergraph instead of composing it again.
 */
export class SupergraphInputsHash1765300000000 implements MigrationInterface {
  name = "SupergraphInputsHash1765300000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE supergraph_version ADD COLUMN inputs_hash text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE supergraph_version DROP COLUMN inputs_hash`);
  }
}
