import { Supergraph } from "@apollo/federation-internals";
import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { SUPERGRAPH_PATH } from "../../../registry/composition/composition";
import { countTokens, shapeRefusal } from "../operation-limits";
import type { OperationLimits } from "../protection-config";
import { operationCost } from "../query-cost";

/*
 * The operation limits are functions of the schema, a document and the variables: checked here on the
 * API schema of the committed supergraph, as the gateway serves it. operation-limits.test.ts proves
 * the gateway applies them.
 */

const schema = Supergraph.build(readFileSync(SUPERGRAPH_PATH, "utf8")).apiSchema().toGraphQLJSSchema();

/** The defaults of protection-config.ts. */
const LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 10,
  maxDirectives: 20,
  maxTokens: 3000,
  maxCost: 50_000,
  maxRecursiveSelections: 2000,
  maxPageSize: 100,
  defaultPageSize: 20,
};

const shape = (query: string) => shapeRefusal(schema, parse(query), LIMITS);
const cost = (query: string, variables?: Record<string, unknown>) =>
  operationCost({ schema, document: parse(query), variables, defaultPageSize: LIMITS.defaultPageSize, maxPageSize: LIMITS.maxPageSize });

const README_QUERIES = [
  `query {
    people(first: 10, filter: { countries: [TN, MA], disciplines: [VISUAL_ARTS_AND_CRAFTS] }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { displayName city bio { text(lang: "fr") textLanguage(lang: "fr") } } }
    }
  }`,
  `query {
    people(first: 3) {
      edges { node {
        displayName
        memberships(first: 5) { edges { node { role organisation {
          name country
          opportunities(first: 3) { edges { node { type title { text } deadline status } } }
          events(first: 3) { edges { node { title { text } startsAt venue { city } } } }
        } } } }
        events(first: 3) { edges { node { title { text } } } }
      } }
    }
  }`,
];

/** people → memberships → organisation → events, each connection `first: $n` (or a literal). */
const nestedLists = (first: string) =>
  `query Nested${first === "$n" ? "($n: Int!)" : ""} { people(first: ${first}) { edges { node { memberships(first: ${first}) { edges { node { organisation { events(first: ${first}) { edges { node { id } } } } } } } } } } }`;

/** A selection `levels` levels deep: people → memberships → person → memberships → … */
function nested(levels: number): string {
  let inner = "role";
  for (let level = 0; level < levels; level++) inner = `memberships(first: 1) { edges { node { person { ${inner} } } } }`;
  return `{ people(first: 1) { edges { node { ${inner} } } } }`;
}

describe("shape limits", () => {
  it.each(README_QUERIES.map((query, index) => [index + 1, query]))("let the README's example query %i through, within the cost limit", (_index, query) => {
    expect(shape(query)).toBeNull();
    expect(cost(query)!.cost).toBeLessThanOrEqual(LIMITS.maxCost);
  });

  it("refuse an operation deeper than maxDepth with MAX_DEPTH_EXCEEDED, and not one at it", () => {
    const refused = shape(nested(3));
    expect(refused?.extensions).toMatchObject({ code: "MAX_DEPTH_EXCEEDED", limit: 12 });
    expect(refused?.message).toMatch(/depth limit of 12/);
    expect(shape(nested(2))).toBeNull();
  });

  it.each([
    [
      "more than maxAliases aliases, __typename aliases included",
      `{ people(first: 1) { ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(" ")} } }`,
      "MAX_ALIASES_EXCEEDED",
    ],
    [
      "an alias named __typename among too many",
      `{ people(first: 1) { __typename: totalCount ${Array.from({ length: 30 }, (_, i) => `a${i}: totalCount`).join(" ")} } }`,
      "MAX_ALIASES_EXCEEDED",
    ],
    ["more than maxRootFields root fields", `{ ${"__typename ".repeat(11)} }`, "MAX_ROOT_FIELDS_EXCEEDED"],
    [
      "more than maxRootFields root fields through fragments",
      `{ ...A ...B } fragment A on Query { ${"__typename ".repeat(6)} } fragment B on Query { ${"__typename ".repeat(5)} }`,
      "MAX_ROOT_FIELDS_EXCEEDED",
    ],
    [
      "more than maxDirectives directives",
      `{ people(first: 1) { edges { node { ${Array.from({ length: 21 }, () => "id @include(if: true)").join(" ")} } } } }`,
      "MAX_DIRECTIVES_EXCEEDED",
    ],
  ])("refuse %s", (_label, query, code) => {
    expect(shape(query)?.extensions).toMatchObject({ code, http: { status: 400 } });
  });

  it.each([
    ["30 aliases", `{ people(first: 1) { ${Array.from({ length: 30 }, (_, i) => `a${i}: __typename`).join(" ")} } }`],
    ["10 root fields", `{ ${"__typename ".repeat(10)} }`],
    ["20 directives", `{ people(first: 1) { edges { node { ${Array.from({ length: 20 }, () => "id @include(if: true)").join(" ")} } } } }`],
    ["a fragment spread into itself, which validation answers", `{ ...F } fragment F on Query { ...F }`],
  ])("let through %s", (_label, query) => {
    expect(shape(query)).toBeNull();
  });
});

describe("tokens", () => {
  it("count the parser's tokens, comments excluded, and stop just past the limit", () => {
    expect(countTokens("{ people(first: 1) { totalCount } } # a comment", 100)).toBe(11);
    expect(countTokens(`{ ${"__typename ".repeat(5000)} }`, 3000)).toBe(3001);
  });

  it("leave a syntax error to the parser, counting what came before it", () => {
    expect(countTokens('{ people(first: 1) { "unterminated', 100)).toBe(8);
  });
});

describe("cost", () => {
  it("is the nested product of page sizes, from literals and from variables alike", () => {
    const literal = cost(nestedLists("100"))!;
    expect(literal.cost).toBeGreaterThan(LIMITS.maxCost);
    expect(cost(nestedLists("$n"), { n: 100 })!.cost).toBe(literal.cost);
    expect(cost(nestedLists("$n"), { n: 2 })!.cost).toBeLessThan(100);
  });

  it("counts a connection without first at the default page size", () => {
    expect(cost(nestedLists("20"))!.cost).toBe(
      cost(`{ people { edges { node { memberships { edges { node { organisation { events { edges { node { id } } } } } } } } } } }`)!.cost,
    );
  });

  it("names the first page size over maxPageSize, given literally or in a variable", () => {
    expect(cost(`{ people(first: 101) { totalCount } }`)!.oversizedPage).toEqual({ field: "Query.people", first: 101 });
    expect(cost(`query ($n: Int!) { organisations(first: $n) { totalCount } }`, { n: 1_000_000 })!.oversizedPage).toEqual({
      field: "Query.organisations",
      first: 1_000_000,
    });
    expect(cost(`{ people(first: 100) { totalCount } }`)!.oversizedPage).toBeUndefined();
  });

  it("is not measured when the variables do not coerce, which execution answers", () => {
    expect(cost(nestedLists("$n"), { n: "many" })).toBeNull();
  });
});
