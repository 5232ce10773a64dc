import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Key-only stub of `Person`, owned by the hub's people subgraph; this subgraph adds `creativeTracksProfile`. */
@Directive('@key(fields: "id")')
@ObjectType("Person")
export class Person {
  @Field(() => ID)
  id!: string;
}

/** The stub instance for an id (a class instance, so type-graphql resolves its fields). */
export function personStub(id: string): Person {
  return Object.assign(new Person(), { id });
}
