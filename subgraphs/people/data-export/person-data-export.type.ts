import { Directive, Field, ID, ObjectType } from "type-graphql";
import { JSONObject } from "../../../domain/open-formats/json-ld";

/**
 * Everything the hub stores about one person (GDPR Art. 15 and 20), in one machine-readable answer. The
 * people subgraph owns it and fills in `person`; every other subgraph that stores something about people adds
 * its field through a `PersonDataExport` key stub (organisations: `memberships`, opportunities:
 * `opportunitiesAsContact`, events: `speakerAt`, resources: `authorOf`).
 */
@Directive('@key(fields: "personId network")')
@ObjectType({
  description:
    "Everything the hub stores about one person (GDPR access and portability), as JSON objects: the person's record here, and what each other subgraph holds about them.",
})
export class PersonDataExport {
  @Field(() => ID, { description: "The person's id." })
  personId!: string;

  @Field({ description: "The person's network: only this network and the operator may export the person." })
  network!: string;

  @Field({ description: "When this export was made." })
  exportedAt!: Date;

  @Field(() => JSONObject, {
    description: "Every stored field of the person, private ones included (contact email, directory consent `discoverable`), under their API names.",
  })
  person!: Record<string, unknown>;
}
