import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, MAX_REASON_LENGTH, PageArgs } from "@agora-hub/subgraph-kit";
import { reportedRecordStub } from "../moderation.config";
import { CaseReport } from "./case-report.entity";
import { ModerationCasesArgs } from "./moderation-case.args";
import { ModerationCase } from "./moderation-case.entity";
import { listModerationCases, type ModerationContext, resolveModerationCase } from "./moderation-case.service";
import { ModerationOutcome, ReasonCount, ReportedRecord } from "./moderation-case.type";

@ObjectType({ description: "A page of moderation cases, newest first." })
export class ModerationCaseConnection extends ConnectionType(ModerationCase, "ModerationCase") {}

@ObjectType({ description: "A page of a case's report texts, newest first." })
export class CaseReportConnection extends ConnectionType(CaseReport, "CaseReport") {}

@Resolver(() => ModerationCase)
export class ModerationCaseResolver {
  @Query(() => ModerationCaseConnection, {
    nullable: true,
    description:
      "Moderation cases, newest first: a network's key lists the cases about its own records (how it learns of reports), moderators and the operator every case. Needs credentials.",
  })
  async moderationCases(@Args() args: ModerationCasesArgs, @Ctx() context: ModerationContext): Promise<ModerationCaseConnection> {
    return new ModerationCaseConnection(await listModerationCases(context, args));
  }

  @Mutation(() => ModerationCase, {
    nullable: true,
    description:
      "Decides an open case (moderators and the operator): UPHELD rejects the record at its owner, as the moderator, with `note` as the reason its network sees, and fails (the case staying open) when that cannot be done; DISMISSED leaves the record as it is.",
  })
  resolveModerationCase(
    @Arg("id", () => ID, { description: "The case." }) id: string,
    @Arg("outcome", () => ModerationOutcome, { description: "The decision." }) outcome: ModerationOutcome,
    @Arg("note", () => String, { nullable: true, description: `Why (up to ${MAX_REASON_LENGTH} characters); required to uphold.` }) note: string | null,
    @Ctx() context: ModerationContext,
  ): Promise<ModerationCase> {
    return resolveModerationCase(context, id, outcome, note);
  }

  @FieldResolver(() => ReportedRecord, {
    nullable: true,
    description: "The reported record, as its owner shows it to the viewer; null when the viewer may no longer see it (or it is gone).",
  })
  record(@Root() found: ModerationCase): typeof ReportedRecord {
    return reportedRecordStub(found.recordType, found.recordId) as typeof ReportedRecord;
  }

  @FieldResolver(() => [ReasonCount], { description: "The reasons given, each with how many reports gave it, most given first." })
  reasons(@Root() found: ModerationCase, @Ctx() context: ModerationContext): Promise<ReasonCount[]> {
    return context.loaders.reasonsByCaseId.load(found.id);
  }

  @FieldResolver(() => CaseReportConnection, { description: "The reports that came with a text, newest first: reason and text only, never who wrote them." })
  async texts(@Root() found: ModerationCase, @Args() page: PageArgs, @Ctx() context: ModerationContext): Promise<CaseReportConnection> {
    return new CaseReportConnection(await context.loaders.textsByCaseId.load({ parentId: found.id, first: page.first, after: page.after }));
  }
}
