import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { JSONObject } from "../../../domain/open-formats/json-ld";
import type { OrganisationsContext } from "../organisations.loaders";
import { PersonDataExport } from "./person-data-export.stub";
import { exportMemberships } from "./person-data.service";

/** Contributes `PersonDataExport.memberships`: what this subgraph stores about the person. */
@Resolver(() => PersonDataExport)
export class PersonDataExportResolver {
  @FieldResolver(() => [JSONObject], {
    nullable: true,
    description:
      "The person's memberships of organisations in every publication state (drafts and those under review too), every stored field of each, whichever network recorded them (from the organisations subgraph).",
  })
  memberships(@Root() key: PersonDataExport, @Ctx() context: OrganisationsContext): Promise<Array<Record<string, unknown>>> {
    return exportMemberships(context, key);
  }
}
