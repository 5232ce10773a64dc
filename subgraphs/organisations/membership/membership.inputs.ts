import { IsOptional, Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { LocalDate, withNetworkSource, withPublicationDraft } from "@agora-hub/subgraph-kit";
import { MembershipRole } from "./membership.type";

/** Fields of a membership that can change; shared by create and update. */
@InputType()
abstract class MembershipFieldsInput {
  @Field(() => String, { nullable: true, description: 'Free-text title, e.g. "Head of international programmes".' })
  @IsOptional()
  @Length(1, 200, { message: "must be 1 to 200 characters" })
  title?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "First day of the membership." })
  since?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Last day of the membership; not before `since`." })
  until?: string | null;
}

@InputType({ description: "A new membership: a person or an organisation joins an organisation. Give exactly one of personId and memberOrganisationId." })
export class CreateMembershipInput extends withPublicationDraft(withNetworkSource(MembershipFieldsInput)) {
  @Field(() => ID, { description: "The organisation joined." })
  organisationId!: string;

  @Field(() => ID, { nullable: true, description: "The member, when a person (an id of the people subgraph)." })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: "The member, when an organisation; not the organisation joined." })
  memberOrganisationId?: string | null;

  @Field(() => MembershipRole)
  role!: MembershipRole;
}

@InputType({ description: "Changes to a membership: omitted fields stay as they are, null clears a field. The member and organisation are fixed." })
export class UpdateMembershipInput extends MembershipFieldsInput {
  @Field(() => MembershipRole, { nullable: true, description: "Cannot be cleared." })
  role?: MembershipRole | null;
}
