import { IsOptional } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { DirectoryFilterInput, SearchableListArgs } from "@agora-hub/subgraph-kit";
import { CareerStage, OpenTo, PersonOrder } from "./person.type";

@InputType({ description: "Narrows a list of people; every given criterion must hold, values within one criterion are alternatives." })
export class PeopleFilter extends DirectoryFilterInput({
  disciplines: true,
  countries: "Resident in any of these countries.",
  languages: 'Speaks any of these languages; "pt" also matches "pt-BR".',
  networks: true,
  text: "Part of the display name, case-insensitive.",
}) {
  @Field(() => [OpenTo], { nullable: true, description: "Open to any of these." })
  @IsOptional()
  openTo?: OpenTo[];

  @Field(() => [CareerStage], { nullable: true })
  @IsOptional()
  careerStages?: CareerStage[];
}

@ArgsType()
export class PeopleArgs extends SearchableListArgs({
  filter: PeopleFilter,
  searches: "the name, headline, bio, skills and city",
  order: PersonOrder,
  defaultOrder: PersonOrder.NAME,
  moderated: true,
}) {}
