import type { CreativeTracksContext } from "../creative-tracks.loaders";
import type { CreativeTracksProfile } from "./profile.entity";

/** A person's Creative Tracks profile, or null when the person is not a member; batched across people. */
export function findProfile(context: CreativeTracksContext, personId: string): Promise<CreativeTracksProfile | null> {
  return context.loaders.profileByPersonId.load(personId);
}
