import type { SubgraphDefinition } from "../kit";
import { seedOpportunities } from "./demo/opportunities.seed";
import { CreateOpportunity1764100000000 } from "./migrations/1764100000000-create-opportunity";
import { Opportunity } from "./opportunity/opportunity.entity";
import { createOpportunityLoaders, type OpportunityLoaders } from "./opportunity/opportunity.loaders";
import { resolveOpportunityReference } from "./opportunity/opportunity.reference";
import { OpportunityResolver } from "./opportunity/opportunity.resolver";
import { resolveOrganisationReference } from "./organisation/organisation.reference";
import { OrganisationOpportunitiesResolver } from "./organisation/organisation.resolver";
import { Organisation } from "./organisation/organisation.stub";
import { resolvePersonReference } from "./person/person.reference";
import { Person } from "./person/person.stub";

/** The opportunities subgraph: owns `Opportunity` and contributes `Organisation.opportunities`. */
export const opportunitiesSubgraph: SubgraphDefinition<OpportunityLoaders> = {
  name: "opportunities",
  defaultPort: 4003,
  resolvers: [OpportunityResolver, OrganisationOpportunitiesResolver],
  orphanedTypes: [Organisation, Person],
  referenceResolvers: {
    Opportunity: resolveOpportunityReference,
    Organisation: resolveOrganisationReference,
    Person: resolvePersonReference,
  },
  entities: [Opportunity],
  migrations: [CreateOpportunity1764100000000],
  createLoaders: createOpportunityLoaders,
  seed: seedOpportunities,
};
