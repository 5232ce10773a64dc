import { buildSchema, parse } from "graphql";
import { shapeAnswer } from "../shape-answer";

const schema = buildSchema(`
  type Query { people: [Person] media: [Media] node: Node }
  interface Node { id: ID! }
  interface Media { id: ID! title: String }
  type Video implements Media & Node { id: ID! title: String seconds: Int }
  type Book implements Media & Node { id: ID! title: String pages: Int }
  type Person implements Node { id: ID! displayName: String! contactEmail: String kind: Kind badge: String tags: [String!] }
  type Organisation implements Node { id: ID! name: String }
  enum Kind { ARTIST CURATOR }
`);

function shape(query: string, data: unknown, variables?: Record<string, unknown>) {
  return shapeAnswer({ schema, document: parse(query), variables, data });
}

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { badge } } }`;

describe("shapeAnswer", () => {
  it("keeps only the fields the operation selected, so a subgraph cannot overwrite another's", () => {
    const shaped = shape(
      ENTITIES,
      { _entities: [{ __typename: "Person", badge: "gold", displayName: "SPOOFED", contactEmail: "spoof@evil.example", id: "other" }] },
      {
        representations: [{ __typename: "Person", id: "p1" }],
      },
    );
    expect(shaped.data).toEqual({ _entities: [{ badge: "gold" }] });
    expect(shaped.problems).toEqual([]);
    expect(shaped.unrequested).toBe(4);
  });

  it("keeps aliases, nested selections, fragments and __typename as asked", () => {
    const query = `query { people { __typename who: displayName ...F } } fragment F on Person { kind tags }`;
    const shaped = shape(query, { people: [{ __typename: "Person", who: "Ada", kind: "ARTIST", tags: ["x"], displayName: "no" }, null] });
    expect(shaped.data).toEqual({ people: [{ __typename: "Person", who: "Ada", kind: "ARTIST", tags: ["x"] }, null] });
  });

  it("drops an entity whose selected key differs from the representation's", () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { id badge } } }`;
    const shaped = shape(
      query,
      {
        _entities: [
          { id: "p1", badge: "a" },
          { id: "forged", badge: "b" },
        ],
      },
      {
        representations: [
          { __typename: "Person", id: "p1" },
          { __typename: "Person", id: "p2" },
        ],
      },
    );
    expect(shaped.data).toEqual({ _entities: [{ id: "p1", badge: "a" }, null] });
    expect(shaped.problems).toEqual([expect.objectContaining({ path: ["_entities", 1], reason: "key-mismatch" })]);
  });

  it("drops an entity of another type than its representation's", () => {
    const shaped = shape(ENTITIES, { _entities: [{ __typename: "Organisation", badge: "x" }] }, { representations: [{ __typename: "Person", id: "p1" }] });
    expect(shaped.data).toEqual({ _entities: [null] });
    expect(shaped.problems).toEqual([expect.objectContaining({ path: ["_entities", 0], reason: "wrong-type" })]);
  });

  it("accepts a concrete possible type for an abstract representation and applies its fragments", () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Media { __typename title } ... on Video { seconds } ... on Book { pages } } }`;
    const shaped = shape(
      query,
      {
        _entities: [
          { __typename: "Video", title: "T", seconds: 3, pages: 9 },
          { __typename: "Media", title: "M" },
        ],
      },
      {
        representations: [
          { __typename: "Media", id: "v1" },
          { __typename: "Media", id: "m1" },
        ],
      },
    );
    expect(shaped.problems).toEqual([]);
    expect(shaped.data).toEqual({
      _entities: [
        { __typename: "Video", title: "T", seconds: 3 },
        { __typename: "Media", title: "M" },
      ],
    });
  });

  it("refuses a type that is not a possible type of the abstract one asked for", () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Media { title } } }`;
    const shaped = shape(query, { _entities: [{ __typename: "Person", title: "T" }] }, { representations: [{ __typename: "Media", id: "v1" }] });
    expect(shaped.data).toEqual({ _entities: [null] });
    expect(shaped.problems[0].reason).toBe("wrong-type");
  });

  it("nulls values of the wrong kind: an object for a String, an unknown enum value, a scalar for a list", () => {
    const shaped = shape(`{ people { displayName kind tags badge } }`, { people: [{ displayName: { html: "<b>" }, kind: "EMPEROR", tags: "x", badge: 7 }] });
    expect(shaped.data).toEqual({ people: [{ displayName: null, kind: null, tags: null, badge: null }] });
    expect(shaped.problems.map((problem) => problem.path)).toEqual([
      ["people", 0, "displayName"],
      ["people", 0, "kind"],
      ["people", 0, "tags"],
      ["people", 0, "badge"],
    ]);
  });

  it("refuses an object of another type at a position of an object type, and checks abstract positions", () => {
    const shaped = shape(`{ people { __typename displayName } node { __typename id } }`, {
      people: [{ __typename: "Organisation", displayName: "x" }],
      node: { __typename: "Video", id: "v1" },
    });
    expect(shaped.data).toEqual({ people: [null], node: { __typename: "Video", id: "v1" } });
    expect(shaped.problems).toEqual([expect.objectContaining({ path: ["people", 0], reason: "wrong-type" })]);
  });

  it("drops the whole answer when _entities does not match the representations", () => {
    const shaped = shape(ENTITIES, { _entities: [] }, { representations: [{ __typename: "Person", id: "p1" }] });
    expect(shaped.data).toBeNull();
    expect(shaped.problems[0].reason).toBe("invalid-entities");
  });

  it("honours @skip and @include with the operation's variables", () => {
    const query = `query($yes: Boolean!, $no: Boolean!) { people { displayName @include(if: $yes) badge @skip(if: $yes) kind @include(if: $no) } }`;
    const shaped = shape(query, { people: [{ displayName: "A", badge: "b", kind: "ARTIST" }] }, { yes: true, no: false });
    expect(shaped.data).toEqual({ people: [{ displayName: "A" }] });
  });

  it("answers data that is not an object with a problem and no data", () => {
    expect(shape(`{ people { id } }`, ["x"]).data).toBeNull();
    expect(shape(`{ people { id } }`, ["x"]).problems).toHaveLength(1);
    expect(shape(`{ people { id } }`, null)).toEqual({ data: null, problems: [], unrequested: 0 });
  });
});
