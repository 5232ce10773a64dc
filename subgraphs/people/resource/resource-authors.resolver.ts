import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { Person } from "../person/person.entity";
import { type PeopleContext, visiblePeople } from "../person/person.service";
import { Resource } from "./resource.stub";

/** Contributes `Resource.authors`, so only people the viewer may see are ever named as authors. */
@Resolver(() => Resource)
export class ResourceAuthorsResolver {
  @Directive('@requires(fields: "authorIds")')
  @FieldResolver(() => [Person], {
    nullable: true,
    description: "People who wrote the resource, in title-page order; only those listed in the directory unless the viewer's network is theirs.",
  })
  authors(@Root() resource: Resource, @Ctx() context: PeopleContext): Promise<Person[]> {
    return visiblePeople(context, resource.authorIds);
  }
}
