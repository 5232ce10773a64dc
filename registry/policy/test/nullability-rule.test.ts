import { nullabilityRule } from "../rules/nullability.rule";
import { located, subjectOf } from "./policy-fixtures";

describe("nullability rule", () => {
  it("owns the network's namespace only: fields added to core entities and references to them are nullable", () => {
    const subject = subjectOf(
      'type Query { creativeTracksLabs: [CreativeTracksLab!]! }\ntype CreativeTracksLab @key(fields: "id") { id: ID!  host: Person!  name: String! }\ntype Person @key(fields: "id") { id: ID!  creativeTracksScore: Int! }',
    );
    expect(located(nullabilityRule.check(subject))).toEqual([
      { code: "NON_NULL_ROOT_FIELD", coordinate: "Query.creativeTracksLabs" },
      { code: "NON_NULL_REFERENCE", coordinate: "CreativeTracksLab.host" },
      { code: "NON_NULL_CONTRIBUTED_FIELD", coordinate: "Person.creativeTracksScore" },
    ]);
  });

  it("leaves an SDL graphql-js cannot build to composition", () => {
    expect(nullabilityRule.check(subjectOf("type CreativeTracksLab { host: Nowhere! }\ntype CreativeTracksLab { again: String }"))).toEqual([]);
  });
});
