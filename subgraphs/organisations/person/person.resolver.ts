import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { MembershipConnection } from "../membership/membership.resolver";
import { personMemberships } from "../membership/membership.service";
import type { OrganisationsContext } from "../organisations.loaders";
import { Person } from "./person.stub";

/** Contributes `Person.memberships`: this subgraph stores the memberships, so it answers for them. */
@Resolver(() => Person)
export class PersonMembershipResolver {
  @FieldResolver(() => MembershipConnection, { nullable: true, description: "Organisations this person belongs to, with roles and dates." })
  async memberships(@Root() person: Person, @Args() page: PageArgs, @Ctx() context: OrganisationsContext): Promise<MembershipConnection> {
    return new MembershipConnection(await personMemberships(context, person.id, page));
  }
}
