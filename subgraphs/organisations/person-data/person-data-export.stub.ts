import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Key-only stub of `PersonDataExport`, owned by the people subgraph; this subgraph adds `memberships`. */
@Directive('@key(fields: "personId network")')
@ObjectType("PersonDataExport")
export class PersonDataExport {
  @Field(() => ID)
  personId!: string;

  @Field()
  network!: string;
}
