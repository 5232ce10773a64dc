import { Directive, Field, ID } from "type-graphql";
import { ExtendedKeyStub, KeyStub } from "@agora-hub/subgraph-kit";

/**
 * A membership, owned by the organisations subgraph. This subgraph resolves its `person` from the member's
 * id (`personId`, hidden from clients), so a person the viewer may not see is never named as a member.
 */
@ExtendedKeyStub()
export class Membership extends KeyStub("Membership") {
  @Directive("@external")
  @Field(() => ID, { nullable: true })
  personId!: string | null;
}
