import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Moderation: each network's trust level, set by the operator (a trusted network's records publish directly,
 * others' wait for review), and moderators, who approve or reject records with API keys of their own. A key
 * belongs to exactly one network or one moderator.
 */
export class NetworkTrustAndModerators1766000000000 implements MigrationInterface {
  name = "NetworkTrustAndModerators1766000000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE network
        ADD COLUMN trust_level text NOT NULL DEFAULT 'UNTRUSTED' CHECK (trust_level IN ('TRUSTED', 'UNTRUSTED')),
        ADD COLUMN trust_changed_at timestamptz`);
    await runner.query(`
      CREATE TABLE moderator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        handle text NOT NULL UNIQUE CHECK (handle ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await runner.query(`
      ALTER TABLE api_key
        ALTER COLUMN network_id DROP NOT NULL,
        ADD COLUMN moderator_id uuid REFERENCES moderator (id) ON DELETE CASCADE,
        ADD CONSTRAINT api_key_one_holder CHECK ((network_id IS NULL) <> (moderator_id IS NULL))`);
    await runner.query(`CREATE INDEX api_key_moderator_id ON api_key (moderator_id) WHERE moderator_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM api_key WHERE moderator_id IS NOT NULL`);
    await runner.query(`ALTER TABLE api_key DROP CONSTRAINT api_key_one_holder, DROP COLUMN moderator_id, ALTER COLUMN network_id SET NOT NULL`);
    await runner.query(`DROP TABLE moderator`);
    await runner.query(`ALTER TABLE network DROP COLUMN trust_level, DROP COLUMN trust_changed_at`);
  }
}
