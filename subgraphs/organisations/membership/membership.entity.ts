import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { LocalDate, ModeratedRecord } from "@agora-hub/subgraph-kit";
import { MembershipRole } from "./membership.type";

/** Today's date in UTC as `YYYY-MM-DD`, the form `date` columns are compared in. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * A member of an organisation: a person (owned by the people subgraph, held here by id only) or
 * another organisation, e.g. a venue that belongs to a network. Exactly one of the two is set. Moderated like
 * every core record: only PUBLISHED memberships are listed, a non-public one resolves for its network only.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A person or an organisation belonging to an organisation, with a role and dates." })
@Entity("membership")
@Index(["network", "sourceId"], { unique: true, where: "source_id IS NOT NULL" })
export class Membership extends ModeratedRecord {
  /** The organisation joined; exposed as `organisation` through the organisation loader. */
  @Column("uuid")
  organisationId!: string;

  /** The member when it is a person; exposed (hidden from clients) as `personId`, from which the people subgraph resolves `person`. */
  @Column("uuid", { nullable: true })
  personId!: string | null;

  /** The member when it is an organisation; exposed as `memberOrganisation`. */
  @Column("uuid", { nullable: true })
  memberOrganisationId!: string | null;

  @Field(() => MembershipRole)
  @Column("text")
  role!: MembershipRole;

  @Field(() => String, { nullable: true, description: 'Free-text title, e.g. "Head of international programmes".' })
  @Column("text", { nullable: true })
  title!: string | null;

  @Field(() => LocalDate, { nullable: true, description: "First day of the membership, when known." })
  @Column("date", { nullable: true })
  since!: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Last day of the membership; null while it has no planned end." })
  @Column("date", { nullable: true })
  until!: string | null;

  @Field({ description: "True when the membership has started (or has no start date) and has not ended, as of today (UTC)." })
  isCurrent(): boolean {
    const today = todayUtc();
    return (this.since === null || this.since <= today) && (this.until === null || this.until >= today);
  }
}
