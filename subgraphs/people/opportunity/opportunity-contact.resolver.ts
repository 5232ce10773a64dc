import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { Person } from "../person/person.entity";
import { type PeopleContext, visiblePeople } from "../person/person.service";
import { Opportunity } from "./opportunity.stub";

/** Contributes `Opportunity.contact`: the contact person, when the viewer may see them. */
@Resolver(() => Opportunity)
export class OpportunityContactResolver {
  @Directive('@requires(fields: "contactId")')
  @FieldResolver(() => Person, {
    nullable: true,
    description: "Whom to ask about the opportunity; null when none is named or they are not listed in the directory.",
  })
  async contact(@Root() opportunity: Opportunity, @Ctx() context: PeopleContext): Promise<Person | null> {
    if (!opportunity.contactId) return null;
    const [person] = await visiblePeople(context, [opportunity.contactId]);
    return person ?? null;
  }
}
