import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Key-only stub of `Organisation`, owned by the organisations subgraph; the gateway completes it there. */
@Directive('@key(fields: "id")')
@ObjectType("Organisation")
export class Organisation {
  @Field(() => ID)
  id!: string;
}

/** The stub instance for an id (a class instance, so the `SearchNode` union resolves its type). */
export function organisationStub(id: string): Organisation {
  return Object.assign(new Organisation(), { id });
}
