import { Arg, Args, Ctx, ID, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { ConnectionType } from "../../kit";
import type { OrganisationsContext } from "../organisations.loaders";
import { OrganisationsArgs } from "./organisation.args";
import { Organisation } from "./organisation.entity";
import { CreateOrganisationInput, UpdateOrganisationInput } from "./organisation.inputs";
import {
  createOrganisation,
  deleteOrganisation,
  findOrganisation,
  findOrganisationBySlug,
  listOrganisations,
  updateOrganisation,
} from "./organisation.service";

@ObjectType({ description: "A page of organisations." })
export class OrganisationConnection extends ConnectionType(Organisation, "Organisation") {}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { nullable: true, description: "One organisation by id; null when unknown." })
  organisation(@Arg("id", () => ID) id: string, @Ctx() context: OrganisationsContext): Promise<Organisation | null> {
    return findOrganisation(context, id);
  }

  @Query(() => Organisation, { nullable: true, description: "One organisation by its slug; null when unknown." })
  organisationBySlug(@Arg("slug") slug: string, @Ctx() context: OrganisationsContext): Promise<Organisation | null> {
    return findOrganisationBySlug(context, slug);
  }

  @Query(() => OrganisationConnection, { description: "Organisations of all networks, filtered and paginated." })
  async organisations(@Args() args: OrganisationsArgs, @Ctx() context: OrganisationsContext): Promise<OrganisationConnection> {
    return new OrganisationConnection(await listOrganisations(context, args));
  }

  @Mutation(() => Organisation, { description: "Adds an organisation; its slug is generated from the name unless given." })
  createOrganisation(@Arg("input") input: CreateOrganisationInput, @Ctx() context: OrganisationsContext): Promise<Organisation> {
    return createOrganisation(context, input);
  }

  @Mutation(() => Organisation, { description: "Changes an organisation's fields." })
  updateOrganisation(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: UpdateOrganisationInput,
    @Ctx() context: OrganisationsContext,
  ): Promise<Organisation> {
    return updateOrganisation(context, id, input);
  }

  @Mutation(() => ID, { description: "Deletes an organisation and every membership in it or of it; returns its id." })
  deleteOrganisation(@Arg("id", () => ID) id: string, @Ctx() context: OrganisationsContext): Promise<string> {
    return deleteOrganisation(context, id);
  }
}
