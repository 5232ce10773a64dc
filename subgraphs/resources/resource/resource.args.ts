import { IsOptional } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { DirectoryFilterInput, LocalDate, MaxFilterValues, SearchableListArgs } from "@agora-hub/subgraph-kit";
import { ResourceKind, ResourceOrder } from "./resource.type";

@InputType({ description: "Narrows a list of resources; every given criterion must hold, values within one criterion are alternatives." })
export class ResourcesFilter extends DirectoryFilterInput({
  disciplines: true,
  countries: "About any of these countries.",
  languages: 'Available in any of these languages; "pt" also matches "pt-BR".',
  networks: true,
  text: "Part of the title in any language, case-insensitive.",
}) {
  @Field(() => [ResourceKind], { nullable: true, description: "Any of these kinds." })
  @IsOptional()
  kinds?: ResourceKind[];

  @Field(() => [String], { nullable: true, description: 'Under any of these SPDX licence ids, e.g. ["CC-BY-4.0", "CC-BY-SA-4.0"] (exact, case-insensitive).' })
  @IsOptional()
  @MaxFilterValues()
  licences?: string[];

  @Field(() => LocalDate, { nullable: true, description: "Published on or after this date." })
  @IsOptional()
  publishedAfter?: string;

  @Field(() => LocalDate, { nullable: true, description: "Published before this date." })
  @IsOptional()
  publishedBefore?: string;

  @Field(() => [ID], { nullable: true, description: "Written by any of these people." })
  @IsOptional()
  @MaxFilterValues()
  authorIds?: string[];

  @Field(() => [ID], { nullable: true, description: "Published by any of these organisations." })
  @IsOptional()
  @MaxFilterValues()
  publisherIds?: string[];
}

@ArgsType()
export class ResourcesArgs extends SearchableListArgs({
  filter: ResourcesFilter,
  searches: "the title, summary and body",
  order: ResourceOrder,
  defaultOrder: ResourceOrder.PUBLISHED,
  moderated: true,
}) {}
