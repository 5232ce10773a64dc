import type { CreativeTracksContext } from "../creative-tracks.loaders";
import type { CreativeTracksLab } from "./lab.entity";

/** Resolves `CreativeTracksLab` representations sent by the gateway; all of one request share one query. */
export function resolveLabReference(reference: { id: string }, context: CreativeTracksContext): Promise<CreativeTracksLab | null> {
  return context.loaders.labById.load(reference.id);
}
