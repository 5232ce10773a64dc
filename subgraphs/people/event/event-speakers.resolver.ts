import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { Person } from "../person/person.entity";
import { type PeopleContext, visiblePeople } from "../person/person.service";
import { Event } from "./event.stub";

/** Contributes `Event.speakers`, so only people the viewer may see are ever named as speakers. */
@Resolver(() => Event)
export class EventSpeakersResolver {
  @Directive('@requires(fields: "speakerIds")')
  @FieldResolver(() => [Person], {
    nullable: true,
    description: "People speaking or performing at the event, in programme order; only those listed in the directory unless the viewer's network is theirs.",
  })
  speakers(@Root() event: Event, @Ctx() context: PeopleContext): Promise<Person[]> {
    return visiblePeople(context, event.speakerIds);
  }
}
