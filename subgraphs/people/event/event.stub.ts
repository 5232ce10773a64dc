import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * An event, owned by the events subgraph. This subgraph resolves its `speakers`: the events subgraph
 * keeps only their ids (`speakerIds`, hidden from clients), and who may see which person is decided here.
 */
@Directive('@key(fields: "id")')
@ObjectType("Event")
export class Event {
  @Field(() => ID, { description: "Stable hub-wide identifier (UUID)." })
  id!: string;

  @Directive("@external")
  @Field(() => [ID])
  speakerIds!: string[];
}
