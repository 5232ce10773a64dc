import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CreativeTracksContext } from "../creative-tracks.loaders";
import { CreativeTracksProfile } from "../profile/profile.entity";
import { findProfile } from "../profile/profile.service";
import { Person } from "./person.stub";

/** Contributes `Person.creativeTracksProfile`: this subgraph stores members' Creative Tracks profiles. */
@Resolver(() => Person)
export class PersonProfileResolver {
  @FieldResolver(() => CreativeTracksProfile, {
    nullable: true,
    description: "The person's Creative Tracks profile; null when the person is not a Creative Tracks member (from the creative_tracks partner subgraph).",
  })
  creativeTracksProfile(@Root() person: Person, @Ctx() context: CreativeTracksContext): Promise<CreativeTracksProfile | null> {
    return findProfile(context, person.id);
  }
}
