import { personDataExportReference } from "../../domain/person-data/person-data";
import { followPersonErasures } from "../../domain/person-erasure/erasure-follower";
import { createPublicationResolver, PublicationDecision, readSearchableListSettings, type SubgraphDefinition } from "@agora-hub/subgraph-kit";
import { EventResourcesResolver } from "./event/event.resolver";
import { Event } from "./event/event.stub";
import { CreateResource1764000600000 } from "./migrations/1764000600000-create-resource";
import { CreatePersonErasureCursor1764000600010 } from "./migrations/1764000600010-create-person-erasure-cursor";
import { AddResourceSearch1764000600020 } from "./migrations/1764000600020-add-resource-search";
import { TuneResourceSearch1764000600030 } from "./migrations/1764000600030-tune-resource-search";
import { AddResourcePublication1764000600040 } from "./migrations/1764000600040-add-resource-publication";
import { AddResourceChangeFeed1764000600050 } from "./migrations/1764000600050-add-resource-change-feed";
import { OpportunityResourcesResolver } from "./opportunity/opportunity.resolver";
import { Opportunity } from "./opportunity/opportunity.stub";
import { OrganisationResourcesResolver } from "./organisation/organisation.resolver";
import { Organisation } from "./organisation/organisation.stub";
import { PersonResourcesResolver } from "./person/person.resolver";
import { Person } from "./person/person.stub";
import { PersonDataExportResolver } from "./person-data/person-data-export.resolver";
import { PersonDataExport } from "./person-data/person-data-export.stub";
import { eraseAuthorLinks } from "./person-data/person-data.service";
import { resourceChangeFeed } from "./resource/resource.changes";
import { Resource } from "./resource/resource.entity";
import { ResourceAuthor, ResourceEvent, ResourceOpportunity, ResourceOrganisation, ResourcePublisher } from "./resource/resource-relations.entity";
import { createResourceLoaders, type ResourceLoaders } from "./resource/resource.loaders";
import { resolveResourceReference } from "./resource/resource.reference";
import { ResourceResolver } from "./resource/resource.resolver";

/** The resources subgraph: owns `Resource`, contributes `Organisation.resources`, `Person.resources`, `Opportunity.resources` and `Event.resources`. */
export const resourcesSubgraph: SubgraphDefinition<ResourceLoaders> = {
  name: "resources",
  defaultPort: 4006,
  // The erasure feed it follows, and the owners of the records its writes reference.
  peers: ["people", "organisations", "opportunities", "events"],
  resolvers: [
    ResourceResolver,
    createPublicationResolver(Resource, "Resource", { changeFeed: resourceChangeFeed }),
    OrganisationResourcesResolver,
    PersonResourcesResolver,
    OpportunityResourcesResolver,
    EventResourcesResolver,
    PersonDataExportResolver,
  ],
  orphanedTypes: [Organisation, Person, Opportunity, Event, PersonDataExport],
  referenceResolvers: {
    Resource: resolveResourceReference,
    PersonDataExport: personDataExportReference(PersonDataExport),
  },
  entities: [Resource, ResourceAuthor, ResourcePublisher, ResourceOrganisation, ResourceOpportunity, ResourceEvent, PublicationDecision],
  migrations: [
    CreateResource1764000600000,
    CreatePersonErasureCursor1764000600010,
    AddResourceSearch1764000600020,
    TuneResourceSearch1764000600030,
    AddResourcePublication1764000600040,
    AddResourceChangeFeed1764000600050,
  ],
  // SEARCH_FACET_EXACT_LIMIT: how many rows its lists' facets count exactly.
  readSettings: readSearchableListSettings,
  createLoaders: createResourceLoaders,
  // Loaded when seeding: a start that finds data never loads the demo data's libraries.
  seed: (dataSource, sizes) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedResources } = require("./demo/resources.seed") as typeof import("./demo/resources.seed");
    return seedResources(dataSource, sizes);
  },
  startBackground: followPersonErasures(eraseAuthorLinks),
};
