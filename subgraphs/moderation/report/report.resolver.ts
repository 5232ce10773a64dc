import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { ReportReceipt } from "../case/moderation-case.type";
import type { ModerationContext } from "../case/moderation-case.service";
import { ReportRecordInput } from "./report.inputs";
import { reportRecord } from "./report.service";

@Resolver()
export class ReportResolver {
  @Mutation(() => ReportReceipt, {
    nullable: true,
    description:
      "Reports a published person, organisation, opportunity or event to the moderators; anyone may, without credentials. Rate-limited per client and per record (RATE_LIMITED). The report joins the record's open moderation case; who reported is never shown to anyone.",
  })
  reportRecord(@Arg("input") input: ReportRecordInput, @Ctx() context: ModerationContext): Promise<ReportReceipt> {
    return reportRecord(context, input);
  }
}
