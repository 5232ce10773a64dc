import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { JSONObject } from "../../../domain/open-formats/json-ld";
import type { ResourcesContext } from "../resource/resource.service";
import { PersonDataExport } from "./person-data-export.stub";
import { exportAuthorOf } from "./person-data.service";

/** Contributes `PersonDataExport.authorOf`: what this subgraph stores about the person. */
@Resolver(() => PersonDataExport)
export class PersonDataExportResolver {
  @FieldResolver(() => [JSONObject], {
    nullable: true,
    description:
      "Resources the person wrote: the authorship (`personId`, `position` among the authors) and every stored field of the `resource` (from the resources subgraph).",
  })
  authorOf(@Root() key: PersonDataExport, @Ctx() context: ResourcesContext): Promise<Array<Record<string, unknown>>> {
    return exportAuthorOf(context, key);
  }
}
