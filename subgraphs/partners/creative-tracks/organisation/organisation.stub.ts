import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Key-only stub of `Organisation`, owned by the hub's organisations subgraph; this subgraph adds `creativeTracksLabs`. */
@Directive('@key(fields: "id")')
@ObjectType("Organisation")
export class Organisation {
  @Field(() => ID)
  id!: string;
}

/** The stub instance for an id (a class instance, so type-graphql resolves its fields). */
export function organisationStub(id: string): Organisation {
  return Object.assign(new Organisation(), { id });
}
