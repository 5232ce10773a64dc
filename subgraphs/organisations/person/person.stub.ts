import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A person, owned by the people subgraph; this subgraph knows only the id and adds `memberships`. */
@Directive('@key(fields: "id")')
@ObjectType("Person")
export class Person {
  @Field(() => ID, { description: "Stable hub-wide identifier (UUID)." })
  id!: string;
}
