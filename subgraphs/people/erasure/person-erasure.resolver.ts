import { Arg, Args, Ctx, ID, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { PageArgs } from "@agora-hub/subgraph-kit";
import { ConnectionType } from "@agora-hub/subgraph-kit";
import type { PeopleContext } from "../person/person.service";
import { PersonErasure } from "./person-erasure.entity";
import { erasePerson, listPersonErasures } from "./person-erasure.service";

@ObjectType({ description: "A page of the erasure feed." })
export class PersonErasureConnection extends ConnectionType(PersonErasure, "PersonErasure") {}

@Resolver(() => PersonErasure)
export class PersonErasureResolver {
  @Mutation(() => PersonErasure, {
    nullable: true,
    description:
      "Erases a person everywhere (GDPR right to erasure), for their own network or the operator: the person at once, their memberships, speaker links, authorships and contact references within seconds. Erasing again, or an unknown id, succeeds and says so in `status`.",
  })
  erasePerson(@Arg("id", () => ID) id: string, @Ctx() context: PeopleContext): Promise<PersonErasure> {
    return erasePerson(context, id);
  }

  @Query(() => PersonErasureConnection, {
    nullable: true,
    description:
      "The erasure feed, oldest first: every erased person's id and when. Partner networks follow it (keep `pageInfo.endCursor`, pass it as `after`) and erase their copies; for the operator and networks only.",
  })
  async personErasures(@Args() page: PageArgs, @Ctx() context: PeopleContext): Promise<PersonErasureConnection> {
    return new PersonErasureConnection(await listPersonErasures(context, page));
  }
}
