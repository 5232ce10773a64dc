import { IsOptional, Matches } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { NETWORK_SLUG_PATTERN } from "@agora-hub/runtime";
import { ReportableType } from "../moderation.config";
import { ModerationCaseState } from "./moderation-case.type";

@ArgsType()
export class ModerationCasesArgs extends PageArgs {
  @Field(() => ModerationCaseState, {
    nullable: true,
    description: "Only cases in this state (e.g. OPEN: what still waits for a moderator); every state when omitted.",
  })
  @IsOptional()
  state?: ModerationCaseState | null;

  @Field(() => String, {
    nullable: true,
    description: "Only cases about records of this network. A network's key lists only its own (the default for it); moderators and the operator any.",
  })
  @IsOptional()
  @Matches(NETWORK_SLUG_PATTERN, { message: "must be a network slug of lower-case letters, digits and hyphens" })
  network?: string | null;

  @Field(() => ReportableType, { nullable: true, description: "Only cases about records of this type." })
  @IsOptional()
  type?: ReportableType | null;
}
