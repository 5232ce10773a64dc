import { checkPartnerPolicy, PARTNER_POLICY_RULES } from "../partner-policy";
import { CORE_SDL, HEADER, located } from "./policy-fixtures";

const check = (definitions: string) => checkPartnerPolicy(`${HEADER}\n${definitions}`, { network: "creative-tracks", coreSdls: [CORE_SDL], otherPartners: [] });

describe("the partner policy's rule list", () => {
  it("names every rule once", () => {
    const names = PARTNER_POLICY_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("reports each type's problems together, in the SDL's order, after the whole-SDL rules and before nullability", () => {
    expect(
      located(
        check(
          'query Q { x }\ntype Query { labs: [String!]! }\ntype Lab { name: String @override(from: "people") }\ntype Person @key(fields: "id") { id: ID!  score: Int! }',
        ),
      ),
    ).toEqual([
      { code: "SDL_NOT_TYPE_SYSTEM", coordinate: "schema" },
      { code: "ROOT_FIELD_NOT_PREFIXED", coordinate: "Query.labs" },
      { code: "TYPE_NOT_PREFIXED", coordinate: "Lab" },
      { code: "OVERRIDE_FORBIDDEN", coordinate: "Lab.name" },
      { code: "CORE_FIELD_NOT_PREFIXED", coordinate: "Person.score" },
      { code: "NON_NULL_ROOT_FIELD", coordinate: "Query.labs" },
      { code: "NON_NULL_CONTRIBUTED_FIELD", coordinate: "Person.score" },
    ]);
  });

  it("gives an SDL that fails a gate that one problem and runs no rule", () => {
    expect(located(check("type Query {"))).toEqual([{ code: "SDL_SYNTAX_ERROR", coordinate: "schema" }]);
  });
});
