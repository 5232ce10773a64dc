import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { JSONObject } from "../../../domain/open-formats/json-ld";
import type { EventsContext } from "../event/event.service";
import { PersonDataExport } from "./person-data-export.stub";
import { exportSpeakerAt } from "./person-data.service";

/** Contributes `PersonDataExport.speakerAt`: what this subgraph stores about the person. */
@Resolver(() => PersonDataExport)
export class PersonDataExportResolver {
  @FieldResolver(() => [JSONObject], {
    nullable: true,
    description:
      "Events the person speaks or performs at: the speaker link (`personId`, `position` in the programme) and every stored field of the `event` (from the events subgraph).",
  })
  speakerAt(@Root() key: PersonDataExport, @Ctx() context: EventsContext): Promise<Array<Record<string, unknown>>> {
    return exportSpeakerAt(context, key);
  }
}
