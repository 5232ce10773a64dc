import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { PersonErasureStatus } from "./person-erasure.type";

/**
 * One erasure of a person (GDPR Art. 17), kept as the audit log and served as the erasure feed. It holds
 * no erased data: the person's id is a random UUID, the rest says who erased them and when.
 */
@ObjectType({ description: "An erasure of a person (GDPR Art. 17): ids and a time, never the erased data." })
@Entity("person_erasure")
export class PersonErasure {
  @Field(() => ID, { nullable: true, description: "The erasure's id; null when nothing was erased (NOT_FOUND)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** Feed order; assigned by the database in commit order (see the migration). */
  @Column({ type: "bigint", insert: false, update: false })
  seq!: string;

  @Field(() => ID, { description: "The erased person's id." })
  @Column("uuid", { unique: true })
  personId!: string;

  /** The erased person's network: who may see the erasure in their audit. */
  @Column("text")
  network!: string;

  /** Who erased: the operator or a network (the person's own). */
  @Column("text")
  actorKind!: "operator" | "network";

  @Column("text", { nullable: true })
  actorNetwork!: string | null;

  @Field(() => PersonErasureStatus)
  @Column("text", { default: PersonErasureStatus.ERASED })
  status!: PersonErasureStatus;

  @Field(() => Date, { nullable: true, description: "When the person was erased; null when nothing was erased (NOT_FOUND)." })
  @Column("timestamptz", { default: () => "now()" })
  erasedAt!: Date;
}
