import { entityStubsRule } from "../rules/entity-stubs.rule";
import { located, subjectOf, typeRuleProblems } from "./policy-fixtures";

const problemsOf = (sdl: string, network = "creative-tracks", otherNetworks: string[] = []) =>
  located(typeRuleProblems(entityStubsRule, subjectOf(sdl, { network, otherNetworks })));

describe("entity-stubs rule", () => {
  it('accepts a stub with @key(fields: "id"), resolvable: false, @external core fields and prefixed fields', () => {
    expect(problemsOf('type Person @key(fields: "id", resolvable: false) { id: ID!  displayName: String! @external  creativeTracksScore: Int }')).toEqual([]);
  });

  it("refuses a core entity redefined as another kind, and says nothing more about it", () => {
    expect(problemsOf('interface Person @key(fields: "id") { id: ID!  score: Int }')).toEqual([{ code: "CORE_TYPE_REDEFINED", coordinate: "Person" }]);
  });

  it("refuses another key, a missing key and a missing or different id", () => {
    expect(problemsOf('type Person @key(fields: "displayName") { id: ID }')).toEqual([
      { code: "CORE_KEY_NOT_CANONICAL", coordinate: "Person" },
      { code: "CORE_ENTITY_ID_REQUIRED", coordinate: "Person.id" },
    ]);
    expect(problemsOf("extend type Person { creativeTracksScore: Int }")).toEqual([
      { code: "CORE_KEY_NOT_CANONICAL", coordinate: "Person" },
      { code: "CORE_ENTITY_ID_REQUIRED", coordinate: "Person" },
    ]);
  });

  it("refuses unprefixed fields and fields in a more specific network's namespace", () => {
    expect(
      problemsOf('type Person @key(fields: "id") { id: ID!  score: Int  cultureAgoraScore: Int  cultureScore: Int }', "culture", ["culture-agora"]),
    ).toEqual([
      { code: "CORE_FIELD_NOT_PREFIXED", coordinate: "Person.score" },
      { code: "NAME_IN_ANOTHER_NAMESPACE", coordinate: "Person.cultureAgoraScore" },
    ]);
  });
});
