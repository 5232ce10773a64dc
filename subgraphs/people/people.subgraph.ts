import type { SubgraphDefinition } from "../kit";
import { seedPeople } from "./demo/people.seed";
import { CreatePerson1764000000000 } from "./migrations/1764000000000-create-person";
import { AddPersonDiscoverable1764000000001 } from "./migrations/1764000000001-add-person-discoverable";
import { Person } from "./person/person.entity";
import { createPersonLoaders, type PersonLoaders } from "./person/person.loaders";
import { resolvePersonReference } from "./person/person.reference";
import { PersonResolver } from "./person/person.resolver";

/** The people subgraph: owns `Person`. */
export const peopleSubgraph: SubgraphDefinition<PersonLoaders> = {
  name: "people",
  defaultPort: 4001,
  resolvers: [PersonResolver],
  referenceResolvers: { Person: resolvePersonReference },
  entities: [Person],
  migrations: [CreatePerson1764000000000, AddPersonDiscoverable1764000000001],
  createLoaders: createPersonLoaders,
  seed: seedPeople,
};
