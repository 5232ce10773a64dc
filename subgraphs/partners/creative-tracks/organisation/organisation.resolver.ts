import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageArgs } from "@agora-hub/subgraph-kit";
import type { CreativeTracksContext } from "../creative-tracks.loaders";
import { CreativeTracksLabConnection } from "../lab/lab.resolver";
import { listHostedLabs } from "../lab/lab.service";
import { Organisation } from "./organisation.stub";

/** Contributes `Organisation.creativeTracksLabs`: this subgraph stores which organisation hosts which lab. */
@Resolver(() => Organisation)
export class OrganisationLabsResolver {
  @FieldResolver(() => CreativeTracksLabConnection, {
    nullable: true,
    description: "Creative Tracks Ideation Labs this organisation hosts, newest first (from the creative_tracks partner subgraph).",
  })
  async creativeTracksLabs(
    @Root() organisation: Organisation,
    @Args() page: PageArgs,
    @Ctx() context: CreativeTracksContext,
  ): Promise<CreativeTracksLabConnection> {
    return new CreativeTracksLabConnection(await listHostedLabs(context, organisation.id, page));
  }
}
