import { buildSchema, graphql, type GraphQLResolveInfo } from "graphql";
import { listSelection, type ListSelection } from "../src";

const schema = buildSchema(`
  type Connection { totalCount: Int! totalCountApproximate: Boolean! edges: [Int!]! }
  type Query { list: Connection! }
`);

/** What `listSelection` says of the `list` field in `document`. */
async function selectionOf(document: string): Promise<ListSelection> {
  let seen: ListSelection | undefined;
  const result = await graphql({
    schema,
    source: document,
    rootValue: {
      list: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        seen = listSelection(info);
        return { totalCount: 0, totalCountApproximate: false, edges: [] };
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return seen!;
}

describe("listSelection", () => {
  it("says a list is counted when totalCount or totalCountApproximate is selected, aliased or in fragments", async () => {
    expect(await selectionOf("{ list { totalCount } }")).toEqual({ counted: true });
    expect(await selectionOf("{ list { approximate: totalCountApproximate } }")).toEqual({ counted: true });
    expect(await selectionOf("{ list { ... on Connection { totalCount } } }")).toEqual({ counted: true });
    expect(await selectionOf("{ list { ...Count } } fragment Count on Connection { edges ...Inner } fragment Inner on Connection { totalCount }")).toEqual({
      counted: true,
    });
  });

  it("says a list is not counted when neither is selected", async () => {
    expect(await selectionOf("{ list { edges } }")).toEqual({ counted: false });
    expect(await selectionOf("{ list { ...Edges } } fragment Edges on Connection { edges }")).toEqual({ counted: false });
    // An alias named like the field is not the field.
    expect(await selectionOf("{ list { totalCount: edges } }")).toEqual({ counted: false });
  });
});
