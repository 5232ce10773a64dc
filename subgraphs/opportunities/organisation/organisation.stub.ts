import { Directive, Field, ID, ObjectType } from "type-graphql";

/** An organisation, owned by the organisations subgraph; this subgraph knows only its key. */
@Directive('@key(fields: "id")')
@ObjectType("Organisation")
export class Organisation {
  @Field(() => ID)
  id!: string;
}
