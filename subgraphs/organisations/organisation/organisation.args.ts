import { IsOptional } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { DirectoryFilterInput, SearchableListArgs } from "@agora-hub/subgraph-kit";
import { OrganisationKind, OrganisationOrder, OrganisationService } from "./organisation.type";

@InputType({ description: "Narrows a list of organisations; every given criterion must hold, values within one criterion are alternatives." })
export class OrganisationsFilter extends DirectoryFilterInput({
  disciplines: true,
  countries: "Established in any of these countries.",
  languages: 'Works in any of these languages; "pt" also matches "pt-BR".',
  networks: true,
  text: true,
}) {
  @Field(() => [OrganisationKind], { nullable: true, description: "Of any of these kinds." })
  @IsOptional()
  kinds?: OrganisationKind[];

  @Field(() => [OrganisationService], { nullable: true, description: "Offering any of these services." })
  @IsOptional()
  services?: OrganisationService[];
}

@ArgsType()
export class OrganisationsArgs extends SearchableListArgs({
  filter: OrganisationsFilter,
  searches: "the name, description and city",
  order: OrganisationOrder,
  defaultOrder: OrganisationOrder.NAME,
  moderated: true,
}) {}
