import { parse } from "graphql";
import { unsupportedJsonCharset } from "../request-body";
import { documentNulPaths, nulCharacterRefusal, operationResolutionRefusal, variablesNulPaths } from "../request-validation";

describe("U+0000 in an operation", () => {
  it("names every string literal holding it by field and argument path", () => {
    const document = parse(`
      query Q($q: String = "x\\u0000") {
        people(search: "a\\u0000", filter: { text: "ok", languages: ["en", "fr\\u0000"] }) {
          edges { node { bio { text(lang: """block\u0000""") } } }
        }
        named: organisations(filter: { text: "\\u0000" }) @include(if: true) { totalCount }
        ...F
      }
      fragment F on Query { events(search: "e\\u0000") { totalCount } }
    `);
    expect(documentNulPaths(document)).toEqual([
      "$q",
      "people(search)",
      "people(filter.languages[1])",
      "people.edges.node.bio.text(lang)",
      "named(filter.text)",
      "...F > events(search)",
    ]);
  });

  it("finds nothing in a document without it, whatever other control characters it holds", () => {
    expect(documentNulPaths(parse(`{ people(search: "tab\\tline\\nbell\\u0007", filter: { text: "\\u0001" }) { totalCount } }`))).toEqual([]);
  });

  it("names the variables holding it, nested values and keys included", () => {
    expect(
      variablesNulPaths({
        q: "a\u0000b",
        clean: "fine",
        filter: { text: "\u0000", countries: ["TN", "M\u0000"] },
        input: { "bad\u0000key": 1 },
        n: 3,
        none: null,
      }),
    ).toEqual(["$q", "$filter.text", "$filter.countries[1]", "$input.bad\u0000key"]);
    expect(variablesNulPaths(undefined)).toEqual([]);
  });

  it("scans a deeply nested variable without overflowing the stack", () => {
    let nested: unknown = "deep\u0000";
    for (let depth = 0; depth < 50_000; depth++) nested = [nested];
    expect(variablesNulPaths({ v: nested })).toEqual([`$v${"[0]".repeat(50_000)}`]);
  });

  it("is refused as one BAD_USER_INPUT (HTTP 400) naming each place", () => {
    const error = nulCharacterRefusal(["$q", "people(search)"]);
    expect(error.message).toBe(
      "Invalid input: $q: must not contain the NUL character (\\u0000): the hub cannot store or search it; people(search): must not contain the NUL character (\\u0000): the hub cannot store or search it",
    );
    expect(error.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "$q",
      violations: [{ field: "$q" }, { field: "people(search)" }],
      http: { status: 400 },
    });
  });
});

describe("operation resolution", () => {
  it.each([
    ["an unknown operation name", "query A { __typename }", "B", 'Unknown operation named "B".'],
    [
      "several operations and no name",
      "query A { __typename } query B { __typename }",
      undefined,
      "Must provide operation name if query contains multiple operations.",
    ],
    ["a document of fragments only", "fragment F on Query { __typename }", null, "Must provide an operation."],
  ])("words %s as graphql-js does, with a 400", (_case, query, operationName, message) => {
    const error = operationResolutionRefusal(parse(query), operationName);
    expect(error.message).toBe(message);
    expect(error.extensions).toMatchObject({ code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } });
  });
});

describe("JSON body charsets", () => {
  it.each([
    undefined,
    "application/json",
    "application/json; charset=utf-8",
    "application/json;charset=UTF-8",
    'application/json; charset="utf-8"',
    "application/json; charset=utf8",
    "text/plain; charset=utf-7",
    "not a type",
  ])("accepts %j", (contentType) => {
    expect(unsupportedJsonCharset(contentType)).toBeNull();
  });

  it.each([
    ["application/json; charset=utf-7", "utf-7"],
    ["application/json; charset=UTF-16", "UTF-16"],
    ["Application/JSON; charset=iso-8859-1", "iso-8859-1"],
  ])("refuses %j", (contentType, charset) => {
    expect(unsupportedJsonCharset(contentType)).toBe(charset);
  });
});
