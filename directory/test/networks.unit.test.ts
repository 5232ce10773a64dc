import { buildSchema } from "graphql";
import { contributions } from "../pages/networks.page";

describe("directory networks page: what a network adds", () => {
  it("finds the fields a network's namespace adds to the hub's types and the types it owns, and nothing of another's", () => {
    const schema = buildSchema(`
      type Query { person(id: ID!): Person creativeTracksLabs: [CreativeTracksLab] creativeTracksx: Int }
      type Person { id: ID! creativeTracksProfile: CreativeTracksProfile cultureAgoraScore: Int }
      type Organisation { id: ID! creativeTracksLabs: [CreativeTracksLab] }
      type CreativeTracksLab { id: ID! }
      type CreativeTracksProfile { ambassador: Boolean }
    `);
    expect(contributions(schema, "creative-tracks")).toEqual({
      fields: ["Person.creativeTracksProfile", "Organisation.creativeTracksLabs", "Query.creativeTracksLabs"],
      types: ["CreativeTracksLab", "CreativeTracksProfile"],
    });
    expect(contributions(schema, "culture-agora").fields).toEqual(["Person.cultureAgoraScore"]);
    expect(contributions(undefined, "creative-tracks")).toEqual({ fields: [], types: [] });
  });
});
