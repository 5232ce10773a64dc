import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { PeopleContext } from "../person/person.service";
import { exportPersonData } from "./person-data-export.service";
import { PersonDataExport } from "./person-data-export.type";

@Resolver(() => PersonDataExport)
export class PersonDataExportResolver {
  @Query(() => PersonDataExport, {
    nullable: true,
    description:
      "Everything the hub stores about a person, for their own network or the operator (GDPR access and portability); null for anyone else and for an unknown id.",
  })
  exportPersonData(@Arg("id", () => ID) id: string, @Ctx() context: PeopleContext): Promise<PersonDataExport | null> {
    return exportPersonData(context, id);
  }
}
