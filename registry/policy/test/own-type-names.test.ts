import { ownTypeNamesRule } from "../rules/own-type-names.rule";
import { located, subjectOf, typeRuleProblems } from "./policy-fixtures";

describe("own-type-names rule", () => {
  it("refuses an own type without the network prefix, suggesting the prefixed name", () => {
    const problems = typeRuleProblems(ownTypeNamesRule, subjectOf("type Lab { name: String }\ntype CreativeTracksLab { name: String }"));
    expect(located(problems)).toEqual([{ code: "TYPE_NOT_PREFIXED", coordinate: "Lab" }]);
    expect(problems[0].message).toContain("e.g. CreativeTracksLab");
  });

  it("refuses a prefix that runs into a lower-case letter", () => {
    expect(located(typeRuleProblems(ownTypeNamesRule, subjectOf("type CreativeTrackslab { name: String }")))).toEqual([
      { code: "TYPE_NOT_PREFIXED", coordinate: "CreativeTrackslab" },
    ]);
  });

  it("refuses a type in a more specific network's namespace, and leaves core and root types to other rules", () => {
    const subject = subjectOf("type CultureAgoraLab { name: String }\ntype CultureLab { name: String }\ntype Query { x: String }\nenum CountryCode { FR MA }", {
      network: "culture",
      otherNetworks: ["culture-agora", "culture"],
    });
    const problems = typeRuleProblems(ownTypeNamesRule, subject);
    expect(located(problems)).toEqual([{ code: "NAME_IN_ANOTHER_NAMESPACE", coordinate: "CultureAgoraLab" }]);
    expect(problems[0].message).toContain('network "culture-agora" (CultureAgora…)');
  });
});
