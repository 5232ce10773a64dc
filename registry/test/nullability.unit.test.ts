import { coreNullabilityProblems, printCoreSubgraphs } from "../../scripts/schema/print-core-subgraphs";
import { nullabilityProblems } from "../policy/nullability";

const HEADER = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires"])';
const ownsEvent = (type: string) => type === "Event";

function codes(sdl: string, isOwned = ownsEvent): string[] {
  return nullabilityProblems(`${HEADER}\n${sdl}`, isOwned).map((problem) => `${problem.code} ${problem.coordinate}`);
}

describe("the graph's nullability rule", () => {
  it("wants root fields nullable", () => {
    expect(
      codes('type Query { events: [Event!]! event(id: ID!): Event } type Mutation { deleteEvent(id: ID!): ID! } type Event @key(fields: "id") { id: ID! }'),
    ).toEqual(["NON_NULL_ROOT_FIELD Query.events", "NON_NULL_ROOT_FIELD Mutation.deleteEvent"]);
  });

  it("wants fields added to another subgraph's entity nullable, but not its keys or @external fields", () => {
    expect(
      codes(`type Query { x: Int } type Person @key(fields: "id") { id: ID! country: String! @external events: [Event!]! count: Int }
             type Event @key(fields: "id") { id: ID! }`),
    ).toEqual(["NON_NULL_CONTRIBUTED_FIELD Person.events"]);
  });

  it("wants a reference to another subgraph's entity nullable where it holds the entity, list items included", () => {
    expect(
      codes(`type Query { x: Int }
             type Event @key(fields: "id") { id: ID! speakers: [Person!]! host: Organisation! guests: [Person]! venue: Organisation self: Event! }
             type Person @key(fields: "id") { id: ID! }
             type Organisation @key(fields: "id") { id: ID! }`),
    ).toEqual(["NON_NULL_REFERENCE Event.speakers", "NON_NULL_REFERENCE Event.host"]);
  });

  it("counts a union or interface of another subgraph's entities as a reference", () => {
    expect(
      codes(`type Query { x: Int } type Hit { node: Node! }
             union Node = Person | Event
             type Person @key(fields: "id") { id: ID! }
             type Event @key(fields: "id") { id: ID! }`),
    ).toEqual(["NON_NULL_REFERENCE Hit.node"]);
  });

  it("names the nullable form in its message", () => {
    const [problem] = nullabilityProblems(
      `${HEADER}\ntype Query { x: Int } type Event @key(fields: "id") { id: ID! speakers: [Person!]! } type Person @key(fields: "id") { id: ID! }`,
      ownsEvent,
    );
    expect(problem.message).toContain("[Person]!");
  });

  it("holds for every core subgraph", async () => {
    expect(coreNullabilityProblems(await printCoreSubgraphs())).toEqual([]);
  });
});
