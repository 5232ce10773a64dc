import { parse } from "graphql";
import { networkPrefixes } from "../namespaces";
import { policySubject } from "../policy-subject";
import { linkedSpecsRule } from "../rules/linked-specs.rule";
import { CORE_SDL, located, subjectOf } from "./policy-fixtures";

const context = { network: "creative-tracks", coreSdls: [CORE_SDL], otherPartners: [] };
const bare = (sdl: string) => policySubject(parse(sdl), networkPrefixes("creative-tracks"), context);

describe("linked-specs rule", () => {
  it("accepts federation 2 and the plain link spec", () => {
    expect(linkedSpecsRule.check(subjectOf('extend schema @link(url: "https://specs.apollo.dev/link/v1.0")'))).toEqual([]);
  });

  it("refuses any other spec, and the link spec imported or renamed", () => {
    const subject = subjectOf('extend schema @link(url: "https://example.com/mine/v1.0") @link(url: "https://specs.apollo.dev/link/v1.0", as: "l")');
    expect(located(linkedSpecsRule.check(subject))).toEqual([
      { code: "LINK_NOT_ALLOWED", coordinate: "schema" },
      { code: "LINK_NOT_ALLOWED", coordinate: "schema" },
    ]);
  });

  it("reports an SDL that does not link federation 2, after the refused links", () => {
    expect(located(linkedSpecsRule.check(bare('extend schema @link(url: "https://specs.apollo.dev/federation/v1.0")\ntype Query { a: String }')))).toEqual([
      { code: "LINK_NOT_ALLOWED", coordinate: "schema" },
      { code: "FEDERATION_LINK_MISSING", coordinate: "schema" },
    ]);
  });
});
