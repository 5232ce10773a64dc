import { typeSystemOnlyRule } from "../rules/type-system-only.rule";
import { located, subjectOf } from "./policy-fixtures";

describe("type-system-only rule", () => {
  it("reports each operation and fragment in the SDL", () => {
    const subject = subjectOf("type Query { creativeTracksHello: String }\nquery Q { creativeTracksHello }\nfragment F on Query { creativeTracksHello }");
    expect(located(typeSystemOnlyRule.check(subject))).toEqual([
      { code: "SDL_NOT_TYPE_SYSTEM", coordinate: "schema" },
      { code: "SDL_NOT_TYPE_SYSTEM", coordinate: "schema" },
    ]);
  });

  it("accepts type system definitions only", () => {
    expect(typeSystemOnlyRule.check(subjectOf("type Query { creativeTracksHello: String }"))).toEqual([]);
  });
});
