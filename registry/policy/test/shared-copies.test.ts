import { sharedCopiesRule } from "../rules/shared-copies.rule";
import { located, subjectOf, typeRuleProblems } from "./policy-fixtures";

const problemsOf = (sdl: string) => typeRuleProblems(sharedCopiesRule, subjectOf(sdl));

describe("shared-copies rule", () => {
  it("accepts exact copies of shared core types, descriptions and order aside", () => {
    expect(
      problemsOf(
        'enum CountryCode { MA "France" FR }\ntype PageInfo @shareable { endCursor: String hasNextPage: Boolean! }\ninput PeopleFilter { text: String countries: [CountryCode!] }\nscalar DateTimeISO',
      ),
    ).toEqual([]);
  });

  it("refuses a copy that differs from the core", () => {
    const problems = problemsOf("enum CountryCode { FR MA TN }\ninput PeopleFilter { text: String }");
    expect(located(problems)).toEqual([
      { code: "CORE_TYPE_REDEFINED", coordinate: "CountryCode" },
      { code: "CORE_TYPE_REDEFINED", coordinate: "PeopleFilter" },
    ]);
    expect(problems[0].message).toContain("differs from the core definition");
  });

  it("refuses any copy of a core object type that is not @shareable", () => {
    const problems = problemsOf("type Place { city: String }");
    expect(located(problems)).toEqual([{ code: "CORE_TYPE_REDEFINED", coordinate: "Place" }]);
    expect(problems[0].message).toContain("define your own CreativeTracksPlace");
  });
});
