import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { Person } from "../person/person.entity";
import { type PeopleContext, visiblePeople } from "../person/person.service";
import { Membership } from "./membership.stub";

/** Contributes `Membership.person`: the member when a person the viewer may see. */
@Resolver(() => Membership)
export class MembershipPersonResolver {
  @Directive('@requires(fields: "personId")')
  @FieldResolver(() => Person, {
    nullable: true,
    description: "The member, when a person listed in the directory (or of the viewer's own network); null when the member is an organisation.",
  })
  async person(@Root() membership: Membership, @Ctx() context: PeopleContext): Promise<Person | null> {
    if (!membership.personId) return null;
    const [person] = await visiblePeople(context, [membership.personId]);
    return person ?? null;
  }
}
