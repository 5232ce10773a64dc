import { Directive, Field, ID } from "type-graphql";
import { ExtendedKeyStub, KeyStub } from "@agora-hub/subgraph-kit";

/**
 * An event, owned by the events subgraph. This subgraph resolves its `speakers`: the events subgraph
 * keeps only their ids (`speakerIds`, hidden from clients), and who may see which person is decided here.
 */
@ExtendedKeyStub()
export class Event extends KeyStub("Event") {
  @Directive("@external")
  @Field(() => [ID])
  speakerIds!: string[];
}
