import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The erasure audit log, which is also the erasure feed other subgraphs and partners follow. It holds no
 * erased data: only the person's random id, their network, who erased them and when. `seq` orders the feed;
 * erasures take a lock so it grows in commit order and a follower's cursor never skips one.
 * `person_erasure_webhook` keeps, per webhook URL, the last erasure delivered.
 */
export class CreatePersonErasure1764000000010 implements MigrationInterface {
  name = "CreatePersonErasure1764000000010";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE person_erasure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        person_id uuid NOT NULL UNIQUE,
        network text NOT NULL,
        actor_kind text NOT NULL CHECK (actor_kind IN ('operator', 'network')),
        actor_network text,
        status text NOT NULL DEFAULT 'ERASED',
        erased_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT person_erasure_actor_network CHECK ((actor_kind = 'network') = (actor_network IS NOT NULL))
      )`);
    await runner.query(`
      CREATE TABLE person_erasure_webhook (
        url text PRIMARY KEY,
        delivered_seq bigint NOT NULL DEFAULT 0,
        last_error text,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE person_erasure_webhook`);
    await runner.query(`DROP TABLE person_erasure`);
  }
}
