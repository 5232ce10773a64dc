import { rootFieldsRule } from "../rules/root-fields.rule";
import { located, subjectOf, typeRuleProblems } from "./policy-fixtures";

describe("root-fields rule", () => {
  it("refuses unprefixed root fields in type and extend type form, and skips federation's own", () => {
    const subject = subjectOf(
      "type Query { creativeTracksOk: String _service: String }\nextend type Query { labs: String }\ntype Mutation { joinLab: String }",
    );
    const problems = typeRuleProblems(rootFieldsRule, subject);
    expect(located(problems)).toEqual([
      { code: "ROOT_FIELD_NOT_PREFIXED", coordinate: "Query.labs" },
      { code: "ROOT_FIELD_NOT_PREFIXED", coordinate: "Mutation.joinLab" },
    ]);
    expect(problems[1].message).toContain("e.g. creativeTracksJoinLab");
  });

  it("judges a root type renamed in the schema definition as a root", () => {
    expect(located(typeRuleProblems(rootFieldsRule, subjectOf("schema { query: CreativeTracksRoot }\ntype CreativeTracksRoot { labs: String }")))).toEqual([
      { code: "ROOT_FIELD_NOT_PREFIXED", coordinate: "CreativeTracksRoot.labs" },
    ]);
  });

  it("refuses a root field in a more specific network's namespace", () => {
    const subject = subjectOf("type Query { cultureAgoraLabs: String cultureLabs: String }", { network: "culture", otherNetworks: ["culture-agora"] });
    expect(located(typeRuleProblems(rootFieldsRule, subject))).toEqual([{ code: "NAME_IN_ANOTHER_NAMESPACE", coordinate: "Query.cultureAgoraLabs" }]);
  });
});
