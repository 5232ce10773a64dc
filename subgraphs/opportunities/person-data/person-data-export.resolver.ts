import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { JSONObject } from "../../../domain/open-formats/json-ld";
import type { OpportunitiesContext } from "../opportunity/opportunity.service";
import { PersonDataExport } from "./person-data-export.stub";
import { exportOpportunitiesAsContact } from "./person-data.service";

/** Contributes `PersonDataExport.opportunitiesAsContact`: what this subgraph stores about the person. */
@Resolver(() => PersonDataExport)
export class PersonDataExportResolver {
  @FieldResolver(() => [JSONObject], {
    nullable: true,
    description: "Opportunities naming the person as their contact, every stored field of each (from the opportunities subgraph).",
  })
  opportunitiesAsContact(@Root() key: PersonDataExport, @Ctx() context: OpportunitiesContext): Promise<Array<Record<string, unknown>>> {
    return exportOpportunitiesAsContact(context, key);
  }
}
