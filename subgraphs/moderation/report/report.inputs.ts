import { Field, ID, InputType } from "type-graphql";
import { ReportableType } from "../moderation.config";
import { ReportReason } from "../case/moderation-case.type";

/** A report's text: at most this many characters, after trimming. */
export const MAX_REPORT_TEXT_LENGTH = 1000;

@InputType({ description: "A report of a public record: what it is, why it is reported and, optionally, more in the reporter's words." })
export class ReportRecordInput {
  @Field(() => ReportableType, { description: "What kind of record it is." })
  type!: ReportableType;

  @Field(() => ID, { description: "The record's id; it must be PUBLISHED." })
  id!: string;

  @Field(() => ReportReason, { description: "Why it is reported." })
  reason!: ReportReason;

  @Field(() => String, {
    nullable: true,
    description: `More about what is wrong, up to ${MAX_REPORT_TEXT_LENGTH} characters (trimmed); required with OTHER. Moderators and the record's network read it; never who wrote it.`,
  })
  text?: string | null;
}
