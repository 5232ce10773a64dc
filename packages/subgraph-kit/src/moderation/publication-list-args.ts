import { ArrayMaxSize, IsOptional } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "../data/pagination";
import { PublicationState } from "./publication-state";

/** Page arguments of a list of moderated records: which publication states to list besides PUBLISHED. */
@ArgsType()
export class PublicationPageArgs extends PageArgs {
  @Field(() => [PublicationState], {
    nullable: true,
    description:
      "The publication states to list; PUBLISHED when omitted. States other than PUBLISHED match only the viewer's own network's records (every record for moderators and the operator) and need credentials: e.g. `[PENDING_REVIEW]` is a moderator's review queue, `[DRAFT, REJECTED]` a network's unpublished records.",
  })
  @IsOptional()
  @ArrayMaxSize(5, { message: "must hold at most 5 states" })
  publicationStates?: PublicationState[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Also list ARCHIVED records: the viewer's own network's (every one for moderators and the operator); needs credentials.",
  })
  @IsOptional()
  includeArchived?: boolean | null;
}
