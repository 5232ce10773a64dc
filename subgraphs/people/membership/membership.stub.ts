import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * A membership, owned by the organisations subgraph. This subgraph resolves its `person` from the member's
 * id (`personId`, hidden from clients), so a person the viewer may not see is never named as a member.
 */
@Directive('@key(fields: "id")')
@ObjectType("Membership")
export class Membership {
  @Field(() => ID, { description: "Stable hub-wide identifier (UUID)." })
  id!: string;

  @Directive("@external")
  @Field(() => ID, { nullable: true })
  personId!: string | null;
}
