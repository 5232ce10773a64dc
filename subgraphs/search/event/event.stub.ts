import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Key-only stub of `Event`, owned by the events subgraph; the gateway completes it there. */
@Directive('@key(fields: "id")')
@ObjectType("Event")
export class Event {
  @Field(() => ID)
  id!: string;
}

/** The stub instance for an id (a class instance, so the `SearchNode` union resolves its type). */
export function eventStub(id: string): Event {
  return Object.assign(new Event(), { id });
}
