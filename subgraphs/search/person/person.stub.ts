import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Key-only stub of `Person`, owned by the people subgraph; the gateway completes it there. */
@Directive('@key(fields: "id")')
@ObjectType("Person")
export class Person {
  @Field(() => ID)
  id!: string;
}

/** The stub instance for an id (a class instance, so the `SearchNode` union resolves its type). */
export function personStub(id: string): Person {
  return Object.assign(new Person(), { id });
}
