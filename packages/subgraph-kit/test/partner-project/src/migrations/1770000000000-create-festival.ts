import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateFestival1770000000000 implements MigrationInterface {
  name = "CreateFestival1770000000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE festival (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name jsonb NOT NULL,
        country text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DROP TABLE festival");
  }
}
