import type { SubgraphDefinition } from "../kit";
import { seedOrganisations } from "./demo/organisations.seed";
import { Membership } from "./membership/membership.entity";
import { MembershipResolver, OrganisationMembershipResolver } from "./membership/membership.resolver";
import { CreateOrganisation1764000200000 } from "./migrations/1764000200000-create-organisation";
import { CreateMembership1764000200001 } from "./migrations/1764000200001-create-membership";
import { Organisation } from "./organisation/organisation.entity";
import { resolveOrganisationReference } from "./organisation/organisation.reference";
import { OrganisationResolver } from "./organisation/organisation.resolver";
import { createOrganisationsLoaders, type OrganisationsLoaders } from "./organisations.loaders";
import { resolvePersonReference } from "./person/person.reference";
import { PersonMembershipResolver } from "./person/person.resolver";
import { Person } from "./person/person.stub";

/** The organisations subgraph: owns `Organisation` and `Membership`, and adds `Person.memberships`. */
export const organisationsSubgraph: SubgraphDefinition<OrganisationsLoaders> = {
  name: "organisations",
  defaultPort: 4002,
  resolvers: [OrganisationResolver, MembershipResolver, OrganisationMembershipResolver, PersonMembershipResolver],
  orphanedTypes: [Person],
  referenceResolvers: { Organisation: resolveOrganisationReference, Person: resolvePersonReference },
  entities: [Organisation, Membership],
  migrations: [CreateOrganisation1764000200000, CreateMembership1764000200001],
  createLoaders: createOrganisationsLoaders,
  seed: seedOrganisations,
};
