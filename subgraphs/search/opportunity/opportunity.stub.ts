import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Key-only stub of `Opportunity`, owned by the opportunities subgraph; the gateway completes it there. */
@Directive('@key(fields: "id")')
@ObjectType("Opportunity")
export class Opportunity {
  @Field(() => ID)
  id!: string;
}

/** The stub instance for an id (a class instance, so the `SearchNode` union resolves its type). */
export function opportunityStub(id: string): Opportunity {
  return Object.assign(new Opportunity(), { id });
}
