import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { PageArgs, PublicationPageArgs } from "@agora-hub/subgraph-kit";
import { ConnectionType } from "@agora-hub/subgraph-kit";
import { Organisation } from "../organisation/organisation.entity";
import type { OrganisationsContext } from "../organisations.loaders";
import { Membership } from "./membership.entity";
import { CreateMembershipInput, UpdateMembershipInput } from "./membership.inputs";
import {
  createMembership,
  deleteMembership,
  listMemberships,
  membershipMemberOrganisation,
  membershipOrganisation,
  organisationMemberOf,
  organisationMembers,
  updateMembership,
} from "./membership.service";

@ObjectType({ description: "A page of memberships." })
export class MembershipConnection extends ConnectionType(Membership, "Membership") {}

@Resolver(() => Membership)
export class MembershipResolver {
  @Query(() => MembershipConnection, {
    nullable: true,
    description:
      "Memberships of every organisation, oldest first: PUBLISHED ones, or with `publicationStates: [PENDING_REVIEW]` the memberships waiting for review (every network's for moderators and the operator, a network's own for it).",
  })
  async memberships(@Args() args: PublicationPageArgs, @Ctx() context: OrganisationsContext): Promise<MembershipConnection> {
    return new MembershipConnection(await listMemberships(context, args));
  }

  @FieldResolver(() => Organisation, { description: "The organisation joined." })
  organisation(@Root() membership: Membership, @Ctx() context: OrganisationsContext): Promise<Organisation | null> {
    return membershipOrganisation(context, membership);
  }

  @Directive("@inaccessible")
  @FieldResolver(() => ID, {
    nullable: true,
    description: "The member's id when a person: the people subgraph resolves `person` from it, showing only people the viewer may see.",
  })
  personId(@Root() membership: Membership): string | null {
    return membership.personId;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: "The member, when an organisation (e.g. a venue in a network); null when the member is a person.",
  })
  memberOrganisation(@Root() membership: Membership, @Ctx() context: OrganisationsContext): Promise<Organisation | null> {
    return membershipMemberOrganisation(context, membership);
  }

  @Mutation(() => Membership, { nullable: true, description: "Adds a person or an organisation to an organisation." })
  createMembership(@Arg("input") input: CreateMembershipInput, @Ctx() context: OrganisationsContext): Promise<Membership> {
    return createMembership(context, input);
  }

  @Mutation(() => Membership, { nullable: true, description: "Changes the role, title or dates of a membership." })
  updateMembership(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateMembershipInput, @Ctx() context: OrganisationsContext): Promise<Membership> {
    return updateMembership(context, id, input);
  }

  @Mutation(() => ID, { nullable: true, description: "Deletes a membership; returns its id." })
  deleteMembership(@Arg("id", () => ID) id: string, @Ctx() context: OrganisationsContext): Promise<string> {
    return deleteMembership(context, id);
  }
}

/** The membership lists of an organisation, batched across all organisations of a request. */
@Resolver(() => Organisation)
export class OrganisationMembershipResolver {
  @FieldResolver(() => MembershipConnection, { nullable: true, description: "People and organisations that are members of this organisation." })
  async members(@Root() organisation: Organisation, @Args() page: PageArgs, @Ctx() context: OrganisationsContext): Promise<MembershipConnection> {
    return new MembershipConnection(await organisationMembers(context, organisation.id, page));
  }

  @FieldResolver(() => MembershipConnection, { nullable: true, description: "Memberships this organisation holds in others, e.g. in networks." })
  async memberOf(@Root() organisation: Organisation, @Args() page: PageArgs, @Ctx() context: OrganisationsContext): Promise<MembershipConnection> {
    return new MembershipConnection(await organisationMemberOf(context, organisation.id, page));
  }
}
