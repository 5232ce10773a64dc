import { namesOwnedElsewhereRule } from "../rules/names-owned-elsewhere.rule";
import { HEADER, located, subjectOf } from "./policy-fixtures";

const LAB =
  'type Query { creativeTracksLab: CreativeTracksLab }\ntype CreativeTracksLab { name: String }\ntype Person @key(fields: "id") { id: ID! creativeTracksScore: Int }';

describe("names-owned-elsewhere rule", () => {
  it("reports every root field, own type and core entity field another network publishes", () => {
    const subject = subjectOf(LAB, { otherPartners: [{ network: "creative", name: "labs", sdl: `${HEADER}\n${LAB}` }] });
    const problems = namesOwnedElsewhereRule.check(subject);
    expect(located(problems)).toEqual([
      { code: "OWNED_BY_ANOTHER_NETWORK", coordinate: "Query.creativeTracksLab" },
      { code: "OWNED_BY_ANOTHER_NETWORK", coordinate: "CreativeTracksLab" },
      { code: "OWNED_BY_ANOTHER_NETWORK", coordinate: "Person.creativeTracksScore" },
    ]);
    expect(problems[0].message).toContain('network "creative" (subgraph "labs")');
  });

  it("matches root fields by operation, so a renamed root type still collides", () => {
    const renamed = "schema { query: CreativeTracksRoot }\ntype CreativeTracksRoot { creativeTracksLab: String }";
    const subject = subjectOf(renamed, { otherPartners: [{ network: "creative", name: "labs", sdl: `${HEADER}\ntype Query { creativeTracksLab: String }` }] });
    expect(located(namesOwnedElsewhereRule.check(subject))).toEqual([{ code: "OWNED_BY_ANOTHER_NETWORK", coordinate: "CreativeTracksRoot.creativeTracksLab" }]);
  });

  it("ignores the network's own subgraphs and stored copies that no longer parse", () => {
    const subject = subjectOf(LAB, {
      otherPartners: [
        { network: "creative-tracks", name: "earlier", sdl: `${HEADER}\n${LAB}` },
        { network: "creative", name: "broken", sdl: "type {" },
      ],
    });
    expect(namesOwnedElsewhereRule.check(subject)).toEqual([]);
  });
});
