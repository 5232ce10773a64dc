import { personDataExportReference } from "../../domain/person-data/person-data";
import { followPersonErasures } from "../../domain/person-erasure/erasure-follower";
import { createPublicationResolver, PublicationDecision, readSearchableListSettings, type SubgraphDefinition } from "@agora-hub/subgraph-kit";
import { AddOrganisationPublication1764000200040 } from "./migrations/1764000200040-add-organisation-publication";
import { AddMembershipPublication1764000200050 } from "./migrations/1764000200050-add-membership-publication";
import { AddOrganisationChangeFeed1764000200060 } from "./migrations/1764000200060-add-organisation-change-feed";
import { CreatePersonErasureCursor1764000200010 } from "./migrations/1764000200010-create-person-erasure-cursor";
import { PersonDataExportResolver } from "./person-data/person-data-export.resolver";
import { PersonDataExport } from "./person-data/person-data-export.stub";
import { erasePersonMemberships } from "./person-data/person-data.service";
import { Membership } from "./membership/membership.entity";
import { MembershipResolver, OrganisationMembershipResolver } from "./membership/membership.resolver";
import { CreateOrganisation1764000200000 } from "./migrations/1764000200000-create-organisation";
import { CreateMembership1764000200001 } from "./migrations/1764000200001-create-membership";
import {
  OpportunityPartnerSuggestionsResolver,
  OrganisationPartnerSuggestionsResolver,
  PersonPartnerSuggestionsResolver,
} from "./matchmaking/matchmaking.resolver";
import { resolveOpportunityReference } from "./opportunity/opportunity.reference";
import { Opportunity } from "./opportunity/opportunity.stub";
import { AddOrganisationSearch1764000200020 } from "./migrations/1764000200020-add-organisation-search";
import { TuneOrganisationSearch1764000200030 } from "./migrations/1764000200030-tune-organisation-search";
import { organisationChangeFeed } from "./organisation/organisation.changes";
import { Organisation } from "./organisation/organisation.entity";
import { resolveOrganisationReference } from "./organisation/organisation.reference";
import { OrganisationResolver } from "./organisation/organisation.resolver";
import { createOrganisationsLoaders, type OrganisationsLoaders } from "./organisations.loaders";
import { resolveMembershipReference } from "./membership/membership.reference";
import { resolvePersonReference } from "./person/person.reference";
import { PersonMembershipResolver } from "./person/person.resolver";
import { Person } from "./person/person.stub";

/** The organisations subgraph: owns `Organisation` and `Membership`, and adds `Person.memberships`. */
export const organisationsSubgraph: SubgraphDefinition<OrganisationsLoaders> = {
  name: "organisations",
  defaultPort: 4002,
  // The erasure feed it follows, and the owners of the records its writes reference.
  peers: ["people"],
  resolvers: [
    OrganisationResolver,
    createPublicationResolver(Organisation, "Organisation", { changeFeed: organisationChangeFeed }),
    MembershipResolver,
    createPublicationResolver(Membership, "Membership"),
    OrganisationMembershipResolver,
    PersonMembershipResolver,
    OrganisationPartnerSuggestionsResolver,
    PersonPartnerSuggestionsResolver,
    OpportunityPartnerSuggestionsResolver,
    PersonDataExportResolver,
  ],
  orphanedTypes: [Person, Opportunity, PersonDataExport],
  referenceResolvers: {
    Organisation: resolveOrganisationReference,
    Membership: resolveMembershipReference,
    Person: resolvePersonReference,
    Opportunity: resolveOpportunityReference,
    PersonDataExport: personDataExportReference(PersonDataExport),
  },
  entities: [Organisation, Membership, PublicationDecision],
  migrations: [
    CreateOrganisation1764000200000,
    CreateMembership1764000200001,
    CreatePersonErasureCursor1764000200010,
    AddOrganisationSearch1764000200020,
    TuneOrganisationSearch1764000200030,
    AddOrganisationPublication1764000200040,
    AddMembershipPublication1764000200050,
    AddOrganisationChangeFeed1764000200060,
  ],
  // SEARCH_FACET_EXACT_LIMIT: how many rows its lists' facets count exactly.
  readSettings: readSearchableListSettings,
  createLoaders: createOrganisationsLoaders,
  // Loaded when seeding: a start that finds data never loads the demo data's libraries (faker).
  seed: (dataSource, sizes) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedOrganisations } = require("./demo/organisations.seed") as typeof import("./demo/organisations.seed");
    return seedOrganisations(dataSource, sizes);
  },
  startBackground: followPersonErasures(erasePersonMemberships),
};
