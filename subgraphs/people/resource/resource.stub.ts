import { Directive, Field, ID } from "type-graphql";
import { ExtendedKeyStub, KeyStub } from "@agora-hub/subgraph-kit";

/**
 * A resource, owned by the resources subgraph. This subgraph resolves its `authors`: the resources subgraph
 * keeps only their ids (`authorIds`, hidden from clients), and who may see which person is decided here.
 */
@ExtendedKeyStub()
export class Resource extends KeyStub("Resource") {
  @Directive("@external")
  @Field(() => [ID])
  authorIds!: string[];
}
