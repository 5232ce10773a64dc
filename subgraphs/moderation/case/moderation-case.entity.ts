import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { PublicationAction } from "@agora-hub/subgraph-kit";
import { ReportableType } from "../moderation.config";
import { ModerationCaseState } from "./moderation-case.type";

/**
 * The reports about one record, gathered in one case: at most one OPEN case per record (a unique index), which
 * further reports join; a moderator upholds it (the record is rejected at its owner) or dismisses it. It never
 * holds who reported: the reports' rows keep only a hash of the client's pseudonym, and only for the rate limit.
 */
@ObjectType({
  description:
    "The reports about one record and what a moderator decided. Listed for the record's own network (its notification), moderators and the operator; never says who reported.",
})
@Entity("moderation_case")
export class ModerationCase {
  @Field(() => ID, { description: "The case's identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ReportableType, { description: "What kind of record was reported." })
  @Column("text")
  recordType!: ReportableType;

  @Field(() => ID, { description: "The reported record's id." })
  @Column("uuid")
  recordId!: string;

  @Field({ description: "Slug of the network the reported record belongs to (as its owner said when it was first reported)." })
  @Column("text")
  network!: string;

  @Field(() => ModerationCaseState, { description: "Open, upheld or dismissed." })
  @Column("text")
  state!: ModerationCaseState;

  @Field(() => Int, { description: "How many reports the case holds." })
  @Column("integer")
  reportCount!: number;

  @Field({ description: "When the first report opened the case." })
  @Column("timestamptz")
  openedAt!: Date;

  @Field({ description: "When the latest report joined the case." })
  @Column("timestamptz")
  lastReportedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: "The moderator's note on the decision (the rejection reason its network sees, when upheld); null while open.",
  })
  @Column("text", { nullable: true })
  resolution!: string | null;

  @Field(() => PublicationAction, {
    nullable: true,
    description:
      "The publication action taken on the record when the case was upheld (REJECT); null when none was needed (it was no longer public) or not upheld.",
  })
  @Column("text", { nullable: true })
  recordAction!: PublicationAction | null;

  @Field(() => String, { nullable: true, description: 'Who decided: the moderator\'s handle, or "operator"; null while open.' })
  @Column("text", { nullable: true })
  resolvedBy!: string | null;

  @Field(() => Date, { nullable: true, description: "When the case was decided; null while open." })
  @Column("timestamptz", { nullable: true })
  resolvedAt!: Date | null;
}
