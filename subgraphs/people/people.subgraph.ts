import { createPublicationResolver, PublicationDecision, readSearchableListSettings, type SubgraphDefinition } from "@agora-hub/subgraph-kit";
import { AddPersonPublication1764000000040 } from "./migrations/1764000000040-add-person-publication";
import { AddPersonChangeFeed1764000000050 } from "./migrations/1764000000050-add-person-change-feed";
import { resolvePersonDataExportReference } from "./data-export/person-data-export.service";
import { PersonDataExportResolver } from "./data-export/person-data-export.resolver";
import { EventSpeakersResolver } from "./event/event-speakers.resolver";
import { resolveEventReference } from "./event/event.reference";
import { Event } from "./event/event.stub";
import { OpportunityApplicantsResolver } from "./matchmaking/matchmaking.resolver";
import { MembershipPersonResolver } from "./membership/membership-person.resolver";
import { resolveMembershipReference } from "./membership/membership.reference";
import { Membership } from "./membership/membership.stub";
import { OpportunityContactResolver } from "./opportunity/opportunity-contact.resolver";
import { resolveOpportunityReference } from "./opportunity/opportunity.reference";
import { Opportunity } from "./opportunity/opportunity.stub";
import { ResourceAuthorsResolver } from "./resource/resource-authors.resolver";
import { resolveResourceReference } from "./resource/resource.reference";
import { Resource } from "./resource/resource.stub";
import { PersonErasure } from "./erasure/person-erasure.entity";
import { PersonErasureResolver } from "./erasure/person-erasure.resolver";
import { startErasureWebhooks } from "./erasure/person-erasure.webhook";
import { CreatePerson1764000000000 } from "./migrations/1764000000000-create-person";
import { AddPersonDiscoverable1764000000001 } from "./migrations/1764000000001-add-person-discoverable";
import { CreatePersonErasure1764000000010 } from "./migrations/1764000000010-create-person-erasure";
import { AddPersonSearch1764000000020 } from "./migrations/1764000000020-add-person-search";
import { TunePersonSearch1764000000030 } from "./migrations/1764000000030-tune-person-search";
import { personChangeFeed } from "./person/person.changes";
import { Person } from "./person/person.entity";
import { createPersonLoaders, type PersonLoaders } from "./person/person.loaders";
import { resolvePersonReference } from "./person/person.reference";
import { PersonResolver } from "./person/person.resolver";

/**
 * The people subgraph: owns `Person`, the GDPR export `PersonDataExport` and the erasure feed, and resolves
 * every reference to a person from another subgraph (event speakers, resource authors, members, contacts), so consent is
 * applied in one place.
 */
export const peopleSubgraph: SubgraphDefinition<PersonLoaders> = {
  name: "people",
  defaultPort: 4001,
  resolvers: [
    PersonResolver,
    createPublicationResolver(Person, "Person", { changeFeed: personChangeFeed }),
    PersonDataExportResolver,
    PersonErasureResolver,
    OpportunityApplicantsResolver,
    OpportunityContactResolver,
    EventSpeakersResolver,
    ResourceAuthorsResolver,
    MembershipPersonResolver,
  ],
  orphanedTypes: [Opportunity, Event, Resource, Membership],
  referenceResolvers: {
    Person: resolvePersonReference,
    PersonDataExport: resolvePersonDataExportReference,
    Opportunity: resolveOpportunityReference,
    Event: resolveEventReference,
    Resource: resolveResourceReference,
    Membership: resolveMembershipReference,
  },
  entities: [Person, PersonErasure, PublicationDecision],
  ownedTypes: ["PersonDataExport"],
  migrations: [
    CreatePerson1764000000000,
    AddPersonDiscoverable1764000000001,
    CreatePersonErasure1764000000010,
    AddPersonSearch1764000000020,
    TunePersonSearch1764000000030,
    AddPersonPublication1764000000040,
    AddPersonChangeFeed1764000000050,
  ],
  // SEARCH_FACET_EXACT_LIMIT: how many rows its lists' facets count exactly.
  readSettings: readSearchableListSettings,
  createLoaders: createPersonLoaders,
  // Loaded when seeding: a start that finds data never loads the demo data's libraries (faker).
  seed: (dataSource, sizes) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedPeople } = require("./demo/people.seed") as typeof import("./demo/people.seed");
    return seedPeople(dataSource, sizes);
  },
  startBackground: startErasureWebhooks,
};
