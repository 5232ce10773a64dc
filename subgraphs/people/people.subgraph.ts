import type { SubgraphDefinition } from "../kit";
import { resolvePersonDataExportReference } from "./data-export/person-data-export.service";
import { PersonDataExportResolver } from "./data-export/person-data-export.resolver";
import { seedPeople } from "./demo/people.seed";
import { OpportunityApplicantsResolver } from "./matchmaking/matchmaking.resolver";
import { resolveOpportunityReference } from "./opportunity/opportunity.reference";
import { Opportunity } from "./opportunity/opportunity.stub";
import { PersonErasure } from "./erasure/person-erasure.entity";
import { PersonErasureResolver } from "./erasure/person-erasure.resolver";
import { startErasureWebhooks } from "./erasure/person-erasure.webhook";
import { CreatePerson1764000000000 } from "./migrations/1764000000000-create-person";
import { AddPersonDiscoverable1764000000001 } from "./migrations/1764000000001-add-person-discoverable";
import { CreatePersonErasure1764000000010 } from "./migrations/1764000000010-create-person-erasure";
import { AddPersonSearch1764000000020 } from "./migrations/1764000000020-add-person-search";
import { Person } from "./person/person.entity";
import { createPersonLoaders, type PersonLoaders } from "./person/person.loaders";
import { resolvePersonReference } from "./person/person.reference";
import { PersonResolver } from "./person/person.resolver";

/** The people subgraph: owns `Person`, the GDPR export `PersonDataExport` and the erasure feed. */
export const peopleSubgraph: SubgraphDefinition<PersonLoaders> = {
  name: "people",
  defaultPort: 4001,
  resolvers: [PersonResolver, PersonDataExportResolver, PersonErasureResolver, OpportunityApplicantsResolver],
  orphanedTypes: [Opportunity],
  referenceResolvers: { Person: resolvePersonReference, PersonDataExport: resolvePersonDataExportReference, Opportunity: resolveOpportunityReference },
  entities: [Person, PersonErasure],
  migrations: [CreatePerson1764000000000, AddPersonDiscoverable1764000000001, CreatePersonErasure1764000000010, AddPersonSearch1764000000020],
  createLoaders: createPersonLoaders,
  seed: seedPeople,
  startBackground: startErasureWebhooks,
};
