import { personDataExportReference } from "../../domain/person-data/person-data";
import { followPersonErasures } from "../../domain/person-erasure/erasure-follower";
import {
  combineBackground,
  createPublicationResolver,
  expireRecords,
  type ExpirySettings,
  PublicationDecision,
  readExpirySettings,
  readSearchableListSettings,
  type SearchableListSettings,
  type SubgraphDefinition,
} from "@agora-hub/subgraph-kit";
import { AddOpportunityPublication1764100000040 } from "./migrations/1764100000040-add-opportunity-publication";
import { AddOpportunityChangeFeed1764100000050 } from "./migrations/1764100000050-add-opportunity-change-feed";
import { CreatePersonErasureCursor1764100000010 } from "./migrations/1764100000010-create-person-erasure-cursor";
import { PersonDataExportResolver } from "./person-data/person-data-export.resolver";
import { PersonDataExport } from "./person-data/person-data-export.stub";
import { clearErasedContact } from "./person-data/person-data.service";
import { PersonSuggestedOpportunitiesResolver } from "./matchmaking/matchmaking.resolver";
import { CreateOpportunity1764100000000 } from "./migrations/1764100000000-create-opportunity";
import { AddOpportunitySearch1764100000020 } from "./migrations/1764100000020-add-opportunity-search";
import { TuneOpportunitySearch1764100000030 } from "./migrations/1764100000030-tune-opportunity-search";
import { opportunityChangeFeed } from "./opportunity/opportunity.changes";
import { Opportunity } from "./opportunity/opportunity.entity";
import { createOpportunityLoaders, type OpportunityLoaders } from "./opportunity/opportunity.loaders";
import { resolveOpportunityReference } from "./opportunity/opportunity.reference";
import { OpportunityResolver } from "./opportunity/opportunity.resolver";
import { OrganisationOpportunitiesResolver } from "./organisation/organisation.resolver";
import { Organisation } from "./organisation/organisation.stub";
import { Person } from "./person/person.stub";

/** Days after its deadline an opportunity is archived when OPPORTUNITY_ARCHIVE_AFTER_DAYS is unset. */
export const DEFAULT_OPPORTUNITY_ARCHIVE_AFTER_DAYS = 30;

/** The opportunities subgraph's settings: its searchable lists' and its expiry's. */
export interface OpportunitiesSettings extends SearchableListSettings {
  expiry: ExpirySettings;
}

/**
 * Reads SEARCH_FACET_EXACT_LIMIT, OPPORTUNITY_ARCHIVE_AFTER_DAYS (an opportunity is archived this many days after its deadline (rolling calls without one never are); default
 * 30) and EXPIRY_INTERVAL_MS; a bad value stops the start, naming its variable.
 */
export function readOpportunitiesSettings(env: NodeJS.ProcessEnv): OpportunitiesSettings {
  return { ...readSearchableListSettings(env), expiry: readExpirySettings(env, "OPPORTUNITY_ARCHIVE_AFTER_DAYS", DEFAULT_OPPORTUNITY_ARCHIVE_AFTER_DAYS) };
}

/** The opportunities subgraph: owns `Opportunity` and contributes `Organisation.opportunities`. */
export const opportunitiesSubgraph: SubgraphDefinition<OpportunityLoaders> = {
  name: "opportunities",
  defaultPort: 4003,
  // The erasure feed it follows, and the owners of the records its writes reference.
  peers: ["people", "organisations"],
  resolvers: [
    OpportunityResolver,
    createPublicationResolver(Opportunity, "Opportunity", { changeFeed: opportunityChangeFeed }),
    OrganisationOpportunitiesResolver,
    PersonSuggestedOpportunitiesResolver,
    PersonDataExportResolver,
  ],
  orphanedTypes: [Organisation, Person, PersonDataExport],
  referenceResolvers: {
    Opportunity: resolveOpportunityReference,
    PersonDataExport: personDataExportReference(PersonDataExport),
  },
  entities: [Opportunity, PublicationDecision],
  migrations: [
    CreateOpportunity1764100000000,
    CreatePersonErasureCursor1764100000010,
    AddOpportunitySearch1764100000020,
    TuneOpportunitySearch1764100000030,
    AddOpportunityPublication1764100000040,
    AddOpportunityChangeFeed1764100000050,
  ],
  // SEARCH_FACET_EXACT_LIMIT: how many rows its lists' facets count exactly; OPPORTUNITY_ARCHIVE_AFTER_DAYS and EXPIRY_INTERVAL_MS: its expiry.
  readSettings: readOpportunitiesSettings,
  createLoaders: createOpportunityLoaders,
  // Loaded when seeding: a start that finds data never loads the demo data's libraries (faker).
  seed: (dataSource, sizes) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedOpportunities } = require("./demo/opportunities.seed") as typeof import("./demo/opportunities.seed");
    return seedOpportunities(dataSource, sizes);
  },
  // The erasure feed, and the expiry job archiving opportunities past their window (OPPORTUNITY_ARCHIVE_AFTER_DAYS days after the deadline).
  startBackground: combineBackground(
    followPersonErasures(clearErasedContact),
    expireRecords((expiry) => [{ typeName: "Opportunity", table: "opportunity", endColumn: "deadline", afterDays: expiry.archiveAfterDays, changeFeed: true }]),
  ),
};
