import DataLoader from "dataloader";
import { type DataSource, In } from "typeorm";
import { isUuid } from "@agora-hub/subgraph-kit";
import { CreativeTracksProfile } from "./profile.entity";

/** Per-request loaders of profiles. */
export interface ProfileLoaders {
  /** A person's profile, or null when the person is not a Creative Tracks member. */
  profileByPersonId: DataLoader<string, CreativeTracksProfile | null>;
}

/**
 * Creates fresh profile loaders for one request. The kit's `createByIdLoader` keys on an `id` column;
 * a profile is keyed by `person_id`, hence this small loader with the same contract.
 */
export function createProfileLoaders(dataSource: DataSource): ProfileLoaders {
  return {
    profileByPersonId: new DataLoader(async (personIds) => {
      const valid = personIds.filter(isUuid);
      const rows = valid.length === 0 ? [] : await dataSource.getRepository(CreativeTracksProfile).findBy({ personId: In(valid) });
      const byPersonId = new Map(rows.map((row) => [row.personId, row]));
      return personIds.map((id) => byPersonId.get(id) ?? null);
    }),
  };
}
