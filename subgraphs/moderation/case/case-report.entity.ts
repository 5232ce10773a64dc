import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { ReportableType } from "../moderation.config";
import { ReportReason } from "./moderation-case.type";

/**
 * One report of a record, in its case. Its GraphQL face is the reason and the reporter's text, nothing else:
 * not who sent it, not when. `reporterHash` (a hash of the gateway's pseudonym of the client) exists only for
 * the per-client rate limit and is cleared once the limit's window has passed.
 */
@ObjectType({ description: "One report's reason and text, as the reporter wrote it; who reported is never shown." })
@Entity("case_report")
export class CaseReport {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column("uuid")
  caseId!: string;

  @Column("text")
  recordType!: ReportableType;

  @Column("uuid")
  recordId!: string;

  @Field(() => ReportReason, { description: "The reason the reporter chose." })
  @Column("text")
  reason!: ReportReason;

  @Field(() => String, { nullable: true, description: "What the reporter wrote, if anything." })
  @Column("text", { nullable: true })
  text!: string | null;

  @Column("text", { nullable: true })
  reporterHash!: string | null;

  @Column("timestamptz")
  reportedAt!: Date;
}
