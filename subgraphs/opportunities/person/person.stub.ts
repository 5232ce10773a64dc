import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A person, owned by the people subgraph; this subgraph knows only its key. */
@Directive('@key(fields: "id")')
@ObjectType("Person")
export class Person {
  @Field(() => ID)
  id!: string;
}
