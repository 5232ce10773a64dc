import type { SubgraphDefinition } from "@agora-hub/subgraph-kit";
import { type CreativeTracksLoaders, createCreativeTracksLoaders } from "./creative-tracks.loaders";
import { seedCreativeTracks } from "./demo/creative-tracks.seed";
import { CreativeTracksLab } from "./lab/lab.entity";
import { resolveLabReference } from "./lab/lab.reference";
import { LabResolver } from "./lab/lab.resolver";
import { CreateLab1764600000000 } from "./migrations/1764600000000-create-lab";
import { CreateProfile1764600000001 } from "./migrations/1764600000001-create-profile";
import { OrganisationLabsResolver } from "./organisation/organisation.resolver";
import { Organisation } from "./organisation/organisation.stub";
import { PersonProfileResolver } from "./person/person.resolver";
import { Person } from "./person/person.stub";
import { CreativeTracksProfile } from "./profile/profile.entity";

/**
 * The example partner subgraph of the `creative-tracks` network: owns `CreativeTracksLab` (Ideation
 * Labs) and contributes `Person.creativeTracksProfile` and `Organisation.creativeTracksLabs`. Every
 * name it adds is prefixed, as the hub's partner SDL policy requires.
 */
export const creativeTracksSubgraph: SubgraphDefinition<CreativeTracksLoaders> = {
  name: "creative_tracks",
  defaultPort: 4101,
  resolvers: [LabResolver, PersonProfileResolver, OrganisationLabsResolver],
  orphanedTypes: [Person, Organisation],
  referenceResolvers: {
    CreativeTracksLab: resolveLabReference,
  },
  entities: [CreativeTracksLab, CreativeTracksProfile],
  migrations: [CreateLab1764600000000, CreateProfile1764600000001],
  createLoaders: createCreativeTracksLoaders,
  seed: seedCreativeTracks,
};
