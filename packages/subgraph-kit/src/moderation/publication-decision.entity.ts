import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { PublicationActorKind, PublicationChange, PublicationState } from "./publication-state";

/**
 * One change of a record's publication state: the audit trail of who decided what and when. Every
 * moderated subgraph keeps its own in the table `publication_decision` (`publicationMigration`), written in
 * the transaction that changes the state.
 */
@Directive("@shareable")
@ObjectType({ description: "One change of a record's publication state: who decided what, when, and why." })
@Entity("publication_decision")
@Index("publication_decision_record", ["recordId", "decidedAt"])
export class PublicationDecision {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column("text")
  recordType!: string;

  @Column("uuid")
  recordId!: string;

  @Column("text")
  network!: string;

  @Field(() => PublicationChange, { description: "What happened." })
  @Column("text")
  change!: PublicationChange;

  @Field(() => PublicationState, { nullable: true, description: "The state before; null when the record was created." })
  @Column("text", { nullable: true })
  fromState!: PublicationState | null;

  @Field(() => PublicationState, { description: "The state after." })
  @Column("text")
  toState!: PublicationState;

  @Field(() => String, { nullable: true, description: "The reason given (required to reject)." })
  @Column("text", { nullable: true })
  reason!: string | null;

  @Field(() => PublicationActorKind, { description: "Who made the change." })
  @Column("text")
  actorKind!: PublicationActorKind;

  @Field(() => String, { nullable: true, description: "The network's slug, the moderator's handle, or the hub's job; null for the operator." })
  @Column("text", { nullable: true })
  actor!: string | null;

  @Field({ description: "When." })
  @CreateDateColumn({ type: "timestamptz" })
  decidedAt!: Date;
}
