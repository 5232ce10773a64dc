import type { MigrationInterface, QueryRunner } from "typeorm";

/** The directory consent flag: only people who agreed to be listed are shown to the public. */
export class AddPersonDiscoverable1764000000001 implements MigrationInterface {
  name = "AddPersonDiscoverable1764000000001";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE person ADD COLUMN discoverable boolean NOT NULL DEFAULT false`);
    await runner.query(`CREATE INDEX person_discoverable_display_name ON person (display_name, id) WHERE discoverable`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE person DROP COLUMN discoverable`);
  }
}
