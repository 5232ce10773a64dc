import type { MigrationInterface, QueryRunner } from "typeorm";

/** The partner registry: networks, their keys, partner subgraphs with history, composed supergraphs. */
export class CreateRegistry1764100000000 implements MigrationInterface {
  name = "CreateRegistry1764100000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE network (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        contact text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
        key_id text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await runner.query(`CREATE INDEX api_key_network_id ON api_key (network_id)`);
    await runner.query(`
      CREATE TABLE partner_subgraph (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        network_id uuid NOT NULL REFERENCES network (id),
        routing_url text NOT NULL,
        sdl text NOT NULL,
        sdl_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'removed')),
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE partner_subgraph_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subgraph_name text NOT NULL,
        network_id uuid NOT NULL REFERENCES network (id),
        version int NOT NULL,
        action text NOT NULL CHECK (action IN ('publish', 'remove')),
        routing_url text NOT NULL,
        sdl_hash text,
        actor text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subgraph_name, version)
      )`);
    await runner.query(`
      CREATE TABLE supergraph_version (
        id bigserial PRIMARY KEY,
        sdl text NOT NULL,
        sdl_hash text NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE supergraph_version, partner_subgraph_version, partner_subgraph, api_key, network`);
  }
}
