import { createUnionType, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { REPORTABLE_TYPES } from "../moderation.config";

/** Why someone reports a record. */
export enum ReportReason {
  SPAM = "SPAM",
  INACCURATE = "INACCURATE",
  OFFENSIVE = "OFFENSIVE",
  INFRINGES_RIGHTS = "INFRINGES_RIGHTS",
  PERSONAL_DATA = "PERSONAL_DATA",
  SCAM = "SCAM",
  OTHER = "OTHER",
}
registerEnumType(ReportReason, {
  name: "ReportReason",
  description: "Why a record is reported.",
  valuesConfig: {
    SPAM: { description: "Advertising or mass-posted content unrelated to the creative networks." },
    INACCURATE: { description: "Wrong or outdated information (dates, amounts, names, links)." },
    OFFENSIVE: { description: "Hateful, abusive or otherwise offensive content." },
    INFRINGES_RIGHTS: { description: "Infringes copyright or other rights (images, texts used without permission)." },
    PERSONAL_DATA: { description: "Publishes personal data of someone who did not agree to it." },
    SCAM: { description: "A fraudulent call or offer, e.g. asking applicants for fees under false pretences." },
    OTHER: { description: "Something else: say what in `text`." },
  },
});

/** Where a moderation case stands. */
export enum ModerationCaseState {
  OPEN = "OPEN",
  UPHELD = "UPHELD",
  DISMISSED = "DISMISSED",
}
registerEnumType(ModerationCaseState, {
  name: "ModerationCaseState",
  description: "Where a moderation case stands.",
  valuesConfig: {
    OPEN: { description: "Reported and waiting for a moderator; further reports of the record join it." },
    UPHELD: { description: "A moderator agreed with the reports and took the record down (rejected it at its owner)." },
    DISMISSED: { description: "A moderator found nothing wrong; the record stays as it is. A new report opens a new case." },
  },
});

/** What a moderator decides on an open case. */
export enum ModerationOutcome {
  UPHELD = "UPHELD",
  DISMISSED = "DISMISSED",
}
registerEnumType(ModerationOutcome, {
  name: "ModerationOutcome",
  description: "A moderator's decision on an open case.",
  valuesConfig: {
    UPHELD: { description: "The reports are right: the record is rejected at its owner, with the note as the reason its network sees." },
    DISMISSED: { description: "Nothing to act on: the record stays as it is." },
  },
});

const STUBS = Object.values(REPORTABLE_TYPES).map(({ stub }) => stub);

/** The reported record: a key-only stub here, completed by the gateway from its owner (null where the viewer may not see it). */
export const ReportedRecord = createUnionType({
  name: "ReportedRecord",
  description: "The record a moderation case is about.",
  types: () => STUBS as unknown as [(typeof STUBS)[number], ...Array<(typeof STUBS)[number]>],
  resolveType: (value: object) => Object.values(REPORTABLE_TYPES).find(({ stub }) => value instanceof stub)?.typename,
});

@ObjectType({ description: "How many reports of a case gave one reason." })
export class ReasonCount {
  @Field(() => ReportReason, { description: "The reason." })
  reason!: ReportReason;

  @Field(() => Int, { description: "How many of the case's reports gave it." })
  count!: number;
}

@ObjectType({ description: "What a report returns: that it was received, and nothing about other reports or reporters." })
export class ReportReceipt {
  @Field({ description: "True: the report was recorded and joins the record's moderation case." })
  received!: boolean;

  @Field({ description: "What happens next, for the person who reported." })
  message!: string;
}
