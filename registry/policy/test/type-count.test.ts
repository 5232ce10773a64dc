import { MAX_TYPE_DEFINITIONS, typeCountRule } from "../rules/type-count.rule";
import { subjectOf } from "./policy-fixtures";

const types = (count: number) => Array.from({ length: count }, (_, i) => `type CreativeTracksT${i} { a: String }`).join("\n");

describe("type-count rule", () => {
  it("accepts up to the limit and counts extensions as definitions", () => {
    expect(typeCountRule.check(subjectOf(types(MAX_TYPE_DEFINITIONS)))).toEqual([]);
    const problems = typeCountRule.check(subjectOf(`${types(MAX_TYPE_DEFINITIONS)}\nextend type CreativeTracksT0 { b: String }`));
    expect(problems).toEqual([
      { code: "TOO_MANY_TYPES", coordinate: "schema", message: expect.stringContaining(`${MAX_TYPE_DEFINITIONS + 1} type definitions`) },
    ]);
  });
});
