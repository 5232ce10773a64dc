import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The membership table: a person (by id, owned by the people subgraph) or an organisation belonging to
 * an organisation. Constraints repeat the service's rules so no other writer can break them.
 */
export class CreateMembership1764000200001 implements MigrationInterface {
  name = "CreateMembership1764000200001";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        network text NOT NULL,
        source_id text,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        person_id uuid,
        member_organisation_id uuid REFERENCES organisation (id) ON DELETE CASCADE,
        role text NOT NULL,
        title text,
        since date,
        until date,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT membership_one_member CHECK (num_nonnulls(person_id, member_organisation_id) = 1),
        CONSTRAINT membership_not_own_member CHECK (member_organisation_id <> organisation_id),
        CONSTRAINT membership_until_after_since CHECK (until >= since)
      )`);
    await runner.query(`CREATE UNIQUE INDEX membership_network_source_id ON membership (network, source_id) WHERE source_id IS NOT NULL`);
    // One open-ended membership per member and role: a person is not twice the director of one place.
    await runner.query(`CREATE UNIQUE INDEX membership_open_person_role ON membership (organisation_id, person_id, role) WHERE until IS NULL`);
    await runner.query(
      `CREATE UNIQUE INDEX membership_open_organisation_role ON membership (organisation_id, member_organisation_id, role) WHERE until IS NULL`,
    );
    // Keyset orders of the three paginated lists: members, memberOf and a person's memberships.
    await runner.query(`CREATE INDEX membership_organisation ON membership (organisation_id, created_at, id)`);
    await runner.query(`CREATE INDEX membership_person ON membership (person_id, created_at, id)`);
    await runner.query(`CREATE INDEX membership_member_organisation ON membership (member_organisation_id, created_at, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE membership`);
  }
}
