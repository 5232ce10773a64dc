import { requiredCoordinates, schemaDirectivesRule, typeDirectivesRule } from "../rules/directives.rule";
import { located, subjectOf, typeRuleProblems } from "./policy-fixtures";

const problemsOf = (sdl: string) => located(typeRuleProblems(typeDirectivesRule, subjectOf(sdl)));

describe("directive rules", () => {
  it("refuses @override, @provides and @composeDirective anywhere, however they are named", () => {
    expect(problemsOf('type CreativeTracksLab { name: String @override(from: "people")  host: Person @provides(fields: "displayName") }')).toEqual([
      { code: "OVERRIDE_FORBIDDEN", coordinate: "CreativeTracksLab.name" },
      { code: "PROVIDES_FORBIDDEN", coordinate: "CreativeTracksLab.host" },
    ]);
    expect(problemsOf('type CreativeTracksLab { name: String @federation__override(from: "people") }')).toEqual([
      { code: "OVERRIDE_FORBIDDEN", coordinate: "CreativeTracksLab.name" },
    ]);
    const renamed = subjectOf(
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [{ name: "@override", as: "@take" }], as: "fed") @fed__composeDirective(name: "@x")\ntype CreativeTracksLab { name: String @take(from: "people") }',
    );
    expect(located(schemaDirectivesRule.check(renamed))).toEqual([{ code: "COMPOSE_DIRECTIVE_FORBIDDEN", coordinate: "schema" }]);
    expect(located(typeRuleProblems(typeDirectivesRule, renamed))).toEqual([{ code: "OVERRIDE_FORBIDDEN", coordinate: "CreativeTracksLab.name" }]);
  });

  it("allows @shareable and @inaccessible in the network's namespace only (a prefixed field's arguments included)", () => {
    expect(
      problemsOf(
        'type CreativeTracksLab @shareable { name: String @inaccessible }\ntype Person @key(fields: "id") { id: ID! @shareable  creativeTracksNote: String @inaccessible }',
      ),
    ).toEqual([{ code: "SHAREABLE_FORBIDDEN", coordinate: "Person.id" }]);
    expect(problemsOf("type Query { creativeTracksHello(lang: String @inaccessible): String @shareable }\nenum CountryCode { FR @inaccessible MA }")).toEqual([
      { code: "SHAREABLE_FORBIDDEN", coordinate: "Query.creativeTracksHello" },
      { code: "INACCESSIBLE_FORBIDDEN", coordinate: "CountryCode.FR" },
    ]);
  });

  it("lets an identical copy of a shared core type repeat core's own directives", () => {
    expect(problemsOf("type PageInfo @shareable { hasNextPage: Boolean!  endCursor: String }")).toEqual([]);
  });

  it("allows @external and @requires over the partner-readable core fields only", () => {
    expect(
      problemsOf('type Person @key(fields: "id") { id: ID!  displayName: String! @external  creativeTracksGreeting: String @requires(fields: "displayName") }'),
    ).toEqual([]);
    expect(
      problemsOf('type Person @key(fields: "id") { id: ID!  contactEmail: String @external  creativeTracksScore: Int @requires(fields: "contactEmail") }'),
    ).toEqual([
      { code: "EXTERNAL_NOT_ALLOWED", coordinate: "Person.contactEmail" },
      { code: "REQUIRES_NOT_ALLOWED", coordinate: "Person.creativeTracksScore" },
    ]);
    expect(problemsOf('type Person @key(fields: "id") @external { id: ID!  creativeTracksScore: Int @requires(fields: "...F") }')).toEqual([
      { code: "EXTERNAL_NOT_ALLOWED", coordinate: "Person" },
      { code: "REQUIRES_NOT_ALLOWED", coordinate: "Person.creativeTracksScore" },
    ]);
  });

  it("reads the coordinates of a @requires field set through nested selections and inline fragments", () => {
    const fieldTypes = new Map([["Person", new Map([["home", "Place"]])]]);
    expect(requiredCoordinates("id home { city } ... on Person { country }", "Person", fieldTypes)).toEqual([
      "Person.id",
      "Person.home",
      "Place.city",
      "Person.country",
    ]);
    expect(requiredCoordinates("unknown { x }", "Person", fieldTypes)).toBeNull();
    expect(requiredCoordinates("id } query { x", "Person", fieldTypes)).toBeNull();
  });
});
